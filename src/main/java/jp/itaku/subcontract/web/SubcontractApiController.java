package jp.itaku.subcontract.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.itaku.obligation.Obligation;
import jp.itaku.platform.CurrentActor;
import jp.itaku.subcontract.Subcontract;
import jp.itaku.subcontract.SubcontractForm;
import jp.itaku.subcontract.SubcontractStatus;
import jp.itaku.subcontract.Subcontracts;
import jp.itaku.subcontract.SupervisionForm;
import jp.itaku.subcontract.SupervisionRecord;
import jp.itaku.platform.web.Idempotent;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Subcontracting over the REST API, scoped and audited as in the UI.
 */
@RestController
class SubcontractApiController {

	private final Subcontracts subcontracts;

	SubcontractApiController(Subcontracts subcontracts) {
		this.subcontracts = subcontracts;
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
