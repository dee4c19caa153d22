package jp.itaku.subcontract.web;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.itaku.catalog.Deliverable;
import jp.itaku.obligation.Obligation;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.web.Downloads;
import jp.itaku.roster.FieldChange;
import jp.itaku.roster.RosterChange;
import jp.itaku.subcontract.Subcontract;
import jp.itaku.subcontract.SubcontractDocument;
import jp.itaku.subcontract.SubcontractDocuments;
import jp.itaku.subcontract.SubcontractForm;
import jp.itaku.subcontract.SubcontractStatus;
import jp.itaku.subcontract.Subcontracts;
import jp.itaku.subcontract.SupervisionForm;
import jp.itaku.subcontract.SupervisionRecord;
import jp.itaku.platform.web.Idempotent;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Subcontracting over the REST API, scoped and audited as in the UI.
 */
@RestController
class SubcontractApiController {

	private final Subcontracts subcontracts;

	private final SubcontractDocuments documents;

	SubcontractApiController(Subcontracts subcontracts, SubcontractDocuments documents) {
		this.subcontracts = subcontracts;
		this.documents = documents;
	}

	@GetMapping("/api/v1/contracts/{id}/subcontracts")
	ChainView chain(@PathVariable("id") UUID contractId) {
		return ChainView.of(this.subcontracts.chain(CurrentActor.require(), contractId));
	}

	@PostMapping("/api/v1/contracts/{id}/subcontracts")
	@Idempotent
	ResponseEntity<SubcontractView> apply(@PathVariable("id") UUID contractId,
			@RequestBody(required = false) SubcontractForm form) {
		Subcontract s = this.subcontracts.apply(CurrentActor.require(), contractId,
				(form != null) ? form : new SubcontractForm());
		return ResponseEntity.status(HttpStatus.CREATED).body(SubcontractView.of(s));
	}

