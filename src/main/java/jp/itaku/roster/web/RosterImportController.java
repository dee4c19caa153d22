package jp.itaku.roster.web;

import java.io.IOException;
import java.util.UUID;

import jp.itaku.platform.Actor;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.roster.RosterFile;
import jp.itaku.roster.RosterImports;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Roster import in two steps: the upload shows a preview (every row read, every problem
 * by line, the blank lines skipped) and stores nothing; confirming stores all the rows in
 * one transaction, or none.
 * <p>
 * Between the two steps the rows read wait, encrypted and bound to the contract and the
 * user, in the document store ({@link RosterImports#hold}), under a random id that the
 * confirm form carries; any node confirms them. Confirming or cancelling removes them;
 * they expire after an hour. The file itself is never kept, and the user never has to
 * upload it twice.
 */
@Controller
class RosterImportController {

	private final RosterImports imports;

	private final RosterProblems problems;

	RosterImportController(RosterImports imports, RosterProblems problems) {
		this.imports = imports;
		this.problems = problems;
	}

	@PostMapping("/contracts/{id}/roster/import")
	String upload(@PathVariable("id") UUID id, @RequestParam(name = "file", required = false) MultipartFile file,
			Model model, RedirectAttributes redirect) throws IOException {
		Actor actor = CurrentActor.require();
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("actionErrors",
					this.problems.messages(new InvalidInputProblem("file", "roster.import.noFile")));
			return "redirect:/contracts/" + id + "/roster";
		}
		if (file.getSize() > RosterFile.MAX_BYTES) {
			redirect.addFlashAttribute("actionErrors", this.problems.messages(
					new InvalidInputProblem("file", "roster.import.tooLarge", RosterFile.MAX_BYTES / (1024 * 1024))));
			return "redirect:/contracts/" + id + "/roster";
		}
		RosterImports.ImportPreview preview = this.imports.preview(actor, id, file.getOriginalFilename(),
				file.getBytes());
		model.addAttribute("preview", preview);
		if (preview.valid()) {
			model.addAttribute("token", this.imports.hold(actor, id, preview.forms()));
		}
		return "roster/import";
	}

	@PostMapping("/contracts/{id}/roster/import/confirm")
	String confirm(@PathVariable("id") UUID id, @RequestParam(name = "token", required = false) String token,
			RedirectAttributes redirect) {
		Actor actor = CurrentActor.require();
		try {
			this.imports.confirm(actor, id, token);
			redirect.addFlashAttribute("flash", "roster.import.stored");
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.problems.messages(problem));
		}
		return "redirect:/contracts/" + id + "/roster";
	}

	@PostMapping("/contracts/{id}/roster/import/cancel")
	String cancel(@PathVariable("id") UUID id, @RequestParam(name = "token", required = false) String token,
			RedirectAttributes redirect) {
		this.imports.cancel(CurrentActor.require(), id, token);
		redirect.addFlashAttribute("flash", "roster.import.cancelled");
		return "redirect:/contracts/" + id + "/roster";
	}

}
