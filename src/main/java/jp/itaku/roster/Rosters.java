package jp.itaku.roster;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jp.itaku.account.AccountSystemReads;
import jp.itaku.account.UserAccount;
import jp.itaku.approval.Approvals;
import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.catalog.ChangeSubject;
import jp.itaku.catalog.ClauseCatalog;
import jp.itaku.catalog.ContentItem;
import jp.itaku.catalog.Deliverable;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractPart;
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
import jp.itaku.platform.InputRules;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem.FieldProblem;
import jp.itaku.platform.ItakuProblem;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.crypto.FieldEncryptor;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rosters of contracts. The contractor's lead keeps it; every change is kept as a
 * revision (the roster as of any date) and as a change the next written notice lists;
 * filing the notice submits its PDF to the obligations it meets (the roster at contract
 * start, the change notice a change raised). A worker becomes active only when ready, or
 * by the lead's audited override; a worker leaving raises the obligations the profile
 * ties to it (e.g. Kadoma 4(3): report it so that the client revokes the IDs). Reads are
 * scoped through the contract; the nationality is shown only to the client's security
 * administrator for the clause's purpose, and every view is audited.
 */
@Service
public class Rosters {

	/**
	 * The longest reference (an incident's number or id) a view of a nationality accepts.
	 */
	public static final int NATIONALITY_REFERENCE_MAX_LENGTH = 200;

	private static final String WHAT = "roster.member.entity";

	private final RosterMemberRepository members;

	private final RosterRevisionRepository revisions;

	private final RosterChangeRepository changes;

	private final RosterNoticeRepository notices;

	private final Contracts contracts;

	private final ClauseCatalog catalog;

	private final Obligations obligations;

	private final ObligationSystemReads obligationReads;

	private final Documents documents;

	private final FieldEncryptor encryptor;

	private final RosterNoticeForm noticeForm;

	private final ObjectProvider<WorkerReadiness> readiness;

	private final WorkingCalendar calendar;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final AccountSystemReads accountReads;

	private final ObjectProvider<LeakEvents> leakEvents;

	private final Approvals approvals;

