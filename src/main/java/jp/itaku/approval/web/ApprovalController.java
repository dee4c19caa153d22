package jp.itaku.approval.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jp.itaku.approval.Approval;
import jp.itaku.approval.ApprovalForm;
import jp.itaku.approval.ApprovalWorkbook;
import jp.itaku.approval.Approvals;
import jp.itaku.approval.DecisionForm;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.web.Downloads;
import jp.itaku.platform.web.FormErrors;
import jp.itaku.platform.web.Idempotent;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The prior approvals register of a contract (事前承認の台帳): every application with its state
 * and validity, those of the dedicated flows too, the form to apply (the contractor's
 * lead) and to decide (the client's deciders), the PDFs and attachments, and the Excel
 * export.
 */
@Controller
class ApprovalController {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** The steps the register's forms post. */
	private static final Set<String> STEPS = Set.of("approve", "reject", "revoke", "withdraw");

	private final Approvals approvals;

	private final ApprovalWorkbook workbook;

	private final FormErrors formErrors;

	ApprovalController(Approvals approvals, ApprovalWorkbook workbook, FormErrors formErrors) {
		this.approvals = approvals;
		this.workbook = workbook;
		this.formErrors = formErrors;
	}

	@InitBinder("form")
	void allowedFields(WebDataBinder binder) {
		binder.setAllowedFields("act", "action", "clauseRef", "reason", "location", "thirdParty", "safeguards",
				"purpose", "periodFrom", "periodUntil", "systems", "information");
	}

	@InitBinder("decision")
	void allowedDecisionFields(WebDataBinder binder) {
		binder.setAllowedFields("conditions", "validFrom", "validUntil", "reason");
	}

	@GetMapping("/contracts/{id}/approvals")
	String register(@PathVariable("id") UUID contractId, Model model) {
		return page(contractId, new ApprovalForm(), false, model);
	}

	@PostMapping("/contracts/{id}/approvals")
	@Idempotent
	String apply(@PathVariable("id") UUID contractId, @ModelAttribute("form") ApprovalForm form, BindingResult result,
			@RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return page(contractId, form, true, model);
		}
		try {
			Approval a = this.approvals.apply(CurrentActor.require(), contractId, form,
					ApprovalApiController.uploads(files));
			redirect.addFlashAttribute("done", "approval.applied");
			redirect.addFlashAttribute("doneNumber", a.number());
			return "redirect:/contracts/" + contractId + "/approvals";
		}
		catch (InvalidInputProblem problem) {
			this.formErrors.reject(result, problem);
			return page(contractId, form, true, model);
		}
	}

	@PostMapping("/approvals/{id}/{step}")
	String decide(@PathVariable("id") UUID id, @PathVariable("step") String step,
			@ModelAttribute("decision") DecisionForm decision, RedirectAttributes redirect) {
		if (!STEPS.contains(step)) {
			throw new NotFoundProblem("approval.entity");
		}
		Approval a = this.approvals.get(CurrentActor.require(), id);
		try {
			Approval decided = switch (step) {
				case "approve" -> this.approvals.approve(CurrentActor.require(), id, decision);
				case "reject" -> this.approvals.reject(CurrentActor.require(), id, decision.getReason());
				case "revoke" -> this.approvals.revoke(CurrentActor.require(), id, decision.getReason());
				default -> this.approvals.withdraw(CurrentActor.require(), id, decision.getReason());
			};
			redirect.addFlashAttribute("done", "approval." + pastTense(step));
			redirect.addFlashAttribute("doneNumber", decided.number());
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("failedNumber", a.number());
			redirect.addFlashAttribute("failed", this.formErrors.messages(problem));
		}
		return "redirect:/contracts/" + a.getContractId() + "/approvals#" + a.number();
	}

	@GetMapping("/approvals/{id}/application.pdf")
	void application(@PathVariable("id") UUID id, HttpServletResponse response) throws IOException {
		Approvals.Opened opened = this.approvals.openApplication(CurrentActor.require(), id);
		Downloads.send(response, opened.fileName(), opened.content());
	}

	@GetMapping("/approvals/{id}/attachments/{fileId}")
	void attachment(@PathVariable("id") UUID id, @PathVariable("fileId") UUID fileId, HttpServletResponse response)
			throws IOException {
		Approvals.Opened opened = this.approvals.openAttachment(CurrentActor.require(), id, fileId);
		Downloads.send(response, opened.fileName(), opened.content());
	}

	@GetMapping("/contracts/{id}/approvals.xlsx")
	ResponseEntity<byte[]> export(@PathVariable("id") UUID contractId) {
		byte[] content = this.workbook.export(CurrentActor.require(), contractId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(XLSX))
			.header("Content-Disposition",
					ContentDisposition.attachment()
						.filename("事前承認_" + contractId + ".xlsx", StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(content);
	}

	private static String pastTense(String step) {
		return switch (step) {
			case "approve" -> "approved";
			case "reject" -> "rejected";
			case "revoke" -> "revoked";
			default -> "withdrawn";
		};
	}

	/**
	 * The register, with the application form folded under its button unless it comes
	 * back with what was posted.
	 */
	private String page(UUID contractId, ApprovalForm form, boolean posted, Model model) {
		Approvals.Register register = this.approvals.register(CurrentActor.require(), contractId);
		model.addAttribute("register", register);
		model.addAttribute("attachments",
				register.approvals()
					.stream()
					.collect(Collectors.toMap(Approval::getId,
							(a) -> this.approvals.attachments(CurrentActor.require(), a.getId()))));
		model.addAttribute("fields",
				register.acts().stream().flatMap((act) -> act.fields().stream()).distinct().sorted().toList());
		model.addAttribute("form", form);
		model.addAttribute("formOpen", posted);
		model.addAttribute("decision", new DecisionForm());
		return "approvals/register";
	}

}
