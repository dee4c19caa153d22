package jp.itaku.inspection.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jp.itaku.platform.TextLimit;
import jp.itaku.catalog.Deliverable;
import jp.itaku.inspection.Inspection;
import jp.itaku.inspection.InspectionForm;
import jp.itaku.inspection.InspectionKind;
import jp.itaku.inspection.InspectionFindings;
import jp.itaku.inspection.Inspections;
import jp.itaku.inspection.MaterialRequests;
import jp.itaku.inspection.LineResult;
import jp.itaku.inspection.Severity;
import jp.itaku.obligation.Obligations;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.web.FormErrors;
import jp.itaku.platform.web.Idempotent;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
 * Inspection pages: a contract's inspections with the client's plan form (checklist drawn
 * from the profile, lines may be unticked), and one inspection with its checklist,
 * findings, requests for material and the actions of each side; the audit report PDF and
 * the evidence files.
 */
@Controller
class InspectionController {

	private final Inspections inspections;

	private final InspectionFindings findings;

	private final MaterialRequests requests;

	private final FormErrors formErrors;

	InspectionController(Inspections inspections, InspectionFindings findings, MaterialRequests requests,
			FormErrors formErrors) {
		this.inspections = inspections;
		this.findings = findings;
		this.requests = requests;
		this.formErrors = formErrors;
	}

	@InitBinder("form")
	void allowedFields(WebDataBinder binder) {
		binder.setAllowedFields("kind", "scope", "heldOn", "inspectors", "inspectedLevel", "inspectedSubcontractor",
				"lines");
	}

	@GetMapping("/contracts/{id}/inspections")
	String list(@PathVariable("id") UUID contractId, Model model) {
		InspectionForm form = new InspectionForm();
		form.setKind(InspectionKind.ON_SITE);
		return list(contractId, form, null, model);
	}

