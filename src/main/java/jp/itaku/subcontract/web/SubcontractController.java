package jp.itaku.subcontract.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jp.itaku.contract.Contracts;
import jp.itaku.platform.Actor;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.web.Downloads;
import jp.itaku.platform.web.FormErrors;
import jp.itaku.subcontract.ChainWorkbook;
import jp.itaku.subcontract.StaffNotices;
import jp.itaku.subcontract.Subcontract;
import jp.itaku.subcontract.SubcontractDocuments;
import jp.itaku.subcontract.SubcontractForm;
import jp.itaku.subcontract.Subcontracts;
import jp.itaku.subcontract.SupervisionForm;
import jp.itaku.platform.web.Idempotent;

import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
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
 * The subcontracting pages: a contract's chain as a tree with each level's state, the
 * application form, the client's approval or rejection, supervision records and the
 * supervision report, the application PDF, the subcontractor's documents with their
 * revisions (Setagaya 4) and the chain's Excel export.
 */
@Controller
class SubcontractController {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final Subcontracts subcontracts;

	private final ChainWorkbook workbook;

	private final Contracts contracts;

	private final FormErrors formErrors;

	private final StaffNotices staffNotices;

	private final SubcontractDocuments documents;

	SubcontractController(Subcontracts subcontracts, ChainWorkbook workbook, Contracts contracts, FormErrors formErrors,
			StaffNotices staffNotices, SubcontractDocuments documents) {
		this.documents = documents;
		this.staffNotices = staffNotices;
		this.subcontracts = subcontracts;
		this.workbook = workbook;
		this.contracts = contracts;
		this.formErrors = formErrors;
	}

	@InitBinder("form")
	void allowedFields(WebDataBinder binder) {
		binder.setAllowedFields("subcontractorOrganisationId", "periodStart", "periodEnd", "reason", "workContent",
				"informationHandled", "personalInformation", "safetyMeasures", "supervisionMethod", "securityLead",
				"workers", "safetyMeasuresChecked", "bindsSameClauses", "ancillaryUnavoidable");
	}

	@InitBinder("supervision")
	void allowedSupervisionFields(WebDataBinder binder) {
		binder.setAllowedFields("supervisedOn", "method", "result", "findings");
	}

	@GetMapping("/contracts/{id}/subcontracts")
	String chain(@PathVariable("id") UUID contractId, Model model) {
		model.addAttribute("chain", this.subcontracts.chain(CurrentActor.require(), contractId));
		return "subcontracts/chain";
	}

	@GetMapping("/contracts/{id}/subcontracts/new")
	String newApplication(@PathVariable("id") UUID contractId, Model model) {
		SubcontractForm form = new SubcontractForm();
		var contract = this.contracts.getAsParticipant(CurrentActor.require(), contractId);
		form.setPeriodStart(contract.getPeriodStart());
		form.setPeriodEnd(contract.getPeriodEnd());
		return applicationForm(contractId, form, model);
	}

