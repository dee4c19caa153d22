package jp.itaku.obligation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.calendar.DeadlineKind;
import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.catalog.ChangeSubject;
import jp.itaku.catalog.ClauseCatalog;
import jp.itaku.catalog.Deliverable;
import jp.itaku.catalog.ProfileDefinition.ClauseDefinition;
import jp.itaku.catalog.ProfileDefinition;
import jp.itaku.catalog.StoredProfile;
import jp.itaku.catalog.TriggerType;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractClosingCheck;
import jp.itaku.contract.ContractPart;
import jp.itaku.contract.ContractEvents.ContractRegistered;
import jp.itaku.contract.ContractEvents.ContractScopeChanged;
import jp.itaku.contract.ContractRoles;
import jp.itaku.contract.ContractStatus;
import jp.itaku.contract.ContractSystemReads;
import jp.itaku.contract.Contracts;
import jp.itaku.document.Documents;
import jp.itaku.document.UploadedDocument;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The obligations of contracts: planned from the clause profile when a contract is
 * registered and again when its scope changes (keeping history and evidence), met by
 * submissions the contractor makes and the client reviews. Every read goes through the
 * contract, so it is scoped exactly as contracts are; every change is audited and kept in
 * the obligation's history.
 */
@Service
public class Obligations implements ContractClosingCheck {

	private static final String WHAT = "obligation.entity";

	private final ObligationRepository obligations;

	private final ObligationSystemReads reads;

	private final SubmissionRepository submissions;

	private final SubmissionFileRepository files;

	private final ObligationEventRepository history;

	private final Contracts contracts;

	private final ContractSystemReads contractReads;

	private final ClauseCatalog catalog;

	private final WorkingCalendar calendar;

