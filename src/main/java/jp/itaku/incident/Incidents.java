package jp.itaku.incident;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.catalog.Deliverable;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractPart;
import jp.itaku.contract.ContractRoles;
import jp.itaku.contract.ContractStatus;
import jp.itaku.contract.ContractSummary;
import jp.itaku.contract.Contracts;
import jp.itaku.document.Documents;
import jp.itaku.document.UploadedDocument;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationStatus;
import jp.itaku.obligation.ObligationSystemReads;
import jp.itaku.obligation.ObligationTrigger;
import jp.itaku.obligation.Obligations;
import jp.itaku.obligation.ReviewStatus;
import jp.itaku.obligation.Submission;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem.FieldProblem;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.platform.Sha256;
import jp.itaku.platform.database.TransactionLocks;
import jp.itaku.training.SessionKind;
import jp.itaku.training.TrainingSession;
import jp.itaku.training.Trainings;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incidents of the contracts (Setagaya 35–36, Kadoma 12, Nerima 24–25, Gunma 16). Anyone
 * on the contractor's side of a contract (lead or worker) reports; the report raises the
 * event-driven obligations of the contract's profile (INCIDENT, INCIDENT_RISK or TROUBLE,
 * occurrence key {@code INC-<n>}), is rendered as a PDF submitted to the INCIDENT_REPORT
 * ones, and is announced by {@link IncidentEvents.IncidentReported} (the mail to the
 * client's security administrators goes after commit). The client's security
 * administrator acknowledges; the contractor's side adds updates and the cause and
 * prevention; the client instructs, closes and decides on publication; the auditor only
 * reads. Every change and every view of an incident's details is audited; a party not to
 * the contract finds nothing.
 */
@Service
public class Incidents {

	private static final String WHAT = "incident.entity";

	private final IncidentRepository incidents;

	private final IncidentUpdateRepository updates;

	private final Contracts contracts;

	private final Obligations obligations;

	private final ObligationSystemReads obligationReads;

	private final Trainings trainings;

	private final Documents documents;

	private final IncidentReportForm form;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final WorkingCalendar calendar;

	private final Clock clock;

	private final JdbcClient jdbc;

	private final TransactionLocks locks;

	private final Period planReviewEvery;

	Incidents(IncidentRepository incidents, IncidentUpdateRepository updates, Contracts contracts,
			Obligations obligations, Trainings trainings, Documents documents, IncidentReportForm form,
			AuditTrail audit, ApplicationEventPublisher events, WorkingCalendar calendar, Clock clock, JdbcClient jdbc,
			TransactionLocks locks, @Value("${itaku.incidents.plan-review-every:P1Y}") Period planReviewEvery,
			ObligationSystemReads obligationReads) {
		this.incidents = incidents;
		this.updates = updates;
		this.contracts = contracts;
		this.obligations = obligations;
		this.trainings = trainings;
		this.documents = documents;
		this.form = form;
		this.audit = audit;
		this.events = events;
		this.calendar = calendar;
		this.clock = clock;
		this.jdbc = jdbc;
		this.locks = locks;
		this.planReviewEvery = planReviewEvery;
		this.obligationReads = obligationReads;
	}

	/**
	 * Returns whether the actor may report incidents on a contract: a lead or worker of
	 * its contractor or of an approved subcontractor (whose incidents reach the client
	 * and the levels above, Nerima 24②), while the contract is not closed.
	 * @param actor the acting user
	 * @param contract the contract
	 * @return {@code true} when the actor may report
	 */
	public boolean mayReport(Actor actor, Contract contract) {
		return contract.getStatus() != ContractStatus.CLOSED
				&& (contractorSide(actor, contract.getContractorOrganisationId())
						|| (contractorRole(actor) && this.contracts.isParticipant(actor, contract)));
	}

	/**
	 * Lists the contracts on which the actor may report an incident: those it takes part
	 * in as a contractor's or subcontractor's lead or worker, not closed (as
	 * {@link #mayReport}).
	 * @param actor the acting user
	 * @return the contracts, newest first; none for the client's users
	 */
	@Transactional(readOnly = true)
	public List<ContractSummary> reportable(Actor actor) {
		if (!contractorRole(actor)) {
			return List.of();
		}
		return this.contracts.summaries(actor)
			.stream()
			.filter((contract) -> contract.status() != ContractStatus.CLOSED)
			.toList();
	}

	/**
	 * Lists a contract's incidents, latest first, with the emergency response plan's
	 * panel; a subcontractor sees the incidents it (or a level below it) reported, and no
	 * plan, which is the contractor's.
	 * @param actor a party to the contract or an approved subcontractor
	 * @param contractId the contract
	 * @return the list
	 * @throws NotFoundProblem when the actor takes no part in the contract
	 */
	@Transactional(readOnly = true)
	public ContractIncidents list(Actor actor, UUID contractId) {
		ContractPart part = this.contracts.part(actor, contractId);
		Contract contract = part.contract();
		List<Incident> visible = this.incidents.findByContractIdOrderByReportedAtDesc(contractId)
			.stream()
			.filter((i) -> part.sees(i.getReporterOrganisationId()))
			.toList();
		List<Obligation> reports = visible.isEmpty() ? List.of()
				: this.obligationReads.findUnscoped(contractId, Deliverable.INCIDENT_REPORT);
		Map<UUID, ReportDeadline> deadlines = new HashMap<>();
		for (Incident incident : visible) {
			ReportDeadline.of(incident, reports).ifPresent((d) -> deadlines.put(incident.getId(), d));
		}
		return new ContractIncidents(contract, visible, deadlines, mayReport(actor, contract),
				part.whole() ? plan(actor, contract) : null);
	}

	/**
	 * Lists the incidents not yet closed that the actor may see: of the client's
	 * contracts for a client user, of the contractor's for a contractor's user.
	 * @param actor the acting user
	 * @return the incidents, latest first
	 */
	@Transactional(readOnly = true)
	public List<Incident> open(Actor actor) {
		if (actor.is(Role.SYSTEM_ADMIN)) {
			return this.incidents.findByStatusNotOrderByReportedAtDesc(IncidentStatus.CLOSED);
		}
		if (actor.organisationKind() == OrganisationKind.CLIENT) {
			return this.incidents.findByClientOrganisationIdAndStatusNotOrderByReportedAtDesc(actor.organisationId(),
					IncidentStatus.CLOSED);
		}
		List<Incident> open = new ArrayList<>(
				this.incidents.findByContractorOrganisationIdAndStatusNotOrderByReportedAtDesc(actor.organisationId(),
						IncidentStatus.CLOSED));
		// A subcontractor's own reports on contracts it takes part in.
		this.incidents
			.findByReporterOrganisationIdAndStatusNotOrderByReportedAtDesc(actor.organisationId(),
					IncidentStatus.CLOSED)
			.stream()
			.filter((i) -> !actor.organisationId().equals(i.getContractorOrganisationId()))
			.forEach(open::add);
		open.sort(Comparator.comparing(Incident::getReportedAt).reversed());
		return open;
	}

	/**
	 * Returns the incidents of the actor's (client) organisation that no security
	 * administrator has acknowledged yet, for the banner on every page: one indexed
	 * query.
	 * @param actor the acting user, may be {@code null}
	 * @return the incidents' ids and numbers, oldest first; empty for anyone not of a
	 * client
	 */
	@Transactional(readOnly = true)
	public List<Unacknowledged> unacknowledged(Actor actor) {
		if (actor == null || actor.organisationKind() != OrganisationKind.CLIENT) {
			return List.of();
		}
		return this.jdbc.sql("""
				select i.id, i.seq, i.contract_id from incident i
				where i.client_organisation_id = :organisation and i.acknowledged_at is null
				order by i.reported_at
				""")
			.param("organisation", actor.organisationId())
			.query((rs, n) -> new Unacknowledged(rs.getObject(1, UUID.class), "INC-" + rs.getInt(2),
					rs.getObject(3, UUID.class)))
			.list();
	}

	/**
	 * Reports an incident: stores it, raises the obligations its category triggers,
	 * renders the incident report and submits it to the INCIDENT_REPORT obligations, and
	 * announces it (the client's security administrators are mailed after commit).
	 * @param actor a lead or worker of the contract's contractor
	 * @param contractId the contract
	 * @param report what happened
	 * @return the incident
	 * @throws InvalidInputProblem naming every field at fault; nothing is stored then
	 */
	@Transactional
	public Incident report(Actor actor, UUID contractId, IncidentForm report) {
		Contract contract = this.contracts.getAsParticipant(actor, contractId);
		if (!mayReport(actor, contract)) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		List<FieldProblem> problems = report.problems();
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		Instant now = Instant.now(this.clock);
		Instant detectedAt = report.getDetectedAt().atZone(ItakuTime.ZONE).toInstant();
		// Incidents of one contract are numbered one at a time, also across nodes.
		this.locks.lock("incident:" + contractId);
		int seq = this.incidents.lastSeq(contractId) + 1;
		Incident incident = new Incident(contractId, contract.getClientOrganisationId(),
				contract.getContractorOrganisationId(), seq, report, detectedAt, contract.getImmediately(),
				actor.userId(), actor.displayName(), actor.organisationId(), now);
		byte[] pdf = this.form.render(contract, incident);
		String fileName = this.form.fileName(incident);
		UploadedDocument document = this.documents.accept(fileName, "application/pdf", new ByteArrayInputStream(pdf));
		incident.reportFiled(document.key(), document.sha256());
		this.incidents.saveAndFlush(incident);
		this.updates.save(new IncidentUpdate(incident.getId(), IncidentUpdate.Kind.REPORTED, null, actor.userId(),
				actor.displayName(), false, now));
		LocalDate day = ItakuTime.inTokyo(incident.getDetectedAt()).toLocalDate();
		List<Obligation> raised = this.obligations.raise(contractId,
				ObligationTrigger.event(incident.getCategory().trigger(incident.isSuspected())),
				new Obligations.Occurrence(incident.getNumber(), day, this.form.subject(incident),
						"Incident:" + incident.getId()));
		List<UUID> submitted = submitTo(actor, incident, raised, Deliverable.INCIDENT_REPORT,
				this.form.comment(incident), fileName, pdf);
		ReportDeadline deadline = ReportDeadline.of(incident, raised).orElse(null);
		this.audit.record(AuditRecord.of("INCIDENT_REPORTED")
			.actor(actor)
			.target("Incident", incident.getId())
			.detail("contract", contractId)
			.detail("number", incident.getNumber())
			.detail("category", incident.getCategory().name())
			.detail("suspected", incident.isSuspected())
			.detail("detectedAt", incident.getDetectedAt())
			.detail("detectionToReportSeconds", incident.getDetectionToReport().toSeconds())
			.detail("reportDue", (deadline != null) ? deadline.clauseRef() + " " + deadline.dueDate() : null)
			.detail("reportedInTime", (deadline != null) ? deadline.met() : null)
			.detail("sha256", document.sha256())
			.detail("obligations", raised.stream().map(Obligation::getId).toList())
			.detail("submitted", submitted));
		this.events
			.publishEvent(new IncidentEvents.IncidentReported(contractId, incident.getId(), actor.organisationId()));
		return incident;
	}

	/**
	 * Returns an incident with its timeline and what the actor may do; the view is
	 * audited.
	 * @param actor a party to the incident's contract
	 * @param incidentId the incident
	 * @return the detail
	 * @throws NotFoundProblem when the actor is no party to the contract
	 */
	@Transactional
	public Detail detail(Actor actor, UUID incidentId) {
		Incident incident = find(incidentId);
		Contract contract = scoped(actor, incident);
		this.audit.record(AuditRecord.of("INCIDENT_VIEWED")
			.actor(actor)
			.target("Incident", incidentId)
			.detail("contract", incident.getContractId())
			.detail("number", incident.getNumber()));
		return detailOf(actor, incident, contract);
	}

	/**
	 * The client's security administrator acknowledges the report; the banner goes.
	 * @param actor a security administrator of the contract's client
	 * @param incidentId the incident
	 * @return the incident
	 */
	// an acknowledged incident has both its report and acknowledgement instants
	@SuppressWarnings("NullAway")
	@Transactional
	public Incident acknowledge(Actor actor, UUID incidentId) {
		Incident incident = find(incidentId);
		Contract contract = scoped(actor, incident);
		if (!mayAcknowledge(actor, contract)) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		Instant now = Instant.now(this.clock);
		incident.acknowledge(actor.userId(), now);
		timeline(incident, IncidentUpdate.Kind.ACKNOWLEDGED, null, actor, true, now);
		this.audit.record(AuditRecord.of("INCIDENT_ACKNOWLEDGED")
			.actor(actor)
			.target("Incident", incidentId)
			.detail("contract", incident.getContractId())
			.detail("reportToAcknowledgementSeconds", incident.getReportToAcknowledgement().toSeconds())
			.detail("acknowledgedInTime", incident.isAcknowledgedInTime(now)));
		return incident;
	}

	/**
	 * The contractor's side adds an update to the timeline.
	 * @param actor a lead or worker of the contractor
	 * @param incidentId the incident
	 * @param text what is new
	 * @return the line added
	 */
	@Transactional
	public IncidentUpdate addUpdate(Actor actor, UUID incidentId, @Nullable String text) {
		Incident incident = find(incidentId);
		scoped(actor, incident);
		requireContractorSide(actor, incident);
		incident.requireOpen();
		String clean = Incident.text("text", text, IncidentForm.TEXT_MAX);
		IncidentUpdate line = timeline(incident, IncidentUpdate.Kind.UPDATE, clean, actor, false,
				Instant.now(this.clock));
		this.audit.record(AuditRecord.of("INCIDENT_UPDATED")
			.actor(actor)
			.target("Incident", incidentId)
			.detail("contract", incident.getContractId())
			.detail("update", line.getId()));
		return line;
	}

	/**
	 * The client gives an instruction (Setagaya 35, Kadoma 12(1)ア).
	 * @param actor an officer or security administrator of the client
	 * @param incidentId the incident
	 * @param text the instruction
	 * @return the line added
	 */
	@Transactional
	public IncidentUpdate instruct(Actor actor, UUID incidentId, @Nullable String text) {
		Incident incident = find(incidentId);
		Contract contract = scoped(actor, incident);
		requireClientEditor(actor, contract);
		incident.requireOpen();
		String clean = Incident.text("text", text, IncidentForm.TEXT_MAX);
		IncidentUpdate line = timeline(incident, IncidentUpdate.Kind.INSTRUCTION, clean, actor, true,
				Instant.now(this.clock));
		this.audit.record(AuditRecord.of("INCIDENT_INSTRUCTED")
			.actor(actor)
			.target("Incident", incidentId)
			.detail("contract", incident.getContractId())
			.detail("update", line.getId()));
		return line;
	}

	/**
	 * The contractor's side records the cause and the recurrence prevention (Nerima
	 * 24⑵⑶); the written recurrence prevention report is submitted to the
	 * RECURRENCE_PREVENTION_REPORT obligations raised for the incident, if any.
	 * @param actor a lead or worker of the contractor
	 * @param incidentId the incident
	 * @param cause the cause
	 * @param prevention the measures
	 * @return the incident
	 */
	@Transactional
	public Incident recordCause(Actor actor, UUID incidentId, @Nullable String cause, @Nullable String prevention) {
		Incident incident = find(incidentId);
		Contract contract = scoped(actor, incident);
		requireContractorSide(actor, incident);
		Instant now = Instant.now(this.clock);
		incident.recordCause(cause, prevention, now);
		timeline(incident, IncidentUpdate.Kind.CAUSE, incident.getCause() + "\n" + incident.getPrevention(), actor,
				false, now);
		List<Obligation> due = this.obligationReads.findUnscoped(incident.getContractId(),
				Deliverable.RECURRENCE_PREVENTION_REPORT, incident.getNumber());
		List<UUID> submitted = List.of();
		String sha256 = "";
		if (!due.isEmpty()) {
			byte[] pdf = this.form.renderPrevention(contract, incident);
			sha256 = Sha256.of(pdf);
			submitted = submitTo(actor, incident, due, Deliverable.RECURRENCE_PREVENTION_REPORT,
					this.form.preventionComment(incident), this.form.preventionFileName(incident), pdf);
		}
		this.audit.record(AuditRecord.of("INCIDENT_CAUSE_RECORDED")
			.actor(actor)
			.target("Incident", incidentId)
			.detail("contract", incident.getContractId())
			.detail("sha256", sha256)
			.detail("submitted", submitted));
		return incident;
	}

	/**
	 * The client closes the incident.
	 * @param actor an officer or security administrator of the client
	 * @param incidentId the incident
	 * @param note why (optional)
	 * @return the incident
	 */
	@Transactional
	public Incident close(Actor actor, UUID incidentId, @Nullable String note) {
		Incident incident = find(incidentId);
		Contract contract = scoped(actor, incident);
		requireClientEditor(actor, contract);
		Instant now = Instant.now(this.clock);
		incident.close(actor.userId(), note, now);
		timeline(incident, IncidentUpdate.Kind.CLOSED, incident.getClosingNote(), actor, true, now);
		this.audit.record(AuditRecord.of("INCIDENT_CLOSED")
			.actor(actor)
			.target("Incident", incidentId)
			.detail("contract", incident.getContractId()));
		return incident;
	}

	/**
	 * The client decides whether to publish the incident, naming the contractor (Nerima
	 * 25, Gunma 16③, Kadoma 12(1)ウ).
	 * @param actor an officer or security administrator of the client
	 * @param incidentId the incident
	 * @param decision publish or not
	 * @param reason why
	 * @return the incident
	 */
	// Incident.decidePublication has refused a missing decision before it is audited here
	@SuppressWarnings("NullAway")
	@Transactional
	public Incident decidePublication(Actor actor, UUID incidentId, @Nullable Publication decision,
			@Nullable String reason) {
		Incident incident = find(incidentId);
		Contract contract = scoped(actor, incident);
		requireClientEditor(actor, contract);
		Instant now = Instant.now(this.clock);
		incident.decidePublication(decision, reason, actor.userId(), now);
		timeline(incident, IncidentUpdate.Kind.PUBLICATION, incident.getPublicationReason(), actor, true, now);
		this.audit.record(AuditRecord.of("INCIDENT_PUBLICATION_DECIDED")
			.actor(actor)
			.target("Incident", incidentId)
			.detail("contract", incident.getContractId())
			.detail("publication", decision.name()));
		return incident;
	}

	/**
	 * Opens the incident report PDF; the download is audited.
	 * @param actor a party to the contract
	 * @param incidentId the incident
	 * @return the report; the caller closes the stream
	 */
	@Transactional
	public OpenedReport openReport(Actor actor, UUID incidentId) {
		Incident incident = find(incidentId);
		scoped(actor, incident);
		this.audit.record(AuditRecord.of("INCIDENT_REPORT_VIEWED")
			.actor(actor)
			.target("Incident", incidentId)
			.detail("number", incident.getNumber())
			.detail("sha256", incident.getReportSha256()));
		return new OpenedReport(this.form.fileName(incident), this.documents.open(incident.getReportDocumentKey()));
	}

	/**
	 * Returns when an incident's report was due by the term of the clause that applies,
	 * for a caller that already holds the incident in the actor's scope.
	 * @param incident the incident
	 * @return the deadline of its report; empty when the contract's profile asks for no
	 * report of it
	 */
	@Transactional(readOnly = true)
	public Optional<ReportDeadline> reportDeadline(Incident incident) {
		return ReportDeadline.of(incident,
				this.obligationReads.findUnscoped(incident.getContractId(), Deliverable.INCIDENT_REPORT));
	}

	/**
	 * Returns an incident without scoping or audit, for this module's mail.
	 * @param incidentId the incident
	 * @return the incident, if it exists
	 */
	@Transactional(readOnly = true)
	Optional<Incident> findUnscoped(UUID incidentId) {
		return this.incidents.findById(incidentId);
	}

	/**
	 * Returns the emergency response plan's panel of a contract (Kadoma 12(1)イ, Nerima
	 * 24③): the state of its EMERGENCY_RESPONSE_PLAN obligations, the day the plan was
	 * last accepted and the next periodic review, and the drills recorded.
	 * @param actor a party to the contract
	 * @param contract the contract (scoped by the caller)
	 * @return the panel
	 */
	PlanPanel plan(Actor actor, Contract contract) {
		List<Obligation> plans = this.obligations.forContract(actor, contract.getId())
			.stream()
			.filter((o) -> o.getDeliverable() == Deliverable.EMERGENCY_RESPONSE_PLAN)
			.toList();
		LocalDate today = this.calendar.today();
		List<PlanObligation> rows = new ArrayList<>();
		Instant lastAccepted = null;
		for (Obligation plan : plans) {
			rows.add(new PlanObligation(plan, plan.effectiveStatus(today)));
			for (Submission submission : this.obligations.detail(actor, plan.getId()).submissions()) {
				if (submission.getReviewStatus() == ReviewStatus.ACCEPTED && submission.getReviewedAt() != null
						&& (lastAccepted == null || submission.getReviewedAt().isAfter(lastAccepted))) {
					lastAccepted = submission.getReviewedAt();
				}
			}
		}
		LocalDate acceptedOn = (lastAccepted != null) ? ItakuTime.inTokyo(lastAccepted).toLocalDate() : null;
		LocalDate nextReview = (acceptedOn != null) ? acceptedOn.plus(this.planReviewEvery) : null;
		List<TrainingSession> drills = this.trainings.sessions(actor, contract.getId())
			.stream()
			.filter((s) -> s.getKind() == SessionKind.DRILL)
			.toList();
		return new PlanPanel(!plans.isEmpty(), rows, acceptedOn, nextReview,
				nextReview != null && !nextReview.isAfter(today), this.planReviewEvery, drills);
	}

	private List<UUID> submitTo(Actor actor, Incident incident, List<Obligation> obligations, Deliverable deliverable,
			String comment, String fileName, byte[] pdf) {
		boolean subcontractor = !actor.organisationId().equals(incident.getContractorOrganisationId());
		List<UUID> submitted = new ArrayList<>();
		for (Obligation obligation : obligations) {
			if (obligation.getDeliverable() != deliverable || !obligation.awaitsSubmission()) {
				continue;
			}
			List<Obligations.Upload> uploads = List
				.of(new Obligations.Upload(fileName, "application/pdf", new ByteArrayResource(pdf)));
			if (subcontractor) {
				this.obligations.submitFromPart(actor, obligation.getId(), "Incident:" + incident.getId(), uploads,
						comment);
			}
			else {
				this.obligations.submit(actor, obligation.getId(), comment, uploads);
			}
			submitted.add(obligation.getId());
		}
		return submitted;
	}

	private Detail detailOf(Actor actor, Incident incident, Contract contract) {
		boolean contractor = contractorSide(actor, incident);
		boolean client = ContractRoles.editsForClient(actor, contract);
		boolean open = incident.getStatus() != IncidentStatus.CLOSED;
		// The obligations are the parties'; a subcontractor sees its report, not them.
		List<Obligation> raised = !ContractRoles.isParty(actor, contract) ? List.of() : this.obligations
			.forContract(actor, contract.getId())
			.stream()
			.filter((o) -> incident.getNumber().equals(o.getPeriodKey()) && o.getOrigin() == Obligation.Origin.RAISED)
			.toList();
		return new Detail(incident, contract, this.updates.findByIncidentIdOrderByOccurredAtAsc(incident.getId()),
				raised, reportDeadline(incident).orElse(null),
				mayAcknowledge(actor, contract) && incident.getStatus() == IncidentStatus.REPORTED, contractor && open,
				client && open,
				client && open && incident.getStatus() == IncidentStatus.ACKNOWLEDGED
						&& incident.getPrevention() != null,
				client && incident.getStatus() != IncidentStatus.REPORTED && incident.getPublication() == null,
				incident.isAcknowledgedInTime(Instant.now(this.clock)));
	}

	private IncidentUpdate timeline(Incident incident, IncidentUpdate.Kind kind, @Nullable String text, Actor actor,
			boolean clientSide, Instant now) {
		return this.updates.save(
				new IncidentUpdate(incident.getId(), kind, text, actor.userId(), actor.displayName(), clientSide, now));
	}

	/**
	 * Returns the reported incidents that wait for the actor's acknowledgement: those not
	 * acknowledged yet on the contracts whose client's security the actor administers,
	 * oldest first.
	 * @param actor the acting user
	 * @return the incidents with their contracts; empty for anyone who acknowledges none
	 */
	@Transactional(readOnly = true)
	public List<Awaiting> awaitingAcknowledgement(Actor actor) {
		List<Unacknowledged> open = unacknowledged(actor);
		if (open.isEmpty()) {
			return List.of();
		}
		Map<UUID, Contract> mine = this.contracts.listWhere(actor, (c) -> mayAcknowledge(actor, c));
		return open.stream()
			.flatMap((u) -> Optional.ofNullable(mine.get(u.contractId())).map((c) -> new Awaiting(c, u)).stream())
			.toList();
	}

	/**
	 * Counts the incidents {@link #awaitingAcknowledgement} lists, in the database.
	 * @param actor the acting user
	 * @return {@code awaitingAcknowledgement(actor).size()}
	 */
	@Transactional(readOnly = true)
	public int countAwaitingAcknowledgement(Actor actor) {
		return this.contracts.countActingForClient(actor, Set.of(Role.CLIENT_SECURITY_ADMIN), "incident",
				"x.acknowledged_at is null and x.client_organisation_id = c.client_organisation_id");
	}

	/**
	 * An incident awaiting acknowledgement, with its contract.
	 *
	 * @param contract the contract
	 * @param incident the incident's id and number
	 */
	public record Awaiting(Contract contract, Unacknowledged incident) {
	}

	private boolean mayAcknowledge(Actor actor, Contract contract) {
		return ContractRoles.administersSecurityForClient(actor, contract);
	}

	private static boolean contractorRole(Actor actor) {
		return (actor.is(Role.CONTRACTOR_LEAD) || actor.is(Role.CONTRACTOR_WORKER))
				&& actor.organisationKind() != OrganisationKind.CLIENT;
	}

	private static boolean contractorSide(Actor actor, UUID contractorOrganisationId) {
		return contractorRole(actor) && Objects.equals(contractorOrganisationId, actor.organisationId());
	}

	/**
	 * The contractor, and the subcontractor that reported the incident, keep its record
	 * (updates, cause and prevention).
	 */
	private static boolean contractorSide(Actor actor, Incident incident) {
		return contractorSide(actor, incident.getContractorOrganisationId())
				|| contractorSide(actor, incident.getReporterOrganisationId());
	}

	private void requireContractorSide(Actor actor, Incident incident) {
		if (!contractorSide(actor, incident)) {
			throw new AccessDeniedProblem("error.forbidden");
		}
	}

	private void requireClientEditor(Actor actor, Contract contract) {
		if (!ContractRoles.editsForClient(actor, contract)) {
			throw new AccessDeniedProblem("error.forbidden");
		}
	}

	private Incident find(UUID incidentId) {
		return this.incidents.findById(incidentId).orElseThrow(() -> new NotFoundProblem(WHAT));
	}

	private Contract scoped(Actor actor, Incident incident) {
		return this.contracts.getForRecord(actor, incident.getContractId(), incident.getReporterOrganisationId(), WHAT);
	}

	/**
	 * A contract's incidents.
	 *
	 * @param contract the contract
	 * @param incidents its incidents, latest first
	 * @param deadlines when each incident's report was due by its clause's term, by
	 * incident id; none for an incident the profile asks no report of
	 * @param mayReport whether the actor may report one
	 * @param plan the emergency response plan's panel; {@code null} for a subcontractor
	 */
	public record ContractIncidents(Contract contract, List<Incident> incidents, Map<UUID, ReportDeadline> deadlines,
			boolean mayReport, @Nullable PlanPanel plan) {
	}

	/**
	 * An incident with its timeline and what the reader may do.
	 *
	 * @param incident the incident
	 * @param contract its contract
	 * @param timeline the lines, oldest first
	 * @param obligations the obligations it raised
	 * @param reportDeadline when its report was due by the term of the clause that
	 * applies, or {@code null} when the profile asks for no report of it
	 * @param mayAcknowledge whether the reader may acknowledge it
	 * @param mayUpdate whether the reader may add updates and the cause (contractor's
	 * side)
	 * @param mayInstruct whether the reader may instruct (client)
	 * @param mayClose whether the reader may close it now
	 * @param mayDecidePublication whether the reader may decide on publication now
	 * @param acknowledgedInTime whether the acknowledgement came (or may still come)
	 * within the contract's "immediately"
	 */
	public record Detail(Incident incident, Contract contract, List<IncidentUpdate> timeline,
			List<Obligation> obligations, @Nullable ReportDeadline reportDeadline, boolean mayAcknowledge,
			boolean mayUpdate, boolean mayInstruct, boolean mayClose, boolean mayDecidePublication,
			boolean acknowledgedInTime) {
	}

	/**
	 * An incident no security administrator has acknowledged yet.
	 *
	 * @param id the incident
	 * @param number its number
	 * @param contractId its contract
	 */
	public record Unacknowledged(UUID id, String number, UUID contractId) {
	}

	/**
	 * The emergency response plan's panel (Kadoma 12(1)イ, Nerima 24③).
	 *
	 * @param required whether the contract's clauses ask for a written plan
	 * @param obligations its EMERGENCY_RESPONSE_PLAN obligations with their state today
	 * @param lastAcceptedOn the day the plan was last accepted, or {@code null}
	 * @param nextReviewOn the day the plan is next due for review, or {@code null}
	 * @param reviewDue whether that day has come
	 * @param reviewEvery the review period
	 * @param drills the drills recorded, latest first
	 */
	public record PlanPanel(boolean required, List<PlanObligation> obligations, @Nullable LocalDate lastAcceptedOn,
			@Nullable LocalDate nextReviewOn, boolean reviewDue, Period reviewEvery, List<TrainingSession> drills) {
	}

	/**
	 * A plan obligation with its state today.
	 *
	 * @param obligation the obligation
	 * @param status its effective status
	 */
	public record PlanObligation(Obligation obligation, ObligationStatus status) {
	}

	/**
	 * An incident report opened for reading.
	 *
	 * @param fileName its file name
	 * @param content the PDF; the caller closes it
	 */
	public record OpenedReport(String fileName, InputStream content) {
	}

}
