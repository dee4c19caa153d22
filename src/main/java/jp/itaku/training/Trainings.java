package jp.itaku.training;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.catalog.Deliverable;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractPart;
import jp.itaku.contract.ContractRoles;
import jp.itaku.contract.Contracts;
import jp.itaku.document.Documents;
import jp.itaku.document.PdfForm;
import jp.itaku.document.UploadedDocument;
import jp.itaku.obligation.Obligation;
import jp.itaku.organisation.Organisation;
import jp.itaku.organisation.OrganisationSystemReads;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.Dates;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem.FieldProblem;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.roster.RosterMember;
import jp.itaku.roster.RosterSystemReads;
import jp.itaku.roster.Rosters;
import jp.itaku.roster.WorkerReadiness;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Training sessions and emergency-response drills of contracts (Setagaya 16, Kadoma 5,
 * Nerima 9 and 24③): the contractor's lead records them with each attendee's result and
 * submits the written record (a generated PDF) to the TRAINING_RECORD or DRILL_RECORD
 * obligation of the contract. Also the contract's readiness overview: who has a signed
 * pledge and training. Reads are scoped through the contract; changes and views of the
 * records (they name people) are audited.
 */
@Service
public class Trainings {

	private static final String WHAT = "training.session.entity";

	private final TrainingSessionRepository sessions;

	private final PledgeRepository pledges;

	private final Rosters rosters;

	private final RosterSystemReads rosterReads;

	private final Contracts contracts;

	private final OrganisationSystemReads organisationReads;

	private final Documents documents;

	private final Filings filings;

	private final MessageSource messages;

	private final WorkingCalendar calendar;

	private final AuditTrail audit;

	private final Clock clock;

