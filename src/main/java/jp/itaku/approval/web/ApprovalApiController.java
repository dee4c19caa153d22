package jp.itaku.approval.web;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jp.itaku.approval.ApprovableAct;
import jp.itaku.approval.Approval;
import jp.itaku.approval.ApprovalAttachment;
import jp.itaku.approval.ApprovalField;
import jp.itaku.approval.ApprovalForm;
import jp.itaku.approval.ApprovalSource;
import jp.itaku.approval.ApprovalStatus;
import jp.itaku.approval.Approvals;
import jp.itaku.approval.DecisionForm;
import jp.itaku.catalog.GuardedAction;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.web.Downloads;
import jp.itaku.platform.web.Idempotent;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Prior approvals over the REST API, scoped and audited as on the register page: the
 * register of a contract, applying (JSON, or multipart with attachments), and the
 * decisions.
 */
@RestController
class ApprovalApiController {

	private final Approvals approvals;

	ApprovalApiController(Approvals approvals) {
		this.approvals = approvals;
	}

	@GetMapping("/api/v1/contracts/{id}/approvals")
	RegisterView register(@PathVariable("id") UUID contractId) {
		return RegisterView.of(this.approvals.register(CurrentActor.require(), contractId));
	}

	@PostMapping(path = "/api/v1/contracts/{id}/approvals", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Idempotent
	ResponseEntity<ApprovalView> apply(@PathVariable("id") UUID contractId,
			@RequestBody(required = false) @Nullable ApprovalForm form) {
		Approval a = this.approvals.apply(CurrentActor.require(), contractId,
				(form != null) ? form : new ApprovalForm(), List.of());
		return ResponseEntity.status(HttpStatus.CREATED).body(ApprovalView.of(a));
	}

	@PostMapping(path = "/api/v1/contracts/{id}/approvals", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Idempotent
	ResponseEntity<ApprovalView> applyWithFiles(@PathVariable("id") UUID contractId, @ModelAttribute ApprovalForm form,
			@RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files) {
		Approval a = this.approvals.apply(CurrentActor.require(), contractId, form, uploads(files));
		return ResponseEntity.status(HttpStatus.CREATED).body(ApprovalView.of(a));
	}

	@GetMapping("/api/v1/approvals/{id}")
	ApprovalView get(@PathVariable("id") UUID id) {
		return ApprovalView.of(this.approvals.get(CurrentActor.require(), id),
				this.approvals.attachments(CurrentActor.require(), id));
	}

	@GetMapping("/api/v1/approvals/{id}/application")
	ResponseEntity<byte[]> application(@PathVariable("id") UUID id) throws IOException {
		Approvals.Opened opened = this.approvals.openApplication(CurrentActor.require(), id);
		return Downloads.entity(opened.fileName(), opened.content());
	}

	@PostMapping("/api/v1/approvals/{id}/approve")
	ApprovalView approve(@PathVariable("id") UUID id, @RequestBody(required = false) @Nullable DecisionForm form) {
		return ApprovalView
			.of(this.approvals.approve(CurrentActor.require(), id, (form != null) ? form : new DecisionForm()));
	}

	@PostMapping("/api/v1/approvals/{id}/reject")
	ApprovalView reject(@PathVariable("id") UUID id, @RequestBody(required = false) @Nullable DecisionForm form) {
		return ApprovalView.of(this.approvals.reject(CurrentActor.require(), id, reason(form)));
	}

	@PostMapping("/api/v1/approvals/{id}/revoke")
	ApprovalView revoke(@PathVariable("id") UUID id, @RequestBody(required = false) @Nullable DecisionForm form) {
		return ApprovalView.of(this.approvals.revoke(CurrentActor.require(), id, reason(form)));
	}

	@PostMapping("/api/v1/approvals/{id}/withdraw")
	ApprovalView withdraw(@PathVariable("id") UUID id, @RequestBody(required = false) @Nullable DecisionForm form) {
		return ApprovalView.of(this.approvals.withdraw(CurrentActor.require(), id, reason(form)));
	}

	private static @Nullable String reason(@Nullable DecisionForm form) {
		return (form != null) ? form.getReason() : null;
	}

	static List<Approvals.Upload> uploads(@Nullable List<MultipartFile> files) {
		return (files == null) ? List.of()
				: files.stream()
					.filter((f) -> !f.isEmpty())
					.map((f) -> new Approvals.Upload(f.getOriginalFilename(), f.getContentType(), f))
					.toList();
	}

	/**
	 * A contract's register as the caller sees it.
	 *
	 * @param contractId the contract
	 * @param acts the acts applied for in this workflow
	 * @param approvals the applications of this workflow
	 * @param others the applications of the dedicated flows
	 */
	record RegisterView(UUID contractId, List<ActView> acts, List<ApprovalView> approvals,
			List<ApprovalSource.Entry> others) {

		static RegisterView of(Approvals.Register register) {
			return new RegisterView(register.contract().getId(), register.acts().stream().map(ActView::of).toList(),
					register.approvals().stream().map(ApprovalView::of).toList(), register.others());
		}

	}

	/**
	 * An act the profile allows only with prior approval.
	 *
	 * @param action the act
	 * @param clauseRef its clause
	 * @param summary what the clause requires
	 * @param fields what an application states
	 */
	record ActView(GuardedAction action, String clauseRef, String summary, List<ApprovalField> fields) {

		static ActView of(ApprovableAct act) {
			return new ActView(act.action(), act.clauseRef(), act.summary(), act.fields());
		}

	}

	/**
	 * An application.
	 */
	record ApprovalView(UUID id, UUID contractId, String number, GuardedAction action, String clauseRef,
			ApprovalStatus status, String reason, @Nullable String location, @Nullable String thirdParty,
			@Nullable String safeguards, @Nullable String purpose, @Nullable LocalDate periodFrom,
			@Nullable LocalDate periodUntil, @Nullable String systems, @Nullable String information, UUID appliedBy,
			Instant appliedAt, @Nullable UUID decidedBy, @Nullable Instant decidedAt, @Nullable String conditions,
			@Nullable LocalDate validFrom, @Nullable LocalDate validUntil, @Nullable String rejectionReason,
			@Nullable Instant endedAt, @Nullable String endReason, String sha256, List<FileView> attachments) {

		static ApprovalView of(Approval a) {
			return of(a, List.of());
		}

		static ApprovalView of(Approval a, List<ApprovalAttachment> files) {
			return new ApprovalView(a.getId(), a.getContractId(), a.number(), a.getAction(), a.getClauseRef(),
					a.getStatus(), a.getReason(), a.getLocation(), a.getThirdParty(), a.getSafeguards(), a.getPurpose(),
					a.getPeriodFrom(), a.getPeriodUntil(), a.getSystems(), a.getInformation(), a.getAppliedBy(),
					a.getAppliedAt(), a.getDecidedBy(), a.getDecidedAt(), a.getConditions(), a.getValidFrom(),
					a.getValidUntil(), a.getRejectionReason(), a.getEndedAt(), a.getEndReason(), a.getDocumentSha256(),
					files.stream().map(FileView::of).toList());
		}

	}

	/**
	 * An attached file.
	 *
	 * @param id the file
	 * @param fileName its name
	 * @param sha256 its SHA-256
	 * @param size its size in bytes
	 */
	record FileView(UUID id, String fileName, String sha256, long size) {

		static FileView of(ApprovalAttachment f) {
			return new FileView(f.getId(), f.getFileName(), f.getSha256(), f.getSize());
		}

	}

}