	@PostMapping("/contracts/{id}/inspections")
	@Idempotent
	String plan(@PathVariable("id") UUID contractId, @ModelAttribute("form") InspectionForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return list(contractId, form, result, model);
		}
		try {
			Inspection inspection = this.inspections.plan(CurrentActor.require(), contractId, form);
			redirect.addFlashAttribute("flash", "inspection.planned");
			return "redirect:/inspections/" + inspection.getId();
		}
		catch (InvalidInputProblem problem) {
			this.formErrors.reject(result, problem);
			return list(contractId, form, result, model);
		}
	}

	@GetMapping("/inspections/{id}")
	String detail(@PathVariable("id") UUID inspectionId, Model model) {
		model.addAttribute("detail", this.inspections.detail(CurrentActor.require(), inspectionId));
		model.addAttribute("results", LineResult.values());
		model.addAttribute("severities", Severity.values());
		return "inspections/detail";
	}

	@PostMapping("/inspections/{id}/lines/{lineId}")
	String observe(@PathVariable("id") UUID inspectionId, @PathVariable("lineId") UUID lineId,
			@RequestParam(name = "result", required = false) LineResult lineResult,
			@RequestParam(name = "note", required = false) String note, Model model, RedirectAttributes redirect) {
		return act(inspectionId, model, redirect, "inspection.observed",
				() -> this.inspections.observe(CurrentActor.require(), lineId, lineResult, note));
	}

	@PostMapping("/inspections/{id}/findings")
	@Idempotent
	String finding(@PathVariable("id") UUID inspectionId,
			@RequestParam(name = "severity", required = false) Severity severity,
			@RequestParam(name = "clauseRef", required = false) String clauseRef,
			@RequestParam(name = "description", required = false) @TextLimit(4000) String description,
			@RequestParam(name = "instruction", required = false) @TextLimit(4000) String instruction,
			@RequestParam(name = "dueOn",
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
			Model model, RedirectAttributes redirect) {
		return act(inspectionId, model, redirect, "inspection.findingRecorded", () -> this.findings
			.record(CurrentActor.require(), inspectionId, severity, clauseRef, description, instruction, dueOn));
	}

	@PostMapping({ "/findings/{id}/acknowledge", "/findings/{id}/instruct" })
	String acknowledge(@PathVariable("id") UUID findingId,
			@RequestParam(name = "instruction", required = false) @TextLimit(4000) String instruction,
			@RequestParam(name = "dueOn",
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
			Model model, RedirectAttributes redirect) {
		UUID inspectionId = this.findings.inspectionOf(CurrentActor.require(), findingId);
		return act(inspectionId, model, redirect, "inspection.acknowledged",
				() -> this.findings.acknowledge(CurrentActor.require(), findingId, instruction, dueOn));
	}

	@PostMapping({ "/findings/{id}/explain", "/findings/{id}/respond" })
	String explain(@PathVariable("id") UUID findingId,
			@RequestParam(name = "response", required = false) @TextLimit(4000) String response,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
			RedirectAttributes redirect) {
		UUID inspectionId = this.findings.inspectionOf(CurrentActor.require(), findingId);
		return act(inspectionId, model, redirect, "inspection.explained",
				() -> this.findings.explain(CurrentActor.require(), findingId, response, uploads(files)));
	}

	@PostMapping({ "/findings/{id}/close", "/findings/{id}/accept" })
	String close(@PathVariable("id") UUID findingId, @RequestParam(name = "comment", required = false) String comment,
			Model model, RedirectAttributes redirect) {
		UUID inspectionId = this.findings.inspectionOf(CurrentActor.require(), findingId);
		return act(inspectionId, model, redirect, "inspection.closed",
				() -> this.findings.close(CurrentActor.require(), findingId, comment));
	}

	@PostMapping("/findings/{id}/return")
	String returnExplanation(@PathVariable("id") UUID findingId,
			@RequestParam(name = "comment", required = false) String comment, Model model,
			RedirectAttributes redirect) {
		UUID inspectionId = this.findings.inspectionOf(CurrentActor.require(), findingId);
		return act(inspectionId, model, redirect, "inspection.returned",
				() -> this.findings.returnExplanation(CurrentActor.require(), findingId, comment));
	}

	@PostMapping("/inspections/{id}/requests")
	@Idempotent
	String request(@PathVariable("id") UUID inspectionId,
			@RequestParam(name = "deliverable", required = false) Deliverable deliverable,
			@RequestParam(name = "description", required = false) @TextLimit(4000) String description,
			@RequestParam(name = "dueOn",
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
			Model model, RedirectAttributes redirect) {
		return act(inspectionId, model, redirect, "inspection.requested",
				() -> this.requests.request(CurrentActor.require(), inspectionId, deliverable, description, dueOn));
	}

	@PostMapping("/inspections/{id}/requests/{requestId}/answer")
	String answer(@PathVariable("id") UUID inspectionId, @PathVariable("requestId") UUID requestId,
			@RequestParam(name = "comment", required = false) String comment,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
			RedirectAttributes redirect) {
		return act(inspectionId, model, redirect, "inspection.answered",
				() -> this.requests.answer(CurrentActor.require(), requestId, comment, uploads(files)));
	}

	@GetMapping("/inspections/{id}/report.pdf")
	void report(@PathVariable("id") UUID inspectionId, HttpServletResponse response) throws IOException {
		Inspections.IssuedReport report = this.inspections.issueReport(CurrentActor.require(), inspectionId);
		response.setContentType("application/pdf");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(report.fileName(), StandardCharsets.UTF_8).build().toString());
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.getOutputStream().write(report.pdf());
	}

	@GetMapping("/inspections/evidence/{id}")
	void evidence(@PathVariable("id") UUID evidenceId, HttpServletResponse response) throws IOException {
		InspectionFindings.OpenedEvidence file = this.findings.openEvidence(CurrentActor.require(), evidenceId);
		response.setContentType(file.evidence().getContentType());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename(file.evidence().getFileName(), StandardCharsets.UTF_8)
					.build()
					.toString());
		response.setHeader("X-Content-Type-Options", "nosniff");
		try (InputStream in = file.content()) {
			in.transferTo(response.getOutputStream());
		}
	}

	static List<Obligations.Upload> uploads(List<MultipartFile> files) {
		return (files == null) ? List.of()
				: files.stream()
					.filter((f) -> !f.isEmpty())
					.map((f) -> new Obligations.Upload(f.getOriginalFilename(), f.getContentType(), f))
					.toList();
	}

	private String act(UUID inspectionId, Model model, RedirectAttributes redirect, String flash, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("flash", flash);
			return "redirect:/inspections/" + inspectionId;
		}
		catch (InvalidInputProblem problem) {
			model.addAttribute("actionErrors", this.formErrors.messages(problem));
			return detail(inspectionId, model);
		}
	}

	private String list(UUID contractId, InspectionForm form, @Nullable BindingResult result, Model model) {
		Inspections.ContractInspections list = this.inspections.list(CurrentActor.require(), contractId);
		model.addAttribute("list", list);
		model.addAttribute("form", form);
		model.addAttribute("kinds", InspectionKind.values());
		// The form is folded under its button; it comes back open with what was posted.
		model.addAttribute("formOpen", result != null);
		model.addAttribute("checked",
				(form.getLines() != null) ? form.getLines() : list.candidates().stream().map((c) -> c.key()).toList());
		return "inspections/list";
	}

}
