package jp.itaku.roster.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import jp.itaku.platform.Actor;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.roster.RosterFile;
import jp.itaku.roster.RosterImports;
import jp.itaku.roster.RosterMemberForm;

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
 * Between the two steps the rows read are held in the user's HTTP session (server memory
 * only, one pending import per session, bound to the contract, the user and a random
 * token that the confirm form carries), not in the document store: the rows may hold a
 * nationality, which must never rest unencrypted, and the file itself is never kept.
 * Confirming or cancelling removes them; signing out or the idle timeout ends the session
 * and them with it. The user never has to upload the file twice.
 */
@Controller
class RosterImportController {

	static final String SESSION_KEY = "roster.pendingImport";

	private final RosterImports imports;

	private final RosterProblems problems;

	RosterImportController(RosterImports imports, RosterProblems problems) {
		this.imports = imports;
		this.problems = problems;
	}

	@PostMapping("/contracts/{id}/roster/import")
	String upload(@PathVariable("id") UUID id, @RequestParam(name = "file", required = false) MultipartFile file,
			Model model, HttpSession session, RedirectAttributes redirect) throws IOException {
		Actor actor = CurrentActor.require();
		session.removeAttribute(SESSION_KEY);
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
			String token = UUID.randomUUID().toString();
			session.setAttribute(SESSION_KEY, new PendingImport(token, id, actor.userId(), preview.forms()));
			model.addAttribute("token", token);
		}
		return "roster/import";
	}

	@PostMapping("/contracts/{id}/roster/import/confirm")
	String confirm(@PathVariable("id") UUID id, @RequestParam(name = "token", required = false) String token,
			HttpSession session, RedirectAttributes redirect) {
		Actor actor = CurrentActor.require();
		Object held = session.getAttribute(SESSION_KEY);
		if (!(held instanceof PendingImport pending) || !pending.token().equals(token)
				|| !pending.contractId().equals(id) || !pending.userId().equals(actor.userId())) {
			redirect.addFlashAttribute("actionErrors",
					this.problems.messages(new InvalidInputProblem("file", "roster.import.expired")));
			return "redirect:/contracts/" + id + "/roster";
		}
		session.removeAttribute(SESSION_KEY);
		try {
			this.imports.confirm(actor, id, pending.forms());
			redirect.addFlashAttribute("flash", "roster.import.stored");
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.problems.messages(problem));
		}
		return "redirect:/contracts/" + id + "/roster";
	}

	@PostMapping("/contracts/{id}/roster/import/cancel")
	String cancel(@PathVariable("id") UUID id, HttpSession session, RedirectAttributes redirect) {
		CurrentActor.require();
		session.removeAttribute(SESSION_KEY);
		redirect.addFlashAttribute("flash", "roster.import.cancelled");
		return "redirect:/contracts/" + id + "/roster";
	}

	/**
	 * Rows read and checked, waiting for the lead's confirmation.
	 *
	 * @param token the token the confirm form carries
	 * @param contractId the contract
	 * @param userId who uploaded them
	 * @param forms the rows
	 */
	record PendingImport(String token, UUID contractId, UUID userId, List<RosterMemberForm> forms) {

		@Override
		public String toString() {
			return "PendingImport[" + this.contractId + ", " + this.forms.size() + " rows]";
		}

	}

}