	Rosters(RosterMemberRepository members, RosterRevisionRepository revisions, RosterChangeRepository changes,
			RosterNoticeRepository notices, Contracts contracts, ClauseCatalog catalog, Obligations obligations,
			Documents documents, FieldEncryptor encryptor, RosterNoticeForm noticeForm,
			ObjectProvider<WorkerReadiness> readiness, WorkingCalendar calendar, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock, AccountSystemReads accountReads,
			ObligationSystemReads obligationReads, ObjectProvider<LeakEvents> leakEvents, Approvals approvals) {
		this.approvals = approvals;
		this.leakEvents = leakEvents;
		this.obligationReads = obligationReads;
		this.accountReads = accountReads;
		this.members = members;
		this.revisions = revisions;
		this.changes = changes;
		this.notices = notices;
		this.contracts = contracts;
		this.catalog = catalog;
		this.obligations = obligations;
		this.documents = documents;
		this.encryptor = encryptor;
		this.noticeForm = noticeForm;
		this.readiness = readiness;
		this.calendar = calendar;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Lists a contract's roster as far as the actor sees it: the whole roster for the
	 * client and the contractor, a subcontractor's own workers and those of the levels
	 * below it for a subcontractor.
	 * @param actor a party to the contract or an approved subcontractor
	 * @param contractId the contract
	 * @return every member in the actor's part, planned, active and gone, by start
	 */
	@Transactional(readOnly = true)
	public List<RosterMember> members(Actor actor, UUID contractId) {
		ContractPart part = this.contracts.part(actor, contractId);
		return this.members.findByContractIdOrderByPeriodStartAscNameAsc(contractId)
			.stream()
			.filter((m) -> part.sees(m.getOrganisationId()))
			.toList();
	}

	/**
	 * Returns one member of a roster.
	 * @param actor a party to the contract
	 * @param memberId the member
	 * @return the member
	 */
	@Transactional(readOnly = true)
	public RosterMember member(Actor actor, UUID memberId) {
		RosterMember member = this.members.findById(memberId).orElseThrow(() -> new NotFoundProblem(WHAT));
		scopedContract(actor, member);
		return member;
	}

	/**
	 * Returns the roster as it stood at the end of a day (Tokyo).
	 * @param actor a party to the contract
	 * @param contractId the contract
	 * @param day the day
	 * @return each member as recorded then, by start and name
	 */
	@Transactional(readOnly = true)
	public List<RosterRevision> asOf(Actor actor, UUID contractId, LocalDate day) {
		this.contracts.get(actor, contractId);
		Instant endOfDay = day.plusDays(1).atStartOfDay(ItakuTime.ZONE).toInstant();
		return this.revisions.latestBefore(contractId, endOfDay)
			.stream()
			.sorted(Comparator.comparing(RosterRevision::getPeriodStart).thenComparing(RosterRevision::getName))
			.toList();
	}

	/**
	 * Returns whether the contract's profile asks for the workers' nationality.
	 * @param contract the contract
	 * @return {@code true} when a requirement lists it
	 */
	public boolean asksNationality(Contract contract) {
		return this.catalog.get(contract.getProfileId())
			.definition()
			.clauses()
			.stream()
			.flatMap((c) -> c.requirements().stream())
			.anyMatch((r) -> r.contents() != null && r.contents().contains(ContentItem.NATIONALITY));
	}

	/**
	 * Returns what the contract's written roster must say of each person: the fields its
	 * profile's roster requirements list ({@link RosterContents}).
	 * @param contract the contract
	 * @return the fields required, with the clauses requiring them
	 */
	public RosterContents requiredContents(Contract contract) {
		return RosterContents.of(this.catalog.get(contract.getProfileId()).definition(), contract.getAttributes());
	}

	/**
	 * Lists what the roster's members lack of what the next notice must say, for the lead
	 * to complete before filing.
	 * @param actor a party to the contract
	 * @param contractId the contract
	 * @return one problem per member and missing field (see
	 * {@link RosterContents#missing}); empty when the roster is complete
	 */
	@Transactional(readOnly = true)
	public List<FieldProblem> missingContents(Actor actor, UUID contractId) {
		Contract contract = this.contracts.get(actor, contractId);
		return requiredContents(contract)
			.missing(this.members.findByContractIdOrderByPeriodStartAscNameAsc(contractId));
	}

	/**
	 * Returns whether the actor keeps workers on the contract's roster: a lead of the
	 * contractor, or of an approved subcontractor for its own workers (a subcontractor
	 * has no part, so no roster, before the client approves it).
	 * @param actor the acting user
	 * @param contract the contract
	 * @return {@code true} when the actor may add workers and change its own
	 */
	public boolean mayEdit(Actor actor, Contract contract) {
		return ContractRoles.CONTRACTOR_LEADS.contains(actor.role())
				&& actor.organisationKind() != OrganisationKind.CLIENT && ContractRoles.isOpen(contract)
				&& (ContractRoles.ofContractor(actor, contract) || this.contracts.isParticipant(actor, contract));
	}

	/**
	 * Returns whether the actor files the contract's roster notices: the contractor's
	 * lead, for the whole roster including its subcontractors' workers (the contractor
	 * tells the client of them, Gunma 14③).
	 * @param actor the acting user
	 * @param contract the contract
	 * @return {@code true} for the contractor's lead
	 */
	public boolean mayFileNotice(Actor actor, Contract contract) {
		return ContractRoles.leadsForContractorWhileOpen(actor, contract);
	}

	/**
	 * Returns whether the actor may ask to see a worker's nationality: the client's
	 * security administrator (for a purpose the clause allows, see
	 * {@link #revealNationality}).
	 * @param actor the acting user
	 * @param contract the contract
	 * @return {@code true} for the client's security administrator
	 */
	public boolean maySeeNationality(Actor actor, Contract contract) {
		return ContractRoles.administersSecurityForClient(actor, contract);
	}

	/**
	 * Lists the events a view of a nationality on the contract may name (Kadoma 2(5)):
	 * its incidents in which information leaked or may have leaked, for the actor who may
	 * ask to see a nationality.
	 * @param actor the acting user
	 * @param contract the contract
	 * @return the incidents, the newest first; empty for anyone else
	 */
	@Transactional(readOnly = true)
	public List<LeakEvents.LeakEvent> nationalityEvents(Actor actor, Contract contract) {
		if (!maySeeNationality(actor, contract)) {
			return List.of();
		}
		LeakEvents events = this.leakEvents.getIfAvailable();
		return (events != null) ? events.of(contract.getId()) : List.of();
	}

	/**
	 * Adds a worker to a roster, as planned (not yet working).
	 * @param actor the contractor's lead
	 * @param contractId the contract
	 * @param form the worker
	 * @return the member
	 * @throws InvalidInputProblem naming every field at fault
	 */
	@Transactional
	public RosterMember add(Actor actor, UUID contractId, RosterMemberForm form) {
		Contract contract = editable(actor, contractId);
		check(actor, contract, form);
		requirePlace(contract, form, null);
		Instant now = Instant.now(this.clock);
		RosterMember member = this.members.save(new RosterMember(contractId, actor.organisationId(), form, now));
		storeNationality(member, form, now);
		changed(actor, contract, member, RosterChange.Kind.ADDED, List.of(), now);
		this.audit.record(AuditRecord.of("ROSTER_MEMBER_ADDED")
			.actor(actor)
			.target("RosterMember", member.getId())
			.detail("contract", contractId)
			.detail("role", member.getRole())
			.detail("nationalityEntered", member.hasNationality()));
		// The obligations a worker joining creates are raised by WorkerDuties, in this
		// transaction.
		this.events.publishEvent(new RosterEvents.WorkerJoined(contractId, member.getId(), this.calendar.today()));
		return member;
	}

	/**
	 * Refuses a work location outside the places the contract designates without a prior
	 * approval valid from the worker's first day (Gunma 第5条第2項), when the profile asks
	 * for one; a location the member already had is not asked again.
	 */
	private void requirePlace(Contract contract, RosterMemberForm form, @Nullable String current) {
		String location = RosterMemberForm.clean(form.getWorkLocation());
		if (location == null || location.equals(current)) {
			return;
		}
		LocalDate today = this.calendar.today();
		LocalDate day = (form.getPeriodStart() != null && form.getPeriodStart().isAfter(today)) ? form.getPeriodStart()
				: today;
		this.approvals.requirePlace(contract.getId(), location, day, "workLocation");
	}

	/**
	 * Adds several workers at once, as an import does: every form is checked first and
	 * nothing is stored unless all are valid; then each is added as by
	 * {@link #add(Actor, UUID, RosterMemberForm)}, all in one transaction.
	 * @param actor the contractor's lead
	 * @param contractId the contract
	 * @param forms the workers, in the order of the file
	 * @return the members, in the same order
	 * @throws InvalidInputProblem naming every field at fault as {@code rows[i].field} (i
	 * counting from 0), or {@code rows} when there is nothing to add
	 */
	@Transactional
	public List<RosterMember> addAll(Actor actor, UUID contractId, List<RosterMemberForm> forms) {
		Contract contract = editable(actor, contractId);
		if (forms == null || forms.isEmpty()) {
			throw new InvalidInputProblem("rows", "roster.import.empty");
		}
		boolean nationalityAsked = asksNationality(contract);
		List<FieldProblem> problems = new ArrayList<>();
		for (int i = 0; i < forms.size(); i++) {
			for (FieldProblem problem : forms.get(i).problems(nationalityAsked)) {
				problems.add(new FieldProblem("rows[" + i + "]." + problem.field(), problem.messageKey(),
						problem.arguments()));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		List<RosterMember> added = new ArrayList<>();
		for (RosterMemberForm form : forms) {
			added.add(add(actor, contractId, form));
		}
		this.audit.record(AuditRecord.of("ROSTER_IMPORTED")
			.actor(actor)
			.target("Contract", contractId)
			.detail("members", added.size()));
		return added;
	}

	/**
	 * Changes a worker; what changed waits for the next notice.
	 * @param actor the contractor's lead
	 * @param memberId the member
	 * @param form the new values (a blank nationality keeps the stored one)
	 * @return the member
	 */
	@Transactional
	public RosterMember update(Actor actor, UUID memberId, RosterMemberForm form) {
		RosterMember member = this.members.findById(memberId).orElseThrow(() -> new NotFoundProblem(WHAT));
		Contract contract = editable(actor, member);
		check(actor, contract, form);
		requirePlace(contract, form, member.getWorkLocation());
		Instant now = Instant.now(this.clock);
		List<FieldChange> fields = new ArrayList<>(member.apply(form, now));
		if (storeNationality(member, form, now)) {
			fields.add(new FieldChange("nationality", null, null));
		}
		if (!fields.isEmpty()) {
			changed(actor, contract, member, RosterChange.Kind.CHANGED, fields, now);
			this.audit.record(AuditRecord.of("ROSTER_MEMBER_CHANGED")
				.actor(actor)
				.target("RosterMember", memberId)
				.detail("fields", fields.stream().map(FieldChange::field).toList()));
			this.events.publishEvent(new RosterEvents.WorkerChanged(contract.getId(), memberId,
					fields.stream().map(FieldChange::field).toList()));
		}
		return member;
	}

	/**
	 * Starts a worker on the contract: only with a signed pledge and a training record,
	 * unless the lead overrides with a reason, which is audited.
	 * @param actor the contractor's lead
	 * @param memberId the member
	 * @param override the reason to start a worker who is not ready, or {@code null}
	 * @return the member
	 */
	@Transactional
	public RosterMember activate(Actor actor, UUID memberId, @Nullable String override) {
		RosterMember member = this.members.findById(memberId).orElseThrow(() -> new NotFoundProblem(WHAT));
		editable(actor, member);
		WorkerReadiness.Readiness ready = readinessOf(member.getId());
		Instant now = Instant.now(this.clock);
		member.activate(ready, override, now);
		this.revisions.save(new RosterRevision(member, now));
		AuditRecord record = AuditRecord.of(ready.ready() ? "ROSTER_MEMBER_ACTIVATED" : "ROSTER_READINESS_OVERRIDDEN")
			.actor(actor)
			.target("RosterMember", memberId)
			.detail("pledged", ready.pledged())
			.detail("trained", ready.trained());
		if (!ready.ready()) {
			record.detail("reason", member.getReadinessOverride());
		}
		this.audit.record(record);
		return member;
	}

	/**
	 * Records that a worker stopped working on the contract: the change waits for the
	 * next notice, and the obligations the profile ties to a departure are raised at
	 * once.
	 * @param actor the contractor's lead
	 * @param memberId the member
	 * @param lastDay the last day of work
	 * @return the member
	 */
	@Transactional
	public RosterMember leave(Actor actor, UUID memberId, @Nullable LocalDate lastDay) {
		RosterMember member = this.members.findById(memberId).orElseThrow(() -> new NotFoundProblem(WHAT));
		Contract contract = editable(actor, member);
		Instant now = Instant.now(this.clock);
		FieldChange change = member.leave(lastDay, now);
		changed(actor, contract, member, RosterChange.Kind.LEFT, List.of(change), now);
		this.audit.record(AuditRecord.of("ROSTER_MEMBER_LEFT")
			.actor(actor)
			.target("RosterMember", memberId)
			.detail("lastDay", lastDay));
		// The obligations the profile ties to a departure are raised by WorkerDuties, in
		// this transaction.
		this.events.publishEvent(new RosterEvents.WorkerLeft(contract.getId(), member.getId(), lastDay));
		return member;
	}

	/**
	 * Lists the changes the next notice will list.
	 * @param actor a party to the contract
	 * @param contractId the contract
	 * @return the changes not yet notified, oldest first
	 */
	@Transactional(readOnly = true)
	public List<RosterChange> pendingChanges(Actor actor, UUID contractId) {
		this.contracts.get(actor, contractId);
		return this.changes.findByContractIdAndNoticeIdIsNullOrderByOccurredAtAsc(contractId);
	}

	/**
	 * Lists a contract's notices.
	 * @param actor a party to the contract
	 * @param contractId the contract
	 * @return the notices, latest first
	 */
	@Transactional(readOnly = true)
	public List<RosterNotice> notices(Actor actor, UUID contractId) {
		this.contracts.get(actor, contractId);
		return this.notices.findByContractIdOrderByNumberDesc(contractId);
	}

	/**
	 * Lists the changes a notice listed.
	 * @param actor a party to the contract
	 * @param noticeId the notice
	 * @return its changes, oldest first
	 */
	@Transactional(readOnly = true)
	public List<RosterChange> changesOf(Actor actor, UUID noticeId) {
		RosterNotice notice = this.notices.findById(noticeId)
			.orElseThrow(() -> new NotFoundProblem("roster.notice.entity"));
		this.contracts.get(actor, notice.getContractId());
		return this.changes.findByNoticeIdOrderByOccurredAtAsc(noticeId);
	}

	/**
	 * Files the next written notice: the roster itself the first time, then a change
	 * notice listing exactly the changes since the last one. Its PDF is submitted to the
	 * open obligations it meets.
	 * @param actor the contractor's lead
	 * @param contractId the contract
	 * @return the notice
	 * @throws InvalidInputProblem when there is nothing to notify, or a member lacks what
	 * the profile asks the roster to say (each member and field named, nothing filed)
	 */
	@Transactional
	public RosterNotice fileNotice(Actor actor, UUID contractId) {
		Contract contract = this.contracts.get(actor, contractId);
		if (!mayFileNotice(actor, contract)) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		List<RosterChange> pending = this.changes.findByContractIdAndNoticeIdIsNullOrderByOccurredAtAsc(contractId);
		int number = (int) this.notices.countByContractId(contractId) + 1;
		List<RosterMember> roster = this.members.findByContractIdOrderByPeriodStartAscNameAsc(contractId);
		if (pending.isEmpty() || (number == 1 && roster.isEmpty())) {
			throw new InvalidInputProblem("notice", "roster.notice.nothingToNotify");
		}
		refuseInvalidDates(roster);
		RosterContents required = requiredContents(contract);
		List<FieldProblem> missing = required.missing(roster);
		if (!missing.isEmpty()) {
			throw new InvalidInputProblem(missing);
		}
		Instant now = Instant.now(this.clock);
		byte[] pdf = this.noticeForm.render(contract, number, (number == 1) ? List.of() : pending, roster, required,
				asksNationality(contract), ItakuTime.inTokyo(now).toLocalDate());
		String fileName = (number == 1) ? "従事者名簿.pdf" : "従事者名簿変更届_第" + number + "号.pdf";
		UploadedDocument document = this.documents.accept(fileName, "application/pdf", new ByteArrayInputStream(pdf));
		RosterNotice notice = this.notices.save(new RosterNotice(UUID.randomUUID(), contractId, number, actor.userId(),
				now, document.key(), document.sha256(), document.fileName()));
		pending.forEach((change) -> change.notifiedBy(notice.getId()));
		List<Obligation> met = new ArrayList<>();
		if (number == 1) {
			met.addAll(this.obligationReads.findUnscoped(contractId, Deliverable.ROSTER, "START"));
			if (roster.stream().anyMatch((m) -> m.getRole().isResponsible())) {
				// The roster names the responsible persons (e.g. Nerima 第6条, Gunma 第4条).
				met.addAll(
						this.obligationReads.findUnscoped(contractId, Deliverable.RESPONSIBLE_PERSONS_NOTICE, "START"));
			}
		}
		else {
			met.addAll(this.obligationReads.findUnscoped(contractId, Deliverable.ROSTER, noticeKey(number)));
			met.addAll(this.obligationReads.findUnscoped(contractId, Deliverable.RESPONSIBLE_PERSONS_NOTICE,
					noticeKey(number)));
		}
		String comment = (number == 1) ? "従事者名簿を提出します。" : "従事者名簿の変更（第" + number + "号）を届け出ます。";
		// One notice, however many obligations it meets: filed together, so that the
		// client's one review decides them all.
		List<UUID> submitted = met.stream().filter(Obligation::awaitsSubmission).map(Obligation::getId).toList();
		if (!submitted.isEmpty()) {
			this.obligations.submitTogether(actor, submitted, comment,
					List.of(new Obligations.Upload(fileName, "application/pdf", new ByteArrayResource(pdf))));
		}
		this.audit.record(AuditRecord.of("ROSTER_NOTICE_FILED")
			.actor(actor)
			.target("RosterNotice", notice.getId())
			.detail("contract", contractId)
			.detail("number", number)
			.detail("changes", pending.size())
			.detail("sha256", document.sha256())
			.detail("obligations", submitted));
		return notice;
	}

	/**
	 * Opens a notice's PDF for a party to the contract; the view is audited.
	 * @param actor the acting user
	 * @param noticeId the notice
	 * @return the notice and its content; the caller closes the stream
	 */
	@Transactional
	public OpenedNotice openNotice(Actor actor, UUID noticeId) {
		RosterNotice notice = this.notices.findById(noticeId)
			.orElseThrow(() -> new NotFoundProblem("roster.notice.entity"));
		this.contracts.get(actor, notice.getContractId());
		this.audit.record(AuditRecord.of("ROSTER_NOTICE_VIEWED")
			.actor(actor)
			.target("RosterNotice", noticeId)
			.detail("sha256", notice.getSha256()));
		return new OpenedNotice(notice, this.documents.open(notice.getDocumentKey()));
	}

	/**
	 * Shows a worker's nationality to the client's security administrator, for one of the
	 * purposes the clause allows and the event it is bound to: an incident of the
	 * contract in which information leaked or may have leaked (Kadoma 2(5)); the view is
	 * audited with its purpose and the incident.
	 * @param actor the client's security administrator
	 * @param memberId the member
	 * @param purpose why
	 * @param reference the incident it is looked at for: its number ({@code INC-3}) or
	 * id, one of {@link #nationalityEvents}
	 * @return the nationality (empty when none was entered) with the incident named
	 * @throws InvalidInputProblem naming {@code purpose} or {@code reference} when either
	 * is missing, or the reference names no such incident of the contract; nothing is
	 * shown then
	 * @throws NotFoundProblem for anyone else, as if the value did not exist
	 */
	@Transactional
	public RevealedNationality revealNationality(Actor actor, UUID memberId, @Nullable NationalityPurpose purpose,
			@Nullable String reference) {
		RosterMember member = this.members.findById(memberId).orElseThrow(() -> new NotFoundProblem(WHAT));
		Contract contract = scopedContract(actor, member);
		if (!ContractRoles.administersSecurityForClient(actor, contract)) {
			throw new AccessDeniedProblem("roster.nationality.forbidden");
		}
		if (purpose == null) {
			throw new InvalidInputProblem("purpose", "roster.nationality.purposeRequired");
		}
		if (reference == null || reference.isBlank()) {
			throw new InvalidInputProblem("reference", "roster.nationality.referenceRequired");
		}
		InputRules.Violation badReference = InputRules.checkText(reference.strip(), NATIONALITY_REFERENCE_MAX_LENGTH);
		if (badReference != null) {
			throw badReference.problem("reference");
		}
		// Every purpose of 2(5) is bound to one event: a leak, or the risk of one, found
		// on this contract. The reference must name such an incident of the contract.
		LeakEvents events = this.leakEvents.getIfAvailable();
		LeakEvents.LeakEvent event = ((events != null) ? events.find(contract.getId(), reference)
				: Optional.<LeakEvents.LeakEvent>empty())
			.orElseThrow(() -> new InvalidInputProblem("reference", "roster.nationality.incidentUnknown",
					reference.strip()));
		this.audit.record(AuditRecord.of("NATIONALITY_VIEWED")
			.actor(actor)
			.target("RosterMember", memberId)
			.detail("purpose", purpose)
			.detail("reference", event.number())
			.detail("incident", event.id()));
		if (!member.hasNationality()) {
			return new RevealedNationality(Optional.empty(), event);
		}
		return new RevealedNationality(
				Optional.of(this.encryptor.decrypt(member.getNationalityCiphertext(), context(member))), event);
	}

	/**
	 * A nationality shown for a purpose, with the incident the view named.
	 *
	 * @param nationality the nationality, empty when none was entered
	 * @param incident the incident of the contract the view is bound to
	 */
	public record RevealedNationality(Optional<String> nationality, LeakEvents.LeakEvent incident) {
	}

	/**
	 * Returns a worker's readiness (pledge and training).
	 * @param memberId the member
	 * @return the readiness; nothing on record when no module keeps it
	 */
	public WorkerReadiness.Readiness readinessOf(UUID memberId) {
		WorkerReadiness check = this.readiness.getIfAvailable();
		return (check != null) ? check.of(memberId) : WorkerReadiness.Readiness.NONE;
	}

	static String noticeKey(int number) {
		return "ROSTER-" + number;
	}

	private void changed(Actor actor, Contract contract, RosterMember member, RosterChange.Kind kind,
			List<FieldChange> fields, Instant now) {
		this.revisions.save(new RosterRevision(member, now));
		this.changes.save(new RosterChange(member, kind, fields, actor.userId(), now));
		long filed = this.notices.countByContractId(contract.getId());
		if (filed == 0) {
			return;
		}
		// After the roster was first submitted, a change must be notified: raise the duty
		// at
		// once, keyed by the notice that will meet it.
		int next = (int) filed + 1;
		LocalDate today = this.calendar.today();
		Obligations.Occurrence occurrence = new Obligations.Occurrence(noticeKey(next), today,
				"従事者名簿 変更届 第" + next + "号", "RosterNotice:" + contract.getId() + "#" + next);
		this.obligations.raise(contract.getId(), ObligationTrigger.change(ChangeSubject.ROSTER), occurrence);
		boolean responsible = member.getRole().isResponsible() || fields.stream()
			.anyMatch((f) -> "role".equals(f.field()) && f.before() != null
					&& WorkerRole.valueOf(f.before()).isResponsible());
		if (responsible) {
			this.obligations.raise(contract.getId(), ObligationTrigger.change(ChangeSubject.RESPONSIBLE_PERSONS),
					occurrence);
		}
	}

	private boolean storeNationality(RosterMember member, RosterMemberForm form, Instant now) {
		String value = RosterMemberForm.clean(form.getNationality());
		if (value == null) {
			return false;
		}
		if (member.hasNationality()
				&& value.equals(this.encryptor.decrypt(member.getNationalityCiphertext(), context(member)))) {
			return false;
		}
		member.nationality(this.encryptor.encrypt(value, context(member)), now);
		return true;
	}

	private static String context(RosterMember member) {
		return RosterEncryption.NATIONALITY.context(member.getId());
	}

	/**
	 * Lists the accounts a roster member may be linked to, so that the worker signs the
	 * pledge with their own account: the enabled leads and workers of the editing lead's
	 * organisation (the contractor or a subcontractor), shown only to that lead.
	 * @param actor the contractor's lead
	 * @param contract the contract
	 * @return the accounts, by user name; empty for anyone who may not edit the roster
	 */
	@Transactional(readOnly = true)
	public List<UserAccount> linkableUsers(Actor actor, Contract contract) {
		if (!mayEdit(actor, contract)) {
			return List.of();
		}
		return this.accountReads.enabledUsersUnscoped(actor.organisationId(), ContractRoles.CONTRACTOR_MEMBERS);
	}

	private void check(Actor actor, Contract contract, RosterMemberForm form) {
		var problems = new ArrayList<>(form.problems(asksNationality(contract)));
		// A worker works within the contract's period (and so within the global date
		// range).
		for (var date : new Object[][] { { "periodStart", form.getPeriodStart() },
				{ "plannedEnd", form.getPlannedEnd() } }) {
			InputRules.Violation outside = InputRules.checkDate(date[1], contract.getPeriodStart(),
					contract.getPeriodEnd());
			if (outside != null && problems.stream().noneMatch((p) -> p.field().equals(date[0]))) {
				problems.add(new ItakuProblem.FieldProblem((String) date[0], "roster.period.outsideContract",
						outside.arguments()));
			}
		}
		if (form.getUserId() != null
				&& this.accountReads.enabledUsersUnscoped(actor.organisationId(), ContractRoles.CONTRACTOR_MEMBERS)
					.stream()
					.noneMatch((u) -> u.getId().equals(form.getUserId()))) {
			problems.add(new ItakuProblem.FieldProblem("userId", "roster.userId.invalid"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
	}

	/**
	 * A written notice never carries a date the input rules refuse (one the old checks
	 * let through): the member is named so that the lead corrects it on the roster's
	 * form.
	 */
	private static void refuseInvalidDates(List<RosterMember> roster) {
		List<ItakuProblem.FieldProblem> problems = new ArrayList<>();
		for (RosterMember member : roster) {
			for (var date : new Object[][] { { "periodStart", member.getPeriodStart() },
					{ "plannedEnd", member.getPlannedEnd() }, { "actualEnd", member.getActualEnd() } }) {
				if (InputRules.checkDate(date[1]) != null) {
					problems.add(new ItakuProblem.FieldProblem("members[" + member.getId() + "]." + date[0],
							"roster.notice.invalidDate", member.getName(), String.valueOf(date[1])));
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
	}

	private Contract editable(Actor actor, UUID contractId) {
		Contract contract = this.contracts.getAsParticipant(actor, contractId);
		if (!mayEdit(actor, contract)) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		return contract;
	}

	/**
	 * A member is changed only by a lead of the organisation it works for: the contractor
	 * sees its subcontractors' workers but does not keep them.
	 */
	private Contract editable(Actor actor, RosterMember member) {
		scopedContract(actor, member);
		Contract contract = editable(actor, member.getContractId());
		if (!member.getOrganisationId().equals(actor.organisationId())) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		return contract;
	}

	private Contract scopedContract(Actor actor, RosterMember member) {
		return this.contracts.getForRecord(actor, member.getContractId(), member.getOrganisationId(), WHAT);
	}

	/**
	 * A notice opened for reading.
	 *
	 * @param notice the notice
	 * @param content its PDF; the caller closes it
	 */
	public record OpenedNotice(RosterNotice notice, InputStream content) {

		public OpenedNotice {
			Objects.requireNonNull(notice);
		}

	}

}