	Trainings(TrainingSessionRepository sessions, PledgeRepository pledges, Rosters rosters, Contracts contracts,
			Documents documents, Filings filings, MessageSource messages, WorkingCalendar calendar, AuditTrail audit,
			Clock clock, OrganisationSystemReads organisationReads, RosterSystemReads rosterReads) {
		this.rosterReads = rosterReads;
		this.organisationReads = organisationReads;
		this.sessions = sessions;
		this.pledges = pledges;
		this.rosters = rosters;
		this.contracts = contracts;
		this.documents = documents;
		this.filings = filings;
		this.messages = messages;
		this.calendar = calendar;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Records a session or drill that was held.
	 * @param actor the contractor's lead
	 * @param contractId the contract
	 * @param form what was held and who attended
	 * @param materials the materials, or {@code null}
	 * @return the session
	 * @throws InvalidInputProblem naming every field at fault (an attendee not on the
	 * contract's roster included)
	 */
	@Transactional
	public TrainingSession record(Actor actor, UUID contractId, TrainingSessionForm form, @Nullable Upload materials) {
		Contract contract = editable(actor, contractId);
		List<FieldProblem> problems = new ArrayList<>(form.problems(this.calendar.today()));
		Map<String, RosterMember> roster = this.rosterReads.membersUnscoped(contractId)
			.stream()
			.collect(Collectors.toMap((m) -> m.getId().toString(), Function.identity()));
		List<Attendance> attendances = new ArrayList<>();
		form.attendees().forEach((memberId, result) -> {
			if (roster.containsKey(memberId)) {
				attendances.add(new Attendance(UUID.fromString(memberId), result));
			}
			else {
				problems.add(new FieldProblem("results", "training.session.notOnRoster"));
			}
		});
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		TrainingSession session = new TrainingSession(contractId, form, attendances, actor.userId(),
				Instant.now(this.clock));
		if (materials != null) {
			UploadedDocument document = this.documents.accept(materials.fileName(), materials.contentType(),
					materials.content());
			session.materials(document.key(), document.sha256(), document.fileName());
		}
		this.sessions.save(session);
		this.audit.record(AuditRecord
			.of((session.getKind() == SessionKind.DRILL) ? "TRAINING_DRILL_RECORDED" : "TRAINING_SESSION_RECORDED")
			.actor(actor)
			.target("TrainingSession", session.getId())
			.detail("contract", contract.getId())
			.detail("heldOn", session.getHeldOn())
			.detail("attendees", attendances.size())
			.detail("materialsSha256", session.getMaterialsSha256()));
		return session;
	}

	/**
	 * Lists a contract's sessions and drills.
	 * @param actor a party to the contract
	 * @param contractId the contract
	 * @return the sessions, latest first
	 */
	@Transactional(readOnly = true)
	public List<TrainingSession> sessions(Actor actor, UUID contractId) {
		if (!this.contracts.part(actor, contractId).whole()) {
			// The sessions are the contractor's records; a subcontractor sees its
			// workers' readiness.
			return List.of();
		}
		return this.sessions.findByContractIdOrderByHeldOnDescRecordedAtDesc(contractId);
	}

	/**
	 * Returns one session with its attendees and what the actor may do.
	 * @param actor a party to the contract
	 * @param sessionId the session
	 * @return the detail
	 */
	// the attendances are filtered by roster.containsKey before roster.get
	@SuppressWarnings("NullAway")
	@Transactional(readOnly = true)
	public SessionDetail session(Actor actor, UUID sessionId) {
		TrainingSession session = scoped(actor, sessionId);
		Contract contract = this.contracts.get(actor, session.getContractId());
		Map<UUID, RosterMember> roster = roster(contract.getId());
		boolean mayRecord = this.rosters.mayEdit(actor, contract);
		List<AttendeeRow> attendees = session.getAttendances()
			.stream()
			.filter((a) -> roster.containsKey(a.getMemberId()))
			.map((a) -> new AttendeeRow(roster.get(a.getMemberId()), a.getResult()))
			.toList();
		// The obligation due nearest the day it was held first: the planned day of the
		// implementation plan it most likely stands for, offered first.
		List<Obligation> open = mayRecord ? this.filings.open(actor, contract.getId(), deliverableOf(session))
			.stream()
			.sorted(Comparator.comparingLong((Obligation o) -> (o.getDueDate() != null)
					? Math.abs(o.getDueDate().toEpochDay() - session.getHeldOn().toEpochDay()) : Long.MAX_VALUE))
			.toList() : List.of();
		return new SessionDetail(session, contract, attendees, mayRecord, this.filings.of(sessionId), open);
	}

	/**
	 * Returns the readiness of every worker on a contract's roster.
	 * @param actor a party to the contract
	 * @param contractId the contract
	 * @return one row per member, by start and name
	 */
	@Transactional(readOnly = true)
	public List<WorkerRow> overview(Actor actor, UUID contractId) {
		ContractPart part = this.contracts.part(actor, contractId);
		LocalDate today = this.calendar.today();
		List<TrainingSession> held = this.sessions.findByContractIdOrderByHeldOnDescRecordedAtDesc(contractId);
		Map<UUID, List<Pledge>> byMember = new HashMap<>();
		for (Pledge pledge : this.pledges.findByContractIdOrderByCreatedAtDesc(contractId)) {
			byMember.computeIfAbsent(pledge.getMemberId(), (k) -> new ArrayList<>()).add(pledge);
		}
		List<WorkerRow> rows = new ArrayList<>();
		for (RosterMember member : this.rosterReads.membersUnscoped(contractId)) {
			if (!part.sees(member.getOrganisationId())) {
				continue;
			}
			List<Pledge> own = byMember.getOrDefault(member.getId(), List.of());
			WorkerReadiness.Readiness readiness = TrainingReadiness.assess(member.getId(), own, held, today);
			Optional<LocalDate> lastTrained = held.stream()
				.filter((s) -> s.trains(member.getId(), today))
				.map(TrainingSession::getHeldOn)
				.max(Comparator.naturalOrder());
			rows.add(new WorkerRow(member, own.stream().findFirst().orElse(null),
					own.stream().filter(Pledge::isSigned).findFirst().orElse(null), lastTrained.orElse(null),
					readiness));
		}
		return rows;
	}

	/**
	 * Renders a session's written record.
	 * @param actor a party to the contract; the view is audited
	 * @param sessionId the session
	 * @return the PDF
	 */
	@Transactional
	public byte[] recordPdf(Actor actor, UUID sessionId) {
		SessionDetail detail = session(actor, sessionId);
		this.audit.record(AuditRecord.of("TRAINING_RECORD_VIEWED").actor(actor).target("TrainingSession", sessionId));
		return render(detail);
	}

	/**
	 * Opens a session's materials; the view is audited.
	 * @param actor a party to the contract
	 * @param sessionId the session
	 * @return the file
	 * @throws NotFoundProblem when the session has no materials
	 */
	@Transactional
	public Pledges.OpenedFile materials(Actor actor, UUID sessionId) {
		TrainingSession session = scoped(actor, sessionId);
		if (!session.hasMaterials()) {
			throw new NotFoundProblem("document.entity");
		}
		this.audit.record(AuditRecord.of("TRAINING_MATERIALS_VIEWED")
			.actor(actor)
			.target("TrainingSession", sessionId)
			.detail("sha256", session.getMaterialsSha256()));
		return new Pledges.OpenedFile(session.getMaterialsFileName(), this.documents.open(session.getMaterialsKey()));
	}

	/**
	 * Submits a session's written record to an obligation: TRAINING_RECORD for a training
	 * session, DRILL_RECORD for a drill.
	 * @param actor the contractor's lead
	 * @param sessionId the session
	 * @param obligationId the obligation, open or returned, of the same contract
	 * @return where it was filed
	 */
	@Transactional
	public TrainingFiling submit(Actor actor, UUID sessionId, UUID obligationId) {
		TrainingSession session = scoped(actor, sessionId);
		Contract contract = editable(actor, session.getContractId());
		byte[] pdf = render(session(actor, sessionId));
		String name = ((session.getKind() == SessionKind.DRILL) ? "訓練実施記録_" : "研修実施記録_") + session.getHeldOn() + ".pdf";
		TrainingFiling filing = this.filings.file(actor, contract, TrainingFiling.Subject.SESSION, sessionId,
				obligationId, deliverableOf(session), name, pdf,
				message("training.record.submitComment." + session.getKind(), Dates.wareki(session.getHeldOn())));
		this.audit.record(AuditRecord.of("TRAINING_RECORD_FILED")
			.actor(actor)
			.target("TrainingSession", sessionId)
			.detail("obligation", obligationId)
			.detail("submission", filing.getSubmissionId())
			.detail("sha256", filing.getSha256()));
		return filing;
	}

	/**
	 * Lists the obligations a record of the given kind may be submitted to.
	 * @param actor a party to the contract
	 * @param contractId the contract
	 * @param kind training or drill
	 * @return the open ones
	 */
	@Transactional(readOnly = true)
	public List<Obligation> openObligations(Actor actor, UUID contractId, SessionKind kind) {
		return this.filings.open(actor, contractId,
				(kind == SessionKind.DRILL) ? Deliverable.DRILL_RECORD : Deliverable.TRAINING_RECORD);
	}

	/**
	 * Lists where a contract's pledges and records were submitted.
	 * @param actor a party to the contract
	 * @param contractId the contract
	 * @return the filings, latest first
	 */
	@Transactional(readOnly = true)
	public List<TrainingFiling> filings(Actor actor, UUID contractId) {
		if (!this.contracts.part(actor, contractId).whole()) {
			return List.of();
		}
		return this.filings.ofContract(contractId);
	}

	/**
	 * Returns whether the actor records training sessions and drills for the contract
	 * (its subcontractors' workers attend them too) and submits the records.
	 * @param actor the acting user
	 * @param contract the contract
	 * @return {@code true} for the contractor's lead
	 */
	public boolean mayRecord(Actor actor, Contract contract) {
		return ContractRoles.leadsForContractorWhileOpen(actor, contract);
	}

	/**
	 * Returns whether the actor generates and records pledges of its own organisation's
	 * workers: the contractor's lead, or an approved subcontractor's.
	 * @param actor the acting user
	 * @param contract the contract
	 * @return {@code true} for a lead who keeps workers on the roster
	 */
	public boolean mayPledge(Actor actor, Contract contract) {
		return this.rosters.mayEdit(actor, contract);
	}

	private byte[] render(SessionDetail detail) {
		TrainingSession session = detail.session();
		Contract contract = detail.contract();
		String kind = session.getKind().name();
		PdfForm form = PdfForm.titled(message("training.record.title." + kind))
			.line(message("training.record.client"), organisationName(contract.getClientOrganisationId()))
			.line(message("training.record.contractor"), organisationName(contract.getContractorOrganisationId()))
			.line(message("training.record.contract"), contract.getNumber() + " " + contract.getTitle())
			.line(message("training.session.heldOn"), Dates.wareki(session.getHeldOn()))
			.line(message("training.session.trainer." + kind), session.getTrainer())
			.paragraph(message("training.session.content." + kind) + "：\n" + session.getContent());
		if (session.getScenario() != null) {
			form.paragraph(message("training.session.scenario") + "：\n" + session.getScenario());
		}
		if (session.getResult() != null) {
			form.paragraph(message("training.session.result") + "：\n" + session.getResult());
		}
		if (session.getImprovements() != null) {
			form.paragraph(message("training.session.improvements") + "：\n" + session.getImprovements());
		}
		if (session.hasMaterials()) {
			form.line(message("training.session.materials"),
					session.getMaterialsFileName() + " (SHA-256 " + session.getMaterialsSha256() + ")");
		}
		List<List<String>> rows = detail.attendees()
			.stream()
			.map((a) -> List.of(a.member().getName(), a.member().getAffiliation(),
					message("roster.role." + a.member().getRole()), message("training.result." + a.result())))
			.toList();
		form.table(List.of(message("roster.field.name"), message("roster.field.affiliation"),
				message("roster.field.role"), message("training.session.attendeeResult")), new float[] { 3, 3, 2, 2 },
				rows);
		return form.toPdf();
	}

	private Map<UUID, RosterMember> roster(UUID contractId) {
		return this.rosterReads.membersUnscoped(contractId)
			.stream()
			.collect(Collectors.toMap(RosterMember::getId, Function.identity()));
	}

	private static Deliverable deliverableOf(TrainingSession session) {
		return (session.getKind() == SessionKind.DRILL) ? Deliverable.DRILL_RECORD : Deliverable.TRAINING_RECORD;
	}

	private TrainingSession scoped(Actor actor, UUID sessionId) {
		TrainingSession session = this.sessions.findById(sessionId).orElseThrow(() -> new NotFoundProblem(WHAT));
		try {
			this.contracts.get(actor, session.getContractId());
		}
		catch (NotFoundProblem ex) {
			throw new NotFoundProblem(WHAT);
		}
		return session;
	}

	private Contract editable(Actor actor, UUID contractId) {
		Contract contract = this.contracts.get(actor, contractId);
		if (!this.rosters.mayEdit(actor, contract)) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		return contract;
	}

	private String organisationName(UUID id) {
		return this.organisationReads.findUnscoped(id).map(Organisation::getName).orElse("");
	}

	private String message(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, Locale.JAPANESE);
	}

	/**
	 * An uploaded file.
	 *
	 * @param fileName its name
	 * @param contentType its declared type
	 * @param content its content; read to the end, not closed
	 */
	public record Upload(@Nullable String fileName, @Nullable String contentType, InputStream content) {
	}

	/**
	 * A session with what a page shows about it.
	 *
	 * @param session the session
	 * @param contract its contract
	 * @param attendees who was listed, with their result
	 * @param mayRecord the actor is the contractor's lead
	 * @param filings where its record was submitted
	 * @param openObligations the obligations its record may be submitted to, the one due
	 * nearest the day it was held first
	 */
	public record SessionDetail(TrainingSession session, Contract contract, List<AttendeeRow> attendees,
			boolean mayRecord, List<TrainingFiling> filings, List<Obligation> openObligations) {
	}

	/**
	 * One attendee of a session.
	 *
	 * @param member the roster member
	 * @param result how they took part
	 */
	public record AttendeeRow(RosterMember member, AttendanceResult result) {
	}

	/**
	 * One worker's readiness.
	 *
	 * @param member the roster member
	 * @param latestPledge the newest pledge, signed or not, or {@code null}
	 * @param signedPledge the newest signed pledge, or {@code null}
	 * @param lastTrainedOn the day of the latest training the worker took, or
	 * {@code null}
	 * @param readiness pledged and trained
	 */
	public record WorkerRow(RosterMember member, @Nullable Pledge latestPledge, @Nullable Pledge signedPledge,
			@Nullable LocalDate lastTrainedOn, WorkerReadiness.Readiness readiness) {

		/**
		 * Returns whether an unsigned pledge waits for signing.
		 * @return {@code true} when the newest pledge is unsigned
		 */
		public boolean awaitingSignature() {
			return this.latestPledge != null && !this.latestPledge.isSigned();
		}

	}

}
