package jp.itaku.obligation.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jp.itaku.obligation.Obligations;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.web.FormErrors;
import jp.itaku.platform.web.Idempotent;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One obligation: its clause, due date and status, its submissions with files and review,
 * and its history; the contractor submits here, the client reviews or waives.
 */
@Controller
class ObligationController {

	private final Obligations obligations;

	private final FormErrors formErrors;

	ObligationController(Obligations obligations, FormErrors formErrors) {
		this.obligations = obligations;
		this.formErrors = formErrors;
	}

	@GetMapping("/obligations/{id}")
	String obligation(@PathVariable("id") UUID id, Model model) {
		model.addAttribute("detail", this.obligations.detail(CurrentActor.require(), id));
		return "obligations/detail";
	}

	@PostMapping("/obligations/{id}/submissions")
	@Idempotent
	String submit(@PathVariable("id") UUID id, @RequestParam(name = "comment", required = false) String comment,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes redirect) {
		List<Obligations.Upload> uploads = (files == null) ? List.of()
				: files.stream()
					.filter((f) -> !f.isEmpty())
					.map((f) -> new Obligations.Upload(f.getOriginalFilename(), f.getContentType(), f))
					.toList();
		try {
			this.obligations.submit(CurrentActor.require(), id, comment, uploads);
			redirect.addFlashAttribute("flash", "submission.created");
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.formErrors.messages(problem));
		}
		return "redirect:/obligations/" + id;
	}

	@PostMapping("/submissions/{id}/review")
	String review(@PathVariable("id") UUID submissionId, @RequestParam("obligation") UUID obligationId,
			@RequestParam("decision") String decision, @RequestParam(name = "comment", required = false) String comment,
			RedirectAttributes redirect) {
		try {
			boolean accept = "accept".equals(decision);
			this.obligations.review(CurrentActor.require(), submissionId, accept, comment);
			redirect.addFlashAttribute("flash", accept ? "submission.accepted" : "submission.returned");
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.formErrors.messages(problem));
		}
		return "redirect:/obligations/" + obligationId;
	}

	@PostMapping("/obligations/{id}/waive")
	String waive(@PathVariable("id") UUID id, @RequestParam(name = "reason", required = false) String reason,
			RedirectAttributes redirect) {
		try {
			this.obligations.waive(CurrentActor.require(), id, reason);
			redirect.addFlashAttribute("flash", "obligation.waived");
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.formErrors.messages(problem));
		}
		return "redirect:/obligations/" + id;
	}

	@GetMapping("/files/{id}")
	void download(@PathVariable("id") UUID id, HttpServletResponse response) throws IOException {
		Obligations.OpenedFile opened = this.obligations.openFile(CurrentActor.require(), id);
		response.setContentType(
				(opened.file().getContentType() != null) ? opened.file().getContentType() : "application/octet-stream");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename(opened.file().getFileName(), StandardCharsets.UTF_8)
					.build()
					.toString());
		response.setHeader("X-Content-Type-Options", "nosniff");
		try (InputStream in = opened.content()) {
			in.transferTo(response.getOutputStream());
		}
	}

}
