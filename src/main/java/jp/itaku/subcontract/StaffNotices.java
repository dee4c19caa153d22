package jp.itaku.subcontract;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.catalog.ChangeSubject;
import jp.itaku.catalog.Deliverable;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractRoles;
import jp.itaku.contract.Contracts;
import jp.itaku.document.Documents;
import jp.itaku.document.UploadedDocument;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationSystemReads;
import jp.itaku.obligation.ObligationTrigger;
import jp.itaku.obligation.Obligations;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.roster.MemberStatus;
import jp.itaku.roster.RosterEvents;
import jp.itaku.roster.RosterMember;
import jp.itaku.roster.RosterSystemReads;
import jp.itaku.roster.WorkerRole;

import org.springframework.context.event.EventListener;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gunma 14③: once a subcontract is approved the level that applied names the
 * subcontractor's security lead and workers to the client in writing, and tells it of
 * every change promptly. The notice (再委託先従事者届) is generated from the subcontractor's own
 * roster and submitted to the SUBCONTRACT_STAFF_NOTICE obligation the approval raised; a
 * change to that roster after the first notice raises {@code ON_CHANGE SUBCONTRACT_STAFF}
 * at once (key {@code SUBSTAFF-<seq>-<n>}), which the next notice meets.
 */
@Service
public class StaffNotices {

	private final SubcontractRepository subcontracts;

	private final StaffNoticeRepository notices;

	private final Contracts contracts;

	private final RosterSystemReads rosterReads;

	private final Obligations obligations;

	private final ObligationSystemReads obligationReads;

	private final Documents documents;

	private final SubcontractPdf pdf;

	private final WorkingCalendar calendar;

	private final AuditTrail audit;

	private final Clock clock;