	@PostMapping("/contracts/{id}/subcontracts")
	@Idempotent
	String apply(@PathVariable("id") UUID contractId, @ModelAttribute("form") SubcontractForm form,
			BindingResult result, @RequestParam MultiValueMap<String, MultipartFile> files, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return applicationForm(contractId, form, model);
		}
		try {
			Subcontract s = this.subcontracts.apply(CurrentActor.require(), contractId, form,
					DocumentUploads.of(files));
			redirect.addFlashAttribute("flash", "subcontract.applied");
			return "redirect:/contracts/" + contractId + "/subcontracts#subcontract-" + s.getId();
		}
		catch (InvalidInputProblem problem) {
			this.formErrors.reject(result, problem);
			return applicationForm(contractId, form, model);
		}
	}

	@PostMapping("/subcontracts/{id}/approve")
	String approve(@PathVariable("id") UUID id, RedirectAttributes redirect) {
		Subcontract s = this.subcontracts.get(CurrentActor.require(), id);
		try {
			this.subcontracts.approve(CurrentActor.require(), id);
			redirect.addFlashAttribute("flash", "subcontract.approved");
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.formErrors.messages(problem));
		}
		return "redirect:/contracts/" + s.getContractId() + "/subcontracts#subcontract-" + id;
	}

	@PostMapping("/subcontracts/{id}/reject")
	String reject(@PathVariable("id") UUID id, @RequestParam(name = "reason", required = false) String reason,
			RedirectAttributes redirect) {
		Subcontract s = this.subcontracts.get(CurrentActor.require(), id);
		try {
			this.subcontracts.reject(CurrentActor.require(), id, reason);
			redirect.addFlashAttribute("flash", "subcontract.rejected");
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.formErrors.messages(problem));
		}
		return "redirect:/contracts/" + s.getContractId() + "/subcontracts#subcontract-" + id;
	}

	@PostMapping("/subcontracts/{id}/supervision")
	@Idempotent
	String supervise(@PathVariable("id") UUID id, @ModelAttribute("supervision") SupervisionForm supervision,
			BindingResult result, RedirectAttributes redirect) {
		Subcontract s = this.subcontracts.get(CurrentActor.require(), id);
		if (result.hasErrors()) {
			redirect.addFlashAttribute("actionErrors", this.formErrors
				.messages(new InvalidInputProblem("supervisedOn", "subcontract.error.supervisedOn")));
		}
		else {
			try {
				this.subcontracts.recordSupervision(CurrentActor.require(), id, supervision);
				redirect.addFlashAttribute("flash", "subcontract.supervision.recorded");
			}
			catch (InvalidInputProblem problem) {
				redirect.addFlashAttribute("actionErrors", this.formErrors.messages(problem));
			}
		}
		return "redirect:/contracts/" + s.getContractId() + "/subcontracts#subcontract-" + id;
	}

	@PostMapping("/contracts/{id}/subcontracts/supervision-request")
	String askForReport(@PathVariable("id") UUID contractId, RedirectAttributes redirect) {
		try {
			this.subcontracts.askForSupervisionReport(CurrentActor.require(), contractId);
			redirect.addFlashAttribute("flash", "subcontract.supervision.requested");
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.formErrors.messages(problem));
		}
		return "redirect:/contracts/" + contractId + "/subcontracts";
	}

	@PostMapping("/contracts/{id}/subcontracts/supervision-report")
	@Idempotent
	String report(@PathVariable("id") UUID contractId,
			@RequestParam(name = "obligationId", required = false) UUID obligationId, RedirectAttributes redirect) {
		try {
			this.subcontracts.submitSupervisionReport(CurrentActor.require(), contractId, obligationId);
			redirect.addFlashAttribute("flash", "subcontract.supervision.reported");
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.formErrors.messages(problem));
		}
		return "redirect:/contracts/" + contractId + "/subcontracts";
	}

	@GetMapping("/subcontracts/{id}/application.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable("id") UUID id) throws IOException {
		Subcontracts.Opened opened = this.subcontracts.open(CurrentActor.require(), id);
		return Downloads.entity(opened.subcontract().getFileName(), opened.content());
	}

	@GetMapping("/subcontracts/{id}/documents")
	String documents(@PathVariable("id") UUID id, Model model) {
		SubcontractDocuments.Folder folder = this.documents.folder(CurrentActor.require(), id);
		model.addAttribute("folder", folder);
		model.addAttribute("contract",
				this.contracts.getAsParticipant(CurrentActor.require(), folder.subcontract().getContractId()));
		return "subcontracts/documents";
	}

	@PostMapping("/subcontracts/{id}/documents")
	@Idempotent
	String revise(@PathVariable("id") UUID id, @RequestParam(name = "type", required = false) String type,
			@RequestParam(name = "note", required = false) String note,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes redirect) {
		try {
			this.documents.revise(CurrentActor.require(), id, DocumentUploads.type(type), DocumentUploads.files(files),
					note);
			redirect.addFlashAttribute("flash", "subcontract.documents.revised");
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.formErrors.messages(problem));
		}
		return "redirect:/subcontracts/" + id + "/documents";
	}

	@GetMapping("/subcontracts/{id}/documents/{fileId}")
	ResponseEntity<byte[]> document(@PathVariable("id") UUID id, @PathVariable("fileId") UUID fileId)
			throws IOException {
		SubcontractDocuments.Opened opened = this.documents.open(CurrentActor.require(), id, fileId);
		return Downloads.entity(opened.document().getFileName(), opened.content());
	}

	@PostMapping("/subcontracts/{id}/staff-notices")
	@Idempotent
	String fileStaffNotice(@PathVariable("id") UUID id, RedirectAttributes redirect) {
		Subcontract s = this.subcontracts.get(CurrentActor.require(), id);
		try {
			this.staffNotices.file(CurrentActor.require(), id);
			redirect.addFlashAttribute("flash", "subcontract.staff.filed");
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.formErrors.messages(problem));
		}
		return "redirect:/contracts/" + s.getContractId() + "/subcontracts#subcontract-" + id;
	}

	@GetMapping("/subcontracts/staff-notices/{id}.pdf")
	ResponseEntity<byte[]> staffNotice(@PathVariable("id") UUID noticeId) throws IOException {
		Actor actor = CurrentActor.require();
		StaffNotices.Opened opened = this.staffNotices.open(actor, noticeId, (subcontractId) -> {
			try {
				this.subcontracts.get(actor, subcontractId);
				return true;
			}
			catch (NotFoundProblem ex) {
				return false;
			}
		});
		return Downloads.entity(opened.notice().getFileName(), opened.content());
	}

	@GetMapping("/contracts/{id}/subcontracts.xlsx")
	ResponseEntity<byte[]> export(@PathVariable("id") UUID contractId) {
		byte[] content = this.workbook.export(CurrentActor.require(), contractId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(XLSX))
			.header("Content-Disposition",
					ContentDisposition.attachment()
						.filename("再委託_" + contractId + ".xlsx", StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(content);
	}

	private String applicationForm(UUID contractId, SubcontractForm form, Model model) {
		Subcontracts.Chain chain = this.subcontracts.chain(CurrentActor.require(), contractId);
		model.addAttribute("contract", chain.contract());
		model.addAttribute("mayApply", chain.mayApply());
		model.addAttribute("candidates", this.subcontracts.candidates());
		model.addAttribute("requiredDocuments", this.documents.required(CurrentActor.require(), contractId));
		model.addAttribute("form", form);
		return "subcontracts/apply";
	}

}