	@PostMapping(path = "/api/v1/contracts/{id}/subcontracts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Idempotent
	ResponseEntity<SubcontractView> applyWithDocuments(@PathVariable("id") UUID contractId,
			@ModelAttribute SubcontractForm form, @RequestParam MultiValueMap<String, MultipartFile> files) {
		Subcontract s = this.subcontracts.apply(CurrentActor.require(), contractId, form, DocumentUploads.of(files));
		return ResponseEntity.status(HttpStatus.CREATED).body(SubcontractView.of(s));
	}

	@GetMapping("/api/v1/subcontracts/{id}/documents")
	FolderView documents(@PathVariable("id") UUID id) {
		return FolderView.of(this.documents.folder(CurrentActor.require(), id));
	}

	@PostMapping(path = "/api/v1/subcontracts/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Idempotent
	ResponseEntity<List<FileView>> revise(@PathVariable("id") UUID id,
			@RequestParam(name = "type", required = false) @Nullable String type,
			@RequestParam(name = "note", required = false) @Nullable String note,
			@RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files) {
		List<SubcontractDocument> stored = this.documents.revise(CurrentActor.require(), id, DocumentUploads.type(type),
				DocumentUploads.files(files), note);
		return ResponseEntity.status(HttpStatus.CREATED).body(stored.stream().map(FileView::of).toList());
	}

	@GetMapping("/api/v1/subcontracts/{id}/documents/{fileId}")
	ResponseEntity<byte[]> document(@PathVariable("id") UUID id, @PathVariable("fileId") UUID fileId)
			throws IOException {
		SubcontractDocuments.Opened opened = this.documents.open(CurrentActor.require(), id, fileId);
		return Downloads.entity(opened.document().getFileName(), opened.content());
	}

	@GetMapping("/api/v1/subcontracts/{id}")
	SubcontractView get(@PathVariable("id") UUID id) {
		return SubcontractView.of(this.subcontracts.get(CurrentActor.require(), id));
	}

	@PostMapping("/api/v1/subcontracts/{id}/approve")
	SubcontractView approve(@PathVariable("id") UUID id) {
		return SubcontractView.of(this.subcontracts.approve(CurrentActor.require(), id));
	}

	@PostMapping("/api/v1/subcontracts/{id}/reject")
	SubcontractView reject(@PathVariable("id") UUID id, @RequestBody(required = false) Map<String, String> body) {
		return SubcontractView
			.of(this.subcontracts.reject(CurrentActor.require(), id, (body != null) ? body.get("reason") : null));
	}

	@PostMapping("/api/v1/subcontracts/{id}/supervision")
	@Idempotent
	ResponseEntity<SupervisionView> supervise(@PathVariable("id") UUID id,
			@RequestBody(required = false) SupervisionForm form) {
		SupervisionRecord record = this.subcontracts.recordSupervision(CurrentActor.require(), id,
				(form != null) ? form : new SupervisionForm());
		return ResponseEntity.status(HttpStatus.CREATED).body(SupervisionView.of(record));
	}

	@PostMapping("/api/v1/contracts/{id}/subcontracts/supervision-request")
	List<UUID> ask(@PathVariable("id") UUID contractId) {
		return this.subcontracts.askForSupervisionReport(CurrentActor.require(), contractId)
			.stream()
			.map(Obligation::getId)
			.toList();
	}

	@PostMapping("/api/v1/contracts/{id}/subcontracts/supervision-report")
	ResponseEntity<Void> report(@PathVariable("id") UUID contractId,
			@RequestBody(required = false) Map<String, UUID> body) {
		this.subcontracts.submitSupervisionReport(CurrentActor.require(), contractId,
				(body != null) ? body.get("obligationId") : null);
		return ResponseEntity.noContent().build();
	}

	/**
	 * A contract's chain as the caller sees it.
	 *
	 * @param contractId the contract
	 * @param subcontracts the levels, each followed by those below it
	 * @param supervision the supervision records
	 */
	record ChainView(UUID contractId, List<NodeView> subcontracts, List<SupervisionView> supervision) {

		static ChainView of(Subcontracts.Chain chain) {
			return new ChainView(chain.contract().getId(), chain.nodes().stream().map(NodeView::of).toList(),
					chain.supervision().stream().map(SupervisionView::of).toList());
		}

	}

	/**
	 * One level of the chain.
	 *
	 * @param subcontract the subcontract
	 * @param applicantName who passed the work on
	 * @param activeRosterMembers the subcontractor's active roster members
	 * @param openObligations open obligations it raised
	 */
	record NodeView(SubcontractView subcontract, String applicantName, long activeRosterMembers, long openObligations) {

		static NodeView of(Subcontracts.Node node) {
			return new NodeView(SubcontractView.of(node.subcontract()), node.applicantName(),
					node.activeRosterMembers(), node.openObligations());
		}

	}

	/**
	 * A subcontract with its application.
	 *
	 * @param id the subcontract
	 * @param number its number on the contract
	 * @param contractId the contract
	 * @param parentId the subcontract above, for a further level
	 * @param depth 1 for 再委託, 2 and more for 再々委託
	 * @param applicantOrganisationId who applied
	 * @param subcontractorOrganisationId the subcontractor
	 * @param subcontractorName its name
	 * @param subcontractorAddress its address
	 * @param periodStart the period's first day
	 * @param periodEnd the period's last day
	 * @param reason why
	 * @param workContent what is passed on
	 * @param informationHandled the information handled
	 * @param personalInformation whether personal information is included
	 * @param safetyMeasures the subcontractor's safety measures
	 * @param supervisionMethod how the applicant supervises
	 * @param securityLead the subcontractor's security lead
	 * @param workers the subcontractor's workers
	 * @param safetyMeasuresChecked checked before signing (Nerima 15②)
	 * @param bindsSameClauses binds the subcontractor to the same clauses
	 * @param ancillaryUnavoidable only ancillary work, unavoidably (Setagaya 4)
	 * @param status the state
	 * @param appliedBy the applicant user
	 * @param appliedAt when
	 * @param decidedBy the client's user who decided
	 * @param decidedAt when
	 * @param rejectionReason why it was rejected
	 * @param sha256 the application PDF's SHA-256
	 */
	record SubcontractView(UUID id, String number, UUID contractId, @Nullable UUID parentId, int depth,
			UUID applicantOrganisationId, UUID subcontractorOrganisationId, String subcontractorName,
			String subcontractorAddress, LocalDate periodStart, LocalDate periodEnd, String reason, String workContent,
			String informationHandled, boolean personalInformation, String safetyMeasures, String supervisionMethod,
			String securityLead, List<String> workers, boolean safetyMeasuresChecked, boolean bindsSameClauses,
			boolean ancillaryUnavoidable, SubcontractStatus status, UUID appliedBy, Instant appliedAt,
			@Nullable UUID decidedBy, @Nullable Instant decidedAt, @Nullable String rejectionReason, String sha256) {

		static SubcontractView of(Subcontract s) {
			return new SubcontractView(s.getId(), "SUB-" + s.getSeq(), s.getContractId(), s.getParentId(), s.getDepth(),
					s.getApplicantOrganisationId(), s.getSubcontractorOrganisationId(), s.getSubcontractorName(),
					s.getSubcontractorAddress(), s.getPeriodStart(), s.getPeriodEnd(), s.getReason(),
					s.getWorkContent(), s.getInformationHandled(), s.isPersonalInformation(), s.getSafetyMeasures(),
					s.getSupervisionMethod(), s.getSecurityLead(), s.getWorkers(), s.isSafetyMeasuresChecked(),
					s.isBindsSameClauses(), s.isAncillaryUnavoidable(), s.getStatus(), s.getAppliedBy(),
					s.getAppliedAt(), s.getDecidedBy(), s.getDecidedAt(), s.getRejectionReason(), s.getSha256());
		}

	}

	/**
	 * A subcontract's documents: every version of every type, and the subcontractor's
	 * roster changes since approval.
	 *
	 * @param subcontractId the subcontract
	 * @param documents each type with its versions
	 * @param rosterInRoster whether the roster is now kept in the roster module
	 * @param rosterChanges the subcontractor's roster changes since approval
	 * @param mayRevise whether the caller revises the documents
	 */
	record FolderView(UUID subcontractId, List<KindView> documents, boolean rosterInRoster,
			List<RosterChangeView> rosterChanges, boolean mayRevise) {

		static FolderView of(SubcontractDocuments.Folder folder) {
			return new FolderView(folder.subcontract().getId(), folder.kinds().stream().map(KindView::of).toList(),
					folder.rosterInRoster(), folder.rosterChanges().stream().map(RosterChangeView::of).toList(),
					folder.mayRevise());
		}

	}

	/**
	 * One document type with its versions.
	 *
	 * @param type the type
	 * @param currentVersion the newest version
	 * @param versions every version, oldest first
	 */
	record KindView(Deliverable type, int currentVersion, List<VersionView> versions) {

		static KindView of(SubcontractDocuments.Kind kind) {
			return new KindView(kind.deliverable(), kind.current().number(),
					kind.versions().stream().map(VersionView::of).toList());
		}

	}

	/**
	 * One version of a document type.
	 *
	 * @param version 1 with the application, then one per revision
	 * @param uploadedAt when
	 * @param uploadedBy who
	 * @param note what changed
	 * @param files its files
	 */
	record VersionView(int version, Instant uploadedAt, UUID uploadedBy, @Nullable String note, List<FileView> files) {

		static VersionView of(SubcontractDocuments.Version v) {
			return new VersionView(v.number(), v.uploadedAt(), v.uploadedBy(), v.note(),
					v.files().stream().map(FileView::of).toList());
		}

	}

	/**
	 * One file of a document.
	 *
	 * @param id the file
	 * @param type the document type
	 * @param version its version
	 * @param fileName its name
	 * @param contentType its type
	 * @param size its size in bytes
	 * @param sha256 its SHA-256
	 */
	record FileView(UUID id, Deliverable type, int version, String fileName, String contentType, long size,
			String sha256) {

		static FileView of(SubcontractDocument d) {
			return new FileView(d.getId(), d.getDeliverable(), d.getVersion(), d.getFileName(), d.getContentType(),
					d.getSize(), d.getSha256());
		}

	}

	/**
	 * One change to the subcontractor's roster.
	 *
	 * @param kind added, changed or left
	 * @param memberName the worker
	 * @param occurredAt when
	 * @param fields the fields that changed
	 */
	record RosterChangeView(RosterChange.Kind kind, String memberName, Instant occurredAt, List<String> fields) {

		static RosterChangeView of(RosterChange c) {
			return new RosterChangeView(c.getKind(), c.getMemberName(), c.getOccurredAt(),
					c.getFields().stream().map(FieldChange::field).toList());
		}

	}

	/**
	 * A supervision record.
	 *
	 * @param id the record
	 * @param subcontractId the subcontract supervised
	 * @param supervisedOn when
	 * @param method how
	 * @param result the result
	 * @param findings the findings
	 */
	record SupervisionView(UUID id, UUID subcontractId, LocalDate supervisedOn, String method, String result,
			@Nullable String findings) {

		static SupervisionView of(SupervisionRecord r) {
			return new SupervisionView(r.getId(), r.getSubcontractId(), r.getSupervisedOn(), r.getMethod(),
					r.getResult(), r.getFindings());
		}

	}

}
