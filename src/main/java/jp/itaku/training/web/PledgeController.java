package jp.itaku.training.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.web.Downloads;
import jp.itaku.platform.web.FormErrors;
import jp.itaku.training.Pledges;
import jp.itaku.platform.web.Idempotent;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pledges: the worker's own list and the page to read and acknowledge theirs; for the
 * lead, recording the signed scan and submitting the pledge.
 */
@Controller
class PledgeController {

	private final Pledges pledges;

	private final FormErrors formErrors;

	PledgeController(Pledges pledges, FormErrors formErrors) {
		this.pledges = pledges;
		this.formErrors = formErrors;
	}

	@GetMapping("/pledges")
	String mine(Model model) {
		model.addAttribute("pledges", this.pledges.mine(CurrentActor.require()));
		return "training/my-pledges";
	}

	@GetMapping("/pledges/{id}")
	String pledge(@PathVariable("id") UUID id, Model model) {
		model.addAttribute("detail", this.pledges.detail(CurrentActor.require(), id));
		return "training/pledge";
	}

	@PostMapping("/pledges/{id}/acknowledge")
	String acknowledge(@PathVariable("id") UUID id,
			@RequestParam(name = "textSha256", required = false) String textSha256, RedirectAttributes redirect) {
		try {
			this.pledges.acknowledge(CurrentActor.require(), id, textSha256);
			redirect.addFlashAttribute("flash", "training.pledge.acknowledged");
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.formErrors.messages(problem));
		}
		return "redirect:/pledges/" + id;
	}

	@PostMapping("/pledges/{id}/signed")
	String uploadSigned(@PathVariable("id") UUID id,
			@RequestParam(name = "signedOn",
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedOn,
			@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
			throws IOException {
		try (InputStream content = (file == null || file.isEmpty()) ? null : file.getInputStream()) {
			this.pledges.uploadSigned(CurrentActor.require(), id, signedOn,
					(file != null) ? file.getOriginalFilename() : null, (file != null) ? file.getContentType() : null,
					content);
			redirect.addFlashAttribute("flash", "training.pledge.uploaded");
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.formErrors.messages(problem));
		}
		return "redirect:/pledges/" + id;
	}

	@PostMapping("/pledges/{id}/submit")
	@Idempotent
	String submit(@PathVariable("id") UUID id, @RequestParam(name = "obligation", required = false) UUID obligationId,
			RedirectAttributes redirect) {
		try {
			this.pledges.submit(CurrentActor.require(), id, obligationId);
			redirect.addFlashAttribute("flash", "training.filed");
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.formErrors.messages(problem));
		}
		return "redirect:/pledges/" + id;
	}

	@GetMapping("/pledges/{id}/document.pdf")
	void document(@PathVariable("id") UUID id, HttpServletResponse response) throws IOException {
		Pledges.OpenedFile file = this.pledges.open(CurrentActor.require(), id, false);
		Downloads.send(response, file.fileName(), file.content());
	}

	@GetMapping("/pledges/{id}/signed-document")
	void signedDocument(@PathVariable("id") UUID id, HttpServletResponse response) throws IOException {
		Pledges.OpenedFile file = this.pledges.open(CurrentActor.require(), id, true);
		Downloads.send(response, file.fileName(), file.content());
	}

}