	StaffNotices(SubcontractRepository subcontracts, StaffNoticeRepository notices, Contracts contracts,
			Obligations obligations, Documents documents, SubcontractPdf pdf, WorkingCalendar calendar,
			AuditTrail audit, Clock clock, RosterSystemReads rosterReads, ObligationSystemReads obligationReads) {
		this.obligationReads = obligationReads;
		this.rosterReads = rosterReads;
		this.subcontracts = subcontracts;
		this.notices = notices;
		this.contracts = contracts;
		this.obligations = obligations;
		this.documents = documents;
		this.pdf = pdf;
		this.calendar = calendar;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Lists the staff notices of the subcontracts the actor sees on a contract's chain.
	 * @param actor a participant in the contract
	 * @param contractId the contract
	 * @param visible the subcontracts the actor sees
	 * @return the notices, oldest first
	 */
	@Transactional(readOnly = true)
	public List<StaffNotice> list(Actor actor, UUID contractId, List<UUID> visible) {
		this.contracts.getAsParticipant(actor, contractId);
		return this.notices.findByContractIdOrderByFiledAtAsc(contractId)
			.stream()
			.filter((n) -> visible.contains(n.getSubcontractId()))
			.toList();
	}

	/**
	 * Returns whether the actor files the staff notices of a subcontract: a lead of the
	 * level that applied for it, once approved, while the contract is open.
	 * @param actor the acting user
	 * @param contract the contract
	 * @param subcontract the subcontract
	 * @return {@code true} when the actor may file
	 */
	public boolean mayFile(Actor actor, Contract contract, Subcontract subcontract) {
		return subcontract.isApproved() && ContractRoles.CONTRACTOR_LEADS.contains(actor.role())
				&& subcontract.getApplicantOrganisationId().equals(actor.organisationId())
				&& ContractRoles.isOpen(contract);
	}

	/**
	 * Files the next staff notice of a subcontract from the subcontractor's roster and
	 * submits it to the open SUBCONTRACT_STAFF_NOTICE obligations it meets.
	 * @param actor a lead of the level that applied for the subcontract
	 * @param subcontractId the subcontract
	 * @return the notice
	 * @throws InvalidInputProblem when the subcontractor has no worker on the roster
	 */
	@Transactional
	public StaffNotice file(Actor actor, UUID subcontractId) {
		Subcontract s = this.subcontracts.findById(subcontractId)
			.orElseThrow(() -> new NotFoundProblem("subcontract.entity"));
		Contract contract = this.contracts.getAsParticipant(actor, s.getContractId());
		if (!mayFile(actor, contract, s)) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		List<RosterMember> staff = this.rosterReads.membersUnscoped(s.getContractId())
			.stream()
			.filter((m) -> m.getOrganisationId().equals(s.getSubcontractorOrganisationId()))
			.toList();
		if (staff.stream().noneMatch((m) -> m.getStatus() != MemberStatus.LEFT)) {
			throw new InvalidInputProblem("staff", "subcontract.staff.none", s.getSubcontractorName());
		}
		String securityLead = staff.stream()
			.filter((m) -> m.getStatus() != MemberStatus.LEFT && m.getRole() == WorkerRole.SECURITY_LEAD)
			.map(RosterMember::getName)
			.findFirst()
			.orElse(null);
		int number = (int) this.notices.countBySubcontractId(subcontractId) + 1;
		Instant now = Instant.now(this.clock);
		byte[] content = this.pdf.staffNotice(contract, s, number, staff, securityLead,
				ItakuTime.inTokyo(now).toLocalDate());
		String fileName = "再委託先従事者届_SUB-" + s.getSeq() + "_第" + number + "号.pdf";
		UploadedDocument document = this.documents.accept(fileName, "application/pdf",
				new ByteArrayInputStream(content));
		StaffNotice notice = this.notices.save(new StaffNotice(s, number, securityLead,
				(int) staff.stream().filter((m) -> m.getStatus() != MemberStatus.LEFT).count(), actor.userId(), now,
				document.key(), document.sha256(), fileName));
		List<Obligation> due = new ArrayList<>(this.obligationReads.findUnscoped(s.getContractId(),
				Deliverable.SUBCONTRACT_STAFF_NOTICE, key(s, number)));
		String source = "Subcontract:" + s.getId();
		// One notice meeting several obligations is filed once, for one review.
		List<UUID> submitted = due.stream()
			.filter((o) -> source.equals(o.getSource()) && o.awaitsSubmission())
			.map(Obligation::getId)
			.toList();
		if (!submitted.isEmpty()) {
			List<Obligations.Upload> uploads = List
				.of(new Obligations.Upload(fileName, "application/pdf", new ByteArrayResource(content)));
			String comment = this.pdf.text("subcontract.staff.comment", s.getSubcontractorName(), number);
			if (ContractRoles.isParty(actor, contract)) {
				this.obligations.submitTogether(actor, submitted, comment, uploads);
			}
			else {
				this.obligations.submitTogetherFromPart(actor, submitted, source, comment, uploads);
			}
		}
		this.audit.record(AuditRecord.of("SUBCONTRACT_STAFF_NOTICE_FILED")
			.actor(actor)
			.target("Subcontract", s.getId())
			.detail("contract", s.getContractId())
			.detail("number", number)
			.detail("workers", notice.getWorkers())
			.detail("sha256", document.sha256())
			.detail("obligations", submitted));
		return notice;
	}

	/**
	 * Opens a notice's PDF for a participant who sees its subcontract; audited.
	 * @param actor the acting user
	 * @param noticeId the notice
	 * @param visible whether the actor sees the notice's subcontract (from the chain)
	 * @return the notice and its content; the caller closes the stream
	 */
	@Transactional
	public Opened open(Actor actor, UUID noticeId, Predicate<UUID> visible) {
		StaffNotice notice = this.notices.findById(noticeId)
			.orElseThrow(() -> new NotFoundProblem("subcontract.staff.entity"));
		this.contracts.getAsParticipant(actor, notice.getContractId());
		if (!visible.test(notice.getSubcontractId())) {
			throw new NotFoundProblem("subcontract.staff.entity");
		}
		this.audit.record(AuditRecord.of("SUBCONTRACT_STAFF_NOTICE_VIEWED")
			.actor(actor)
			.target("Subcontract", notice.getSubcontractId())
			.detail("number", notice.getNumber())
			.detail("sha256", notice.getSha256()));
		return new Opened(notice, this.documents.open(notice.getDocumentKey()));
	}

	@EventListener
	void workerJoined(RosterEvents.WorkerJoined event) {
		staffChanged(event.contractId(), event.memberId());
	}

	@EventListener
	void workerChanged(RosterEvents.WorkerChanged event) {
		staffChanged(event.contractId(), event.memberId());
	}

	@EventListener
	void workerLeft(RosterEvents.WorkerLeft event) {
		staffChanged(event.contractId(), event.memberId());
	}

	/**
	 * A subcontractor's roster changed: after its first notice, the change must be told
	 * promptly (Gunma 14③); raise the duty at once, keyed by the notice that will meet
	 * it.
	 */
	private void staffChanged(UUID contractId, UUID memberId) {
		Optional<RosterMember> member = this.rosterReads.findUnscoped(memberId);
		if (member.isEmpty()) {
			return;
		}
		Optional<Subcontract> subcontract = this.subcontracts.findByContractIdOrderBySeqAsc(contractId)
			.stream()
			.filter((s) -> s.isApproved()
					&& s.getSubcontractorOrganisationId().equals(member.get().getOrganisationId()))
			.findFirst();
		if (subcontract.isEmpty()) {
			return;
		}
		Subcontract s = subcontract.get();
		long filed = this.notices.countBySubcontractId(s.getId());
		if (filed == 0) {
			// The first notice, due since the approval, will name everyone.
			return;
		}
		int next = (int) filed + 1;
		this.obligations.raise(contractId, ObligationTrigger.change(ChangeSubject.SUBCONTRACT_STAFF),
				new Obligations.Occurrence(key(s, next), this.calendar.today(),
						this.pdf.text("subcontract.staff.subject", s.getSubcontractorName(), next),
						"Subcontract:" + s.getId()));
	}

	/** The first notice meets the approval's obligation, later ones the change's. */
	static String key(Subcontract s, int number) {
		return (number == 1) ? "SUBOK-" + s.getSeq() : "SUBSTAFF-" + s.getSeq() + "-" + number;
	}

	/**
	 * A notice opened for reading.
	 *
	 * @param notice the notice
	 * @param content its PDF; the caller closes it
	 */
	public record Opened(StaffNotice notice, InputStream content) {
	}

}