	private final Documents documents;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Obligations(ObligationRepository obligations, SubmissionRepository submissions, SubmissionFileRepository files,
			ObligationEventRepository history, Contracts contracts, ClauseCatalog catalog, WorkingCalendar calendar,
			Documents documents, AuditTrail audit, ApplicationEventPublisher events, Clock clock,
			ContractSystemReads contractReads, ObligationSystemReads reads) {
		this.reads = reads;
		this.contractReads = contractReads;
		this.obligations = obligations;
		this.submissions = submissions;
		this.files = files;
		this.history = history;
		this.contracts = contracts;
		this.catalog = catalog;
		this.calendar = calendar;
		this.documents = documents;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@EventListener
	void on(ContractRegistered event) {
		plan(event.contractId());
	}

	@EventListener
	void on(ContractScopeChanged event) {
		plan(event.contractId());
	}

	/**
	 * Plans (again) the obligations of a contract: new ones are created, ones that no
	 * longer apply are withdrawn unless evidence was already given, withdrawn ones that
	 * apply again reopen, and open ones move with their due date.
	 * @param contractId the contract
	 */
	@Transactional
	public void plan(UUID contractId) {
		Contract contract = this.contractReads.findUnscoped(contractId)
			.orElseThrow(() -> new NotFoundProblem("contract.entity"));
		StoredProfile profile = this.catalog.get(contract.getProfileId());
		List<PlannedObligation> planned = ObligationPlanner.plan(
				new ObligationPlanner.Terms(contract.getPeriodStart(), contract.getPeriodEnd(),
						contract.getAttributes(), contract::duration, contract.getReportingInterval()),
				profile.definition(), this.calendar::dueDate);
		Map<String, Obligation> existing = this.obligations.findByContractIdOrderByDueDateAscClauseRefAsc(contractId)
			.stream()
			.filter((o) -> o.getOrigin() == Obligation.Origin.PLANNED)
			.collect(Collectors.toMap((o) -> o.getRequirementKey() + "@" + o.getPeriodKey(), Function.identity()));
		Instant now = Instant.now(this.clock);
		int created = 0;
		int withdrawn = 0;
		for (PlannedObligation plan : planned) {
			Obligation obligation = existing.remove(plan.requirementKey() + "@" + plan.periodKey());
			if (obligation == null) {
				obligation = this.obligations.save(new Obligation(contractId, plan, now));
				record(obligation, null, "PLANNED", null, now);
				created++;
			}
			else {
				String change = obligation.replan(plan, now);
				if (change != null) {
					record(obligation, null, change, null, now);
				}
			}
		}
		for (Obligation gone : existing.values()) {
			if (gone.noLongerApplies(now)) {
				record(gone, null, "WITHDRAWN", null, now);
				withdrawn++;
			}
			else if (gone.getStatus() != ObligationStatus.NOT_APPLICABLE) {
				record(gone, null, "OUT_OF_SCOPE_KEPT", null, now);
			}
		}
		this.audit.record(AuditRecord.of("OBLIGATIONS_PLANNED")
			.target("Contract", contractId)
			.detail("planned", planned.size())
			.detail("created", created)
			.detail("withdrawn", withdrawn));
	}

	/**
	 * Raises the obligations an event or a change creates on a contract, for the module
	 * that owns the event: the requirements of the contract's profile on that trigger
	 * that apply to its scope. Raising the same occurrence again returns the obligations
	 * already raised; nothing is raised on a contract that is closed, except what the
	 * client requests while its post-contract rights run (Kadoma 11(4),
	 * {@link ContractRoles#clientRightsRun}).
	 * @param contractId the contract
	 * @param trigger what happened
	 * @param occurrence which occurrence, when, about what and from which record
	 * @return the obligations raised (or raised before for this occurrence); empty when
	 * the profile asks for nothing on this trigger
	 */
	@Transactional
	public List<Obligation> raise(UUID contractId, ObligationTrigger trigger, Occurrence occurrence) {
		return raise(contractId, trigger, occurrence, (requirement) -> true);
	}

	/**
	 * Raises, like {@link #raise(UUID, ObligationTrigger, Occurrence)}, only the
	 * obligations met by one deliverable: for a trigger such as the client's request
	 * ({@code ON_REQUEST}) that several requirements share although the client asked for
	 * one thing.
	 * @param contractId the contract
	 * @param trigger what happened
	 * @param occurrence which occurrence
	 * @param deliverable the deliverable asked for
	 * @return the obligations raised (or raised before for this occurrence)
	 */
	@Transactional
	public List<Obligation> raise(UUID contractId, ObligationTrigger trigger, Occurrence occurrence,
			Deliverable deliverable) {
		return raise(contractId, trigger, occurrence, (requirement) -> requirement.deliverable() == deliverable);
	}

	/**
	 * Raises the obligations of the requirements on a trigger that also apply to what the
	 * occurrence concerns, e.g. an asset's kind and the information it holds.
	 * @param contractId the contract
	 * @param trigger what happened
	 * @param occurrence when, and which occurrence
	 * @param concerns whether a requirement applies to what the occurrence concerns
	 * @return the obligations raised or found, in clause order
	 */
	@Transactional
	public List<Obligation> raise(UUID contractId, ObligationTrigger trigger, Occurrence occurrence,
			Predicate<ProfileDefinition.RequirementDefinition> concerns) {
		Contract contract = this.contractReads.findUnscoped(contractId)
			.orElseThrow(() -> new NotFoundProblem("contract.entity"));
		if (contract.getStatus() == ContractStatus.CLOSED && !(trigger.type() == TriggerType.ON_REQUEST
				&& ContractRoles.clientRightsRun(contract, this.calendar.today()))) {
			return List.of();
		}
		StoredProfile profile = this.catalog.get(contract.getProfileId());
		List<PlannedObligation> planned = ObligationPlanner.raise(
				new ObligationPlanner.Terms(contract.getPeriodStart(), contract.getPeriodEnd(),
						contract.getAttributes(), contract::duration, contract.getReportingInterval()),
				profile.definition(), trigger, occurrence.occurredOn(), occurrence.key(), this.calendar::dueDate,
				concerns);
		Map<String, Obligation> existing = this.obligations.findByContractIdOrderByDueDateAscClauseRefAsc(contractId)
			.stream()
			.filter((o) -> o.getOrigin() == Obligation.Origin.RAISED)
			.collect(Collectors.toMap((o) -> o.getRequirementKey() + "@" + o.getPeriodKey(), Function.identity()));
		Instant now = Instant.now(this.clock);
		List<Obligation> raised = new ArrayList<>();
		for (PlannedObligation plan : planned) {
			Obligation obligation = existing.get(plan.requirementKey() + "@" + plan.periodKey());
			if (obligation == null) {
				obligation = Obligation.raised(contractId, plan, occurrence.occurredOn(), occurrence.subject(),
						occurrence.source(), now);
				if (occurrence.dueOn() != null) {
					obligation.dueBy(occurrence.dueOn());
				}
				Owing owing = occurrence.owing();
				if (owing != null) {
					obligation.owedBy(owing.organisationId(), owing.level());
				}
				obligation = this.obligations.save(obligation);
				record(obligation, null, "RAISED", occurrence.subject(), now);
				AuditRecord entry = AuditRecord.of("OBLIGATION_RAISED")
					.target("Obligation", obligation.getId())
					.detail("contract", contractId)
					.detail("clause", plan.clauseRef())
					.detail("trigger", trigger.toString())
					.detail("source", occurrence.source())
					.detail("due", obligation.getDueDate());
				if (owing != null) {
					entry.detail("owedBy", owing.organisationId()).detail("owedLevel", owing.level());
				}
				this.audit.record(entry);
			}
			raised.add(obligation);
		}
		return raised;
	}

	/**
	 * Dates the occurrences of one periodic duty as the contract's implementation plan
	 * (実施計画) states them: one obligation per planned day, due on that day, with the
	 * requirement's deliverable (a generic implementation record when the requirement
	 * names none). A day the plan no longer names is withdrawn only while it is to come
	 * and nothing was submitted for it; past, submitted, returned, met and waived
	 * occurrences are kept, so a lapse stays overdue. A withdrawn day named again
	 * reopens. Nothing is dated on a closed contract.
	 * @param contractId the contract
	 * @param requirementKey the duty: its clause reference and position, e.g.
	 * {@code 16#1}
	 * @param days the planned days, each within the contract period
	 * @param interval the plan's interval (e.g. {@code P6M}) for the period's label, or
	 * {@code null} for a list of days
	 * @param source the plan, e.g. {@code ImplementationPlan:<id>}
	 * @return what changed
	 * @throws IllegalArgumentException when the profile has no such requirement
	 */
	@Transactional
	public Scheduled schedule(UUID contractId, String requirementKey, List<LocalDate> days, @Nullable String interval,
			String source) {
		Contract contract = this.contractReads.findUnscoped(contractId)
			.orElseThrow(() -> new NotFoundProblem("contract.entity"));
		if (contract.getStatus() == ContractStatus.CLOSED) {
			return new Scheduled(0, 0, 0);
		}
		ProfileDefinition definition = this.catalog.get(contract.getProfileId()).definition();
		ClauseDefinition clause = null;
		ProfileDefinition.RequirementDefinition requirement = null;
		for (ClauseDefinition candidate : definition.clauses()) {
			for (int i = 0; i < candidate.requirements().size(); i++) {
				if ((candidate.ref() + "#" + (i + 1)).equals(requirementKey)) {
					clause = candidate;
					requirement = candidate.requirements().get(i);
				}
			}
		}
		if (clause == null || requirement == null) {
			throw new IllegalArgumentException("no requirement " + requirementKey);
		}
		Deliverable deliverable = (requirement.deliverable() != null) ? requirement.deliverable()
				: Deliverable.IMPLEMENTATION_RECORD;
		String subject = (interval != null) ? interval : "";
		Map<String, Obligation> existing = this.obligations.findByContractIdOrderByDueDateAscClauseRefAsc(contractId)
			.stream()
			.filter((o) -> o.getOrigin() == Obligation.Origin.SCHEDULED && o.getRequirementKey().equals(requirementKey))
			.collect(Collectors.toMap(Obligation::getPeriodKey, Function.identity()));
		Instant now = Instant.now(this.clock);
		LocalDate today = this.calendar.today();
		int created = 0;
		int withdrawn = 0;
		int reopened = 0;
		Set<String> wanted = new LinkedHashSet<>();
		for (LocalDate day : days.stream().distinct().sorted().toList()) {
			String periodKey = "PLAN-" + day;
			wanted.add(periodKey);
			Obligation obligation = existing.get(periodKey);
			if (obligation == null) {
				obligation = this.obligations.save(Obligation.scheduled(contractId,
						new PlannedObligation(requirementKey, clause.ref(), clause.category(), requirement.kind(),
								deliverable, requirement.summary(), requirement.summaryEn(), periodKey, day,
								DeadlineKind.CALENDAR_FIXED, null, null),
						subject, source, now));
				record(obligation, null, "SCHEDULED", null, now);
				created++;
			}
			else if (obligation.rescheduled(subject, now)) {
				record(obligation, null, "REOPENED", null, now);
				reopened++;
			}
		}
		for (Obligation obligation : existing.values()) {
			if (!wanted.contains(obligation.getPeriodKey()) && obligation.unscheduled(today, now)) {
				record(obligation, null, "UNSCHEDULED", null, now);
				withdrawn++;
			}
		}
		if (created + reopened + withdrawn == 0) {
			return new Scheduled(0, 0, wanted.size());
		}
		this.audit.record(AuditRecord.of("OBLIGATIONS_SCHEDULED")
			.target("Contract", contractId)
			.detail("requirement", requirementKey)
			.detail("source", source)
			.detail("days", days.size())
			.detail("created", created)
			.detail("reopened", reopened)
			.detail("withdrawn", withdrawn));
		return new Scheduled(created + reopened, withdrawn, wanted.size());
	}

	/**
	 * What a change of an implementation plan did to a duty's occurrences.
	 *
	 * @param dated how many occurrences were created or reopened
	 * @param withdrawn how many future, unmet occurrences were withdrawn
	 * @param planned how many days the plan now names
	 */
	public record Scheduled(int dated, int withdrawn, int planned) {
	}

	/**
	 * Lists a contract's obligations the actor may see, withdrawn ones excluded.
	 * @param actor the acting user
	 * @param contractId the contract
	 * @return its obligations by due date
	 */
	@Transactional(readOnly = true)
	public List<Obligation> forContract(Actor actor, UUID contractId) {
		this.contracts.get(actor, contractId);
		return this.obligations.findByContractIdOrderByDueDateAscClauseRefAsc(contractId)
			.stream()
			.filter((o) -> o.getStatus() != ObligationStatus.NOT_APPLICABLE)
			.toList();
	}

	/**
	 * Lists the obligations of a contract in the actor's part of it: for a party, every
	 * obligation, as {@link #forContract}; for an approved subcontractor, only those owed
	 * by it or by the subcontractors below it (the client asked their level of the
	 * chain), read by a query on the owing organisations — never the contractor's.
	 * @param actor the acting user
	 * @param contractId the contract
	 * @return the obligations by due date, withdrawn ones excluded
	 * @throws NotFoundProblem when the actor's organisation takes no part in the contract
	 */
	@Transactional(readOnly = true)
	public List<Obligation> forPart(Actor actor, UUID contractId) {
		ContractPart part = this.contracts.part(actor, contractId);
		if (!part.subcontractor()) {
			return forContract(actor, contractId);
		}
		return this.obligations
			.findByContractIdAndOwedByInOrderByDueDateAscClauseRefAsc(contractId, part.organisations())
			.stream()
			.filter((o) -> o.getStatus() != ObligationStatus.NOT_APPLICABLE)
			.toList();
	}

	/**
	 * Returns the names of the approved subcontractors that owe some of a contract's
	 * obligations, for the pages that say who owes what.
	 * @param actor a participant of the contract
	 * @param contract the contract
	 * @param shown the obligations shown
	 * @return names by organisation id; empty when the contractor owes them all
	 */
	@Transactional(readOnly = true)
	public Map<UUID, String> owingNames(Actor actor, Contract contract, Collection<Obligation> shown) {
		Set<UUID> owing = shown.stream()
			.map(Obligation::getOwedBy)
			.filter(Objects::nonNull)
			.map(Objects::requireNonNull)
			.collect(Collectors.toSet());
		return owing.isEmpty() ? Map.of() : this.contracts.participantNames(actor, contract, owing);
	}

	/**
	 * Returns an obligation with everything a reader needs: contract, clause text,
	 * submissions with their files, and history.
	 * @param actor the acting user
	 * @param id the obligation
	 * @return the detail
	 * @throws NotFoundProblem when not visible
	 */
	@Transactional(readOnly = true)
	public ObligationDetail detail(Actor actor, UUID id) {
		Obligation obligation = this.obligations.findById(id).orElseThrow(() -> new NotFoundProblem(WHAT));
		Contract contract = readable(actor, obligation);
		StoredProfile profile = this.catalog.get(contract.getProfileId());
		ClauseDefinition clause = profile.definition()
			.clauses()
			.stream()
			.filter((c) -> c.ref().equals(obligation.getClauseRef()))
			.findFirst()
			.orElse(null);
		List<Submission> submitted = this.submissions.findByObligationIdOrderByNumberDesc(id);
		Map<UUID, List<SubmissionFile>> filesBySubmission = this.files
			.ofSubmissions(submitted.stream().map(Submission::getId).toArray(UUID[]::new))
			.stream()
			.collect(Collectors.groupingBy(SubmissionFile::getSubmissionId));
		UUID owedBy = obligation.getOwedBy();
		return new ObligationDetail(obligation, contract, profile, clause, submitted, filesBySubmission,
				this.history.findByObligationIdOrderByOccurredAtAsc(id),
				obligation.effectiveStatus(this.calendar.today()), maySubmit(actor, contract, obligation),
				mayAct(actor, contract, false),
				(owedBy != null) ? owingNames(actor, contract, List.of(obligation)).get(owedBy) : null);
	}

	/**
	 * Submits documents for an obligation.
	 * @param actor a lead or worker of the contractor
	 * @param id the obligation
	 * @param comment the contractor's comment
	 * @param uploads the files, at least one
	 * @return the submission
	 * @throws InvalidInputProblem when no file is given, a file is refused, or the
	 * obligation is not open for a submission
	 */
	@Transactional
	public Submission submit(Actor actor, UUID id, String comment, List<Upload> uploads) {
		// Locked: of two submissions at once, the second waits for the first and then
		// finds the obligation submitted (409) instead of taking the same number.
		Obligation obligation = this.obligations.findForSubmission(id).orElseThrow(() -> new NotFoundProblem(WHAT));
		Contract contract = readable(actor, obligation);
		if (!maySubmit(actor, contract, obligation)) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		return store(actor, obligation, contract, comment, uploads, null);
	}

	/**
	 * Submits one document to several obligations at once (a roster change notice that is
	 * also the responsible-persons notice): each obligation gets its submission, and the
	 * submissions are bundled, so that the client's one accept or return decides all of
	 * them ({@link #review}). The actor's rights are checked per obligation as by
	 * {@link #submit}.
	 * @param actor a lead or worker of the contractor
	 * @param ids the obligations, each awaiting a submission
	 * @param comment the contractor's comment
	 * @param uploads the files, at least one
	 * @return the submissions, one per obligation
	 */
	@Transactional
	public List<Submission> submitTogether(Actor actor, List<UUID> ids, String comment, List<Upload> uploads) {
		if (ids.size() == 1) {
			return List.of(submit(actor, ids.get(0), comment, uploads));
		}
		UUID bundle = UUID.randomUUID();
		List<Submission> submitted = new ArrayList<>();
		for (UUID id : ids) {
			Obligation obligation = this.obligations.findForSubmission(id).orElseThrow(() -> new NotFoundProblem(WHAT));
			Contract contract = readable(actor, obligation);
			if (!maySubmit(actor, contract, obligation)) {
				throw new AccessDeniedProblem("error.forbidden");
			}
			submitted.add(store(actor, obligation, contract, comment, uploads, bundle));
		}
		return submitted;
	}

	/**
	 * Submits, for an approved subcontractor, the written record a module generated from
	 * the subcontractor's own record to an obligation that very record raised — its
	 * incident report, for instance, reaches the client as the contractor's would (Nerima
	 * 24②). The subcontractor's user is recorded as the submitter. A subcontractor
	 * submits nothing else: the contract's other obligations stay the contractor's.
	 * @param actor a lead or worker of an approved subcontractor
	 * @param id the obligation
	 * @param source the record that raised it, e.g. {@code Incident:<id>}
	 * @param comment the comment
	 * @param uploads the files, at least one
	 * @return the submission
	 * @throws AccessDeniedProblem when the actor is no subcontractor's lead or worker on
	 * the contract or the obligation was not raised by that record
	 */
	@Transactional
	public Submission submitFromPart(Actor actor, UUID id, String source, List<Upload> uploads, String comment) {
		return fromPart(actor, id, source, uploads, comment, null);
	}

	/**
	 * Submits, for an approved subcontractor, one document its own record generated to
	 * several obligations that very record raised, bundled as {@link #submitTogether}
	 * bundles them: the client's one accept or return decides all of them. Each
	 * obligation is checked as by {@link #submitFromPart}.
	 * @param actor a lead or worker of an approved subcontractor
	 * @param ids the obligations, each awaiting a submission
	 * @param source the record that raised them, e.g. {@code Subcontract:<id>}
	 * @param comment the comment
	 * @param uploads the files, at least one
	 * @return the submissions, one per obligation
	 */
	@Transactional
	public List<Submission> submitTogetherFromPart(Actor actor, List<UUID> ids, String source, String comment,
			List<Upload> uploads) {
		UUID bundle = (ids.size() > 1) ? UUID.randomUUID() : null;
		List<Submission> submitted = new ArrayList<>();
		for (UUID id : ids) {
			submitted.add(fromPart(actor, id, source, uploads, comment, bundle));
		}
		return submitted;
	}

	private Submission fromPart(Actor actor, UUID id, String source, List<Upload> uploads, String comment,
			@Nullable UUID bundle) {
		Obligation obligation = this.obligations.findForSubmission(id).orElseThrow(() -> new NotFoundProblem(WHAT));
		Contract contract;
		try {
			contract = this.contracts.getAsParticipant(actor, obligation.getContractId());
		}
		catch (NotFoundProblem ex) {
			throw new NotFoundProblem(WHAT);
		}
		if (!ContractRoles.CONTRACTOR_MEMBERS.contains(actor.role())
				|| actor.organisationKind() == OrganisationKind.CLIENT || ContractRoles.isParty(actor, contract)
				|| !Objects.equals(source, obligation.getSource())) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		return store(actor, obligation, contract, comment, uploads, bundle);
	}

	private Submission store(Actor actor, Obligation obligation, Contract contract, String comment,
			List<Upload> uploads, @Nullable UUID bundle) {
		UUID id = obligation.getId();
		if (uploads.isEmpty()) {
			throw new InvalidInputProblem("files", "submission.files.required");
		}
		if (contract.getStatus() == ContractStatus.CLOSED && !owedAfterClosing(obligation, contract)) {
			throw new InvalidInputProblem("status", "obligation.contractClosed");
		}
		Instant now = Instant.now(this.clock);
		obligation.submitted(now);
		int number = (int) this.submissions.countByObligationId(id) + 1;
		Submission submission = this.submissions.save(new Submission(id, number, comment, actor.userId(), now, bundle));
		List<String> names = new ArrayList<>();
		for (Upload upload : uploads) {
			UploadedDocument document;
			try (InputStream content = upload.content().getInputStream()) {
				document = this.documents.accept(upload.fileName(), upload.contentType(), content);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.files.save(new SubmissionFile(submission.getId(), document.key(), document.sha256(), document.size(),
					document.fileName(), document.contentType(), document.scan().status().name(),
					document.scan().detail()));
			names.add(document.fileName() + " (" + document.sha256() + ")");
		}
		record(obligation, actor, "SUBMITTED", submission.getComment(), now);
		AuditRecord created = AuditRecord.of("SUBMISSION_CREATED");
		if (bundle != null) {
			created.detail("bundle", bundle);
		}
		this.audit.record(created.actor(actor)
			.target("Obligation", id)
			.detail("submission", submission.getId())
			.detail("number", number)
			.detail("files", names));
		return submission;
	}

	/**
	 * Submits one document to every obligation of a contract for a deliverable and period
	 * that waits for a submission: how another module meets the obligations its own
	 * record answers (a self-inspection report, a roster, a register extract…), instead
	 * of looking for them itself. An obligation whose requirement lets another
	 * deliverable meet it ({@code alsoMetBy}: a disposal certificate for Gunma 13②'s
	 * "return or dispose of") is submitted to as well. The actor's rights are checked per
	 * obligation by {@link #submit}.
	 * @param actor a lead or worker of the contractor
	 * @param contractId the contract
	 * @param deliverable what is submitted
	 * @param periodKey the period or occurrence key the obligations carry
	 * @param comment the contractor's comment
	 * @param uploads the files
	 * @return the obligations submitted to, possibly none
	 */
	@Transactional
	public List<UUID> submitFor(Actor actor, UUID contractId, Deliverable deliverable, String periodKey, String comment,
			List<Upload> uploads) {
		Set<String> alsoMet = alsoMetBy(contractId, deliverable);
		List<UUID> submitted = this.obligations.findByContractIdOrderByDueDateAscClauseRefAsc(contractId)
			.stream()
			.filter((o) -> o.getPeriodKey().equals(periodKey)
					&& (o.getDeliverable() == deliverable || alsoMet.contains(o.getRequirementKey())))
			.filter(Obligation::awaitsSubmission)
			.map(Obligation::getId)
			.toList();
		if (!submitted.isEmpty()) {
			submitTogether(actor, submitted, comment, uploads);
		}
		return submitted;
	}

	/**
	 * Returns the keys of the contract's requirements that a deliverable meets besides
	 * their own ({@code alsoMetBy} in the profile).
	 */
	private Set<String> alsoMetBy(UUID contractId, Deliverable deliverable) {
		Contract contract = this.contractReads.findUnscoped(contractId)
			.orElseThrow(() -> new NotFoundProblem("contract.entity"));
		return ObligationPlanner.requirementKeys(this.catalog.get(contract.getProfileId()).definition(),
				(requirement) -> requirement.alsoMetBy().contains(deliverable));
	}

	/**
	 * Reviews the pending submission of every obligation of a contract for a deliverable
	 * and period: how a module whose own decision is the client's review (approving a
	 * take-out request accepts the written request submitted for it) records that review,
	 * instead of reviewing another module's submissions itself. The actor's rights are
	 * checked per submission by {@link #review}.
	 * @param actor a client officer of the contract
	 * @param contractId the contract
	 * @param deliverable what was submitted
	 * @param periodKey the period or occurrence key the obligations carry
	 * @param accept whether to accept (or return)
	 * @param comment the comment (required to return)
	 * @return the obligations whose submission was reviewed, possibly none
	 */
	@Transactional
	public List<UUID> reviewFor(Actor actor, UUID contractId, Deliverable deliverable, String periodKey, boolean accept,
			String comment) {
		List<UUID> reviewed = new ArrayList<>();
		for (Obligation obligation : this.reads.findUnscoped(contractId, deliverable, periodKey)) {
			if (reviewed.contains(obligation.getId())) {
				// Decided with a submission of its bundle.
				continue;
			}
			Optional<UUID> pending = this.reads.pendingSubmissionUnscoped(obligation.getId());
			if (pending.isPresent()) {
				reviewed.addAll(decide(actor, pending.get(), accept, comment).obligations());
			}
		}
		return reviewed;
	}

	/**
	 * Reviews a submission: accept, or return with a comment.
	 * @param actor a client officer of the contract
	 * @param submissionId the submission
	 * @param accept whether to accept
	 * @param comment the comment (required to return)
	 * @return the reviewed submission
	 */
	@Transactional
	public Submission review(Actor actor, UUID submissionId, boolean accept, @Nullable String comment) {
		return decide(actor, submissionId, accept, comment).submission();
	}

	/**
	 * Reviews a submission and every pending one filed in the same bundle (one document
	 * to several obligations): one decision, recorded once in each obligation's history
	 * and once on the audit trail.
	 */
	private Decision decide(Actor actor, UUID submissionId, boolean accept, @Nullable String comment) {
		Submission submission = this.submissions.findById(submissionId)
			.orElseThrow(() -> new NotFoundProblem("submission.entity"));
		List<Submission> decided = new ArrayList<>();
		decided.add(submission);
		if (submission.getBundleId() != null && submission.getReviewStatus() == ReviewStatus.PENDING) {
			this.submissions.findByBundleIdAndReviewStatus(submission.getBundleId(), ReviewStatus.PENDING)
				.stream()
				.filter((other) -> !other.getId().equals(submissionId))
				.forEach(decided::add);
		}
		Instant now = Instant.now(this.clock);
		List<UUID> obligationIds = new ArrayList<>();
		for (Submission each : decided) {
			Obligation obligation = this.obligations.findById(each.getObligationId())
				.orElseThrow(() -> new NotFoundProblem(WHAT));
			Contract contract = readable(actor, obligation);
			if (!mayAct(actor, contract, false)) {
				throw new AccessDeniedProblem("error.forbidden");
			}
			if (accept) {
				each.accept(actor.userId(), comment, now);
				obligation.accepted(now);
			}
			else {
				each.returnWith(actor.userId(), comment, now);
				obligation.returned(now);
			}
			record(obligation, actor, accept ? "ACCEPTED" : "RETURNED", each.getReviewComment(), now);
			obligationIds.add(obligation.getId());
		}
		AuditRecord entry = AuditRecord.of(accept ? "SUBMISSION_ACCEPTED" : "SUBMISSION_RETURNED")
			.actor(actor)
			.target("Submission", submissionId)
			.detail("obligation", submission.getObligationId());
		if (decided.size() > 1) {
			entry.detail("bundle", submission.getBundleId())
				.detail("obligations", obligationIds)
				.detail("submissions", decided.stream().map(Submission::getId).toList());
		}
		this.audit.record(entry);
		for (Submission each : decided) {
			this.events.publishEvent(new SubmissionReviewed(each.getObligationId(), each.getId(), accept));
		}
		return new Decision(submission, obligationIds);
	}

	/**
	 * The outcome of one review.
	 *
	 * @param submission the submission reviewed
	 * @param obligations every obligation it decided, its bundle's included
	 */
	private record Decision(Submission submission, List<UUID> obligations) {
	}

	/**
	 * Waives an obligation (client only, with a reason).
	 * @param actor a client officer of the contract
	 * @param id the obligation
	 * @param reason why
	 */
	@Transactional
	public void waive(Actor actor, UUID id, @Nullable String reason) {
		Obligation obligation = this.obligations.findById(id).orElseThrow(() -> new NotFoundProblem(WHAT));
		Contract contract = readable(actor, obligation);
		if (!mayAct(actor, contract, false)) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		Instant now = Instant.now(this.clock);
		obligation.waive(reason, now);
		record(obligation, actor, "WAIVED", obligation.getWaivedReason(), now);
		this.audit.record(AuditRecord.of("OBLIGATION_WAIVED")
			.actor(actor)
			.target("Obligation", id)
			.detail("reason", obligation.getWaivedReason()));
	}

	/**
	 * Lists the files of a submission for whoever may read its obligation, as the
	 * obligation's page shows them.
	 * @param actor the acting user
	 * @param submissionId the submission
	 * @return its files by name
	 * @throws NotFoundProblem when the submission does not exist or the actor may not
	 * read its obligation
	 */
	@Transactional(readOnly = true)
	public List<SubmissionFile> files(Actor actor, UUID submissionId) {
		Submission submission = this.submissions.findById(submissionId)
			.orElseThrow(() -> new NotFoundProblem("submission.entity"));
		scopedSubmission(actor, submission);
		return this.files.ofSubmissions(new UUID[] { submissionId })
			.stream()
			.sorted(Comparator.comparing(SubmissionFile::getFileName).thenComparing(SubmissionFile::getId))
			.toList();
	}

	/**
	 * Opens a file of a submission for whoever may read its obligation; the view is
	 * audited as on the page.
	 * @param actor the acting user
	 * @param submissionId the submission
	 * @param fileId the file
	 * @return the file and its content
	 * @throws NotFoundProblem when the file is not one of the submission's or the actor
	 * may not read its obligation
	 */
	@Transactional
	public OpenedFile openFile(Actor actor, UUID submissionId, UUID fileId) {
		this.files.findById(fileId)
			.filter((f) -> f.getSubmissionId().equals(submissionId))
			.orElseThrow(() -> new NotFoundProblem("submission.entity"));
		return openFile(actor, fileId);
	}

	/**
	 * Opens a submitted file for a party to the contract; the view is audited.
	 * @param actor the acting user
	 * @param fileId the file
	 * @return the file and its content
	 */
	@Transactional
	public OpenedFile openFile(Actor actor, UUID fileId) {
		SubmissionFile file = this.files.findById(fileId).orElseThrow(() -> new NotFoundProblem("submission.entity"));
		Submission submission = this.submissions.findById(file.getSubmissionId())
			.orElseThrow(() -> new NotFoundProblem("submission.entity"));
		Obligation obligation = this.obligations.findById(submission.getObligationId())
			.orElseThrow(() -> new NotFoundProblem(WHAT));
		readable(actor, obligation);
		this.audit.record(AuditRecord.of("DOCUMENT_VIEWED")
			.actor(actor)
			.target("SubmissionFile", fileId)
			.detail("obligation", obligation.getId())
			.detail("sha256", file.getSha256()));
		return new OpenedFile(file, this.documents.open(file.getDocumentKey()));
	}

	/**
	 * Lists what the actor's organisation must still submit (contractor side): open,
	 * returned and overdue obligations across its contracts, soonest first.
	 * @param actor the acting user
	 * @return the to-do list
	 */
	@Transactional(readOnly = true)
	public List<TodoItem> todo(Actor actor) {
		LocalDate rightsDay = this.calendar.today();
		Map<UUID, Contract> visible = this.contracts.listWhere(actor,
				(c) -> ContractRoles.clientRightsRun(c, rightsDay));
		LocalDate today = this.calendar.today();
		List<TodoItem> items = new ArrayList<>();
		if (!visible.isEmpty()) {
			this.obligations.pendingIn(visible.keySet().toArray(UUID[]::new))
				.stream()
				// What a subcontractor owes is on its list, not on the contractor's.
				.filter((o) -> o.getOwedBy() == null)
				// Every obligation found is of a visible contract (the query's keys).
				.map((o) -> new TodoItem(o, Objects.requireNonNull(visible.get(o.getContractId())),
						o.effectiveStatus(today)))
				.forEach(items::add);
		}
		if (actor.organisationKind() != OrganisationKind.CLIENT && !actor.is(Role.SYSTEM_ADMIN)) {
			// An approved subcontractor's own: owed by its organisation, on the contracts
			// it still takes part in.
			Map<UUID, Contract> participating = new LinkedHashMap<>();
			this.contracts.listAsParticipant(actor)
				.stream()
				.filter((c) -> !ContractRoles.isParty(actor, c) && ContractRoles.clientRightsRun(c, rightsDay))
				.forEach((c) -> participating.put(c.getId(), c));
			if (!participating.isEmpty()) {
				this.obligations.pendingOwedIn(participating.keySet().toArray(UUID[]::new), actor.organisationId())
					.stream()
					.map((o) -> new TodoItem(o, Objects.requireNonNull(participating.get(o.getContractId())),
							o.effectiveStatus(today)))
					.forEach(items::add);
				items.sort(Comparator.comparing((TodoItem t) -> t.obligation().getDueDate(),
						Comparator.nullsLast(Comparator.naturalOrder())));
			}
		}
		// A closed contract owes only what the client asked for after closing.
		return items.stream()
			.filter((t) -> ContractRoles.isOpen(t.contract()) || owedAfterClosing(t.obligation(), t.contract()))
			.toList();
	}

	/**
	 * Returns the documents of a contract whose clause asks for them again when they
	 * change (Setagaya 3: 「変更があった場合も同様とする」), each with its version in force: the latest
	 * accepted submission among the document's obligations (the first at the start, each
	 * later one raised by a change notice), its version number (how many were accepted)
	 * and when it was accepted. A document not accepted yet has version 0.
	 * @param actor a party to the contract
	 * @param contractId the contract
	 * @return the documents in clause order
	 */
	@Transactional(readOnly = true)
	public List<CurrentDocument> currentDocuments(Actor actor, UUID contractId) {
		Contract contract = this.contracts.get(actor, contractId);
		Set<Deliverable> revisable = new LinkedHashSet<>();
		for (ProfileDefinition.ClauseDefinition clause : this.catalog.get(contract.getProfileId())
			.definition()
			.clauses()) {
			for (ProfileDefinition.RequirementDefinition requirement : clause.requirements()) {
				if (requirement.deliverable() != null
						&& ObligationTrigger.change(ChangeSubject.SUBMITTED_DOCUMENTS).matches(requirement.trigger())) {
					revisable.add(requirement.deliverable());
				}
			}
		}
		List<Obligation> all = this.obligations.findByContractIdOrderByDueDateAscClauseRefAsc(contractId);
		List<CurrentDocument> documents = new ArrayList<>();
		for (Deliverable deliverable : revisable) {
			List<Obligation> ofDocument = all.stream().filter((o) -> o.getDeliverable() == deliverable).toList();
			if (ofDocument.isEmpty()) {
				continue;
			}
			List<Submission> accepted = ofDocument.stream()
				.filter((o) -> o.getStatus() == ObligationStatus.ACCEPTED)
				.flatMap((o) -> this.submissions.findByObligationIdOrderByNumberDesc(o.getId()).stream())
				.filter((sub) -> sub.getReviewStatus() == ReviewStatus.ACCEPTED && sub.getReviewedAt() != null)
				.sorted(Comparator.comparing(Submission::getReviewedAt).reversed())
				.toList();
			boolean pending = ofDocument.stream()
				.anyMatch((o) -> o.getStatus() != ObligationStatus.ACCEPTED && o.getStatus() != ObligationStatus.WAIVED
						&& o.getStatus() != ObligationStatus.NOT_APPLICABLE);
			documents.add(accepted.isEmpty() ? new CurrentDocument(deliverable, 0, null, null, pending)
					: new CurrentDocument(deliverable, accepted.size(), accepted.get(0).getReviewedAt(),
							accepted.get(0).getObligationId(), pending));
		}
		return documents;
	}

	/**
	 * A document's version in force on a contract.
	 *
	 * @param deliverable the document
	 * @param version how many versions were accepted; 0 when none yet
	 * @param acceptedAt when the version in force was accepted
	 * @param obligationId the obligation it was submitted to
	 * @param revisionPending whether a revision (or the first version) waits to be
	 * submitted or reviewed
	 */
	public record CurrentDocument(Deliverable deliverable, int version, @Nullable Instant acceptedAt,
			@Nullable UUID obligationId, boolean revisionPending) {
	}

	/**
	 * Lists the submissions that wait for the actor's review (client side): submitted
	 * obligations of the open contracts on which the actor reviews for the client,
	 * soonest due first, at most as many as asked for (the inbox lists the nearest; the
	 * dashboard counts them all from the tally).
	 * @param actor the acting user
	 * @param limit the most to return
	 * @return the obligations awaiting review; empty for anyone who reviews nothing
	 */
	@Transactional(readOnly = true)
	public List<TodoItem> awaitingReview(Actor actor, int limit) {
		Map<UUID, Contract> reviewable = this.contracts.listWhere(actor,
				(c) -> c.getStatus() != ContractStatus.CLOSED && mayAct(actor, c, false));
		if (reviewable.isEmpty()) {
			return List.of();
		}
		return this.obligations
			.inState(reviewable.keySet().toArray(UUID[]::new), ObligationStatus.SUBMITTED.name(), limit)
			.stream()
			.map((o) -> new TodoItem(o, Objects.requireNonNull(reviewable.get(o.getContractId())), o.getStatus()))
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public List<ItakuProblem.FieldProblem> blockers(UUID contractId) {
		return this.obligations.findByContractIdOrderByDueDateAscClauseRefAsc(contractId)
			.stream()
			.filter((o) -> "END".equals(o.getPeriodKey()))
			.filter((o) -> o.getStatus() != ObligationStatus.ACCEPTED && o.getStatus() != ObligationStatus.WAIVED
					&& o.getStatus() != ObligationStatus.NOT_APPLICABLE)
			.map((o) -> new ItakuProblem.FieldProblem("status", "contract.closeBlocker.obligation", o.getClauseRef(),
					o.getSummary()))
			.toList();
	}

	/**
	 * Returns whether a closed contract still owes an obligation: one the client raised
	 * after closing (its request for material, Kadoma 11(4)) while its post-contract
	 * rights run.
	 */
	private boolean owedAfterClosing(Obligation obligation, Contract contract) {
		return contract.getClosedAt() != null && obligation.getCreatedAt().isAfter(contract.getClosedAt())
				&& ContractRoles.clientRightsRun(contract, this.calendar.today());
	}

	private void scopedSubmission(Actor actor, Submission submission) {
		Obligation obligation = this.obligations.findById(submission.getObligationId())
			.orElseThrow(() -> new NotFoundProblem("submission.entity"));
		try {
			readable(actor, obligation);
		}
		catch (NotFoundProblem ex) {
			throw new NotFoundProblem("submission.entity");
		}
	}

	/**
	 * Returns the contract of an obligation the actor may read. The contractor's
	 * obligations are read by the parties only, as always ({@link Contracts#get}); one an
	 * approved subcontractor owes is read by the parties — the contractor follows what
	 * its subcontractor owes — and by that subcontractor and those above it in the chain,
	 * never by another subcontractor ({@link Contracts#getForRecord}).
	 */
	private Contract readable(Actor actor, Obligation obligation) {
		UUID owedBy = obligation.getOwedBy();
		if (owedBy == null) {
			return scopedContract(actor, obligation);
		}
		return this.contracts.getForRecord(actor, obligation.getContractId(), owedBy, WHAT);
	}

	/**
	 * Returns whether the actor may submit to an obligation: the contractor's leads and
	 * workers for the contractor's; for one a subcontractor owes, that subcontractor's
	 * leads and workers only — the contractor follows it but does not answer for it.
	 */
	private static boolean maySubmit(Actor actor, Contract contract, Obligation obligation) {
		return (obligation.getOwedBy() == null) ? ContractRoles.worksForContractor(actor, contract)
				: owes(actor, obligation);
	}

	/**
	 * Returns whether the actor is a lead or worker of the approved subcontractor that
	 * owes an obligation.
	 * @param actor the acting user
	 * @param obligation the obligation
	 * @return {@code false} for every obligation the contractor owes
	 */
	public static boolean owes(Actor actor, Obligation obligation) {
		return obligation.getOwedBy() != null && obligation.getOwedBy().equals(actor.organisationId())
				&& actor.organisationKind() != OrganisationKind.CLIENT
				&& ContractRoles.CONTRACTOR_MEMBERS.contains(actor.role());
	}

	private Contract scopedContract(Actor actor, Obligation obligation) {
		try {
			return this.contracts.get(actor, obligation.getContractId());
		}
		catch (NotFoundProblem ex) {
			throw new NotFoundProblem(WHAT);
		}
	}

	/**
	 * Returns whether the actor may act on a contract's obligations.
	 * @param contractorSide {@code true} to submit, {@code false} to review or waive
	 */
	private boolean mayAct(Actor actor, Contract contract, boolean contractorSide) {
		if (contractorSide) {
			return ContractRoles.worksForContractor(actor, contract);
		}
		return ContractRoles.editsForClient(actor, contract);
	}

	private void record(Obligation obligation, @Nullable Actor actor, String action, @Nullable String comment,
			Instant now) {
		this.history.save(
				new ObligationEvent(obligation.getId(), now, (actor != null) ? actor.userId() : null, action, comment));
	}

	/**
	 * One occurrence of an event or a change.
	 *
	 * @param key names the occurrence, unique per contract and trigger (at most 60
	 * characters), e.g. the worker's record id and the date
	 * @param occurredOn the day it happened, in Tokyo
	 * @param subject what it is about, as people read it (e.g. the worker's name)
	 * @param source the record that raised it, e.g. {@code RosterMember:<id>}
	 * @param dueOn the date the requester set (the client asking for material by a day),
	 * which then replaces the one the profile's deadline gives; {@code null} for the
	 * profile's
	 * @param owing the approved subcontractor that owes what is raised (the client asked
	 * its level of the chain), or {@code null} for the contractor
	 */
	public record Occurrence(String key, LocalDate occurredOn, String subject, String source, @Nullable LocalDate dueOn,
			@Nullable Owing owing) {

		public Occurrence {
			Objects.requireNonNull(key, "key");
			Objects.requireNonNull(occurredOn, "occurredOn");
			if (key.length() > 60) {
				throw new IllegalArgumentException("occurrence key longer than 60 characters: " + key);
			}
		}

		public Occurrence(String key, LocalDate occurredOn, String subject, String source) {
			this(key, occurredOn, subject, source, null, null);
		}

		public Occurrence(String key, LocalDate occurredOn, String subject, String source, @Nullable LocalDate dueOn) {
			this(key, occurredOn, subject, source, dueOn, null);
		}

	}

	/**
	 * The approved subcontractor that owes an obligation instead of the contractor.
	 *
	 * @param organisationId the subcontractor's organisation
	 * @param level its level in the chain, 1 for the contractor's own subcontractors
	 */
	public record Owing(UUID organisationId, int level) {

		public Owing {
			Objects.requireNonNull(organisationId, "organisationId");
			if (level < 1) {
				throw new IllegalArgumentException("chain level below 1: " + level);
			}
		}

	}

	/**
	 * A file to submit.
	 *
	 * @param fileName the name as uploaded
	 * @param contentType the declared type
	 * @param content where to read it
	 */
	public record Upload(@Nullable String fileName, @Nullable String contentType, InputStreamSource content) {
	}

	/**
	 * A submitted file opened for reading.
	 *
	 * @param file the file's record
	 * @param content its content; the caller closes it
	 */
	public record OpenedFile(SubmissionFile file, InputStream content) {
	}

	/**
	 * One line of a contractor's to-do list.
	 *
	 * @param obligation the obligation
	 * @param contract its contract
	 * @param status its effective status (open, returned or overdue)
	 */
	public record TodoItem(Obligation obligation, Contract contract, ObligationStatus status) {
	}

}
