package jp.itaku.emergency;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.catalog.ChangeSubject;
import jp.itaku.catalog.Deliverable;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractRoles;
import jp.itaku.contract.ContractStatus;
import jp.itaku.contract.ContractSystemReads;
import jp.itaku.contract.Contracts;
import jp.itaku.document.Documents;
import jp.itaku.document.UploadedDocument;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationStatus;
import jp.itaku.obligation.ObligationSystemReads;
import jp.itaku.obligation.ObligationTrigger;
import jp.itaku.obligation.Obligations;
import jp.itaku.organisation.Organisation;
import jp.itaku.organisation.OrganisationSystemReads;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.NotFoundProblem;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A contract's emergency contact list (緊急時連絡先, Setagaya 3(2)③, Kadoma 10(2)). Every party
 * to the contract reads it and its submitted versions; only the leads of the contract's
 * contractor change, submit and confirm it.
 * <ul>
 * <li>The first submission goes to the contract-start obligations of the deliverable
 * {@link Deliverable#EMERGENCY_CONTACTS} (period {@code START}).</li>
 * <li>Saving a list that differs from the version last submitted raises the profile's
 * change obligations ({@code ON_CHANGE EMERGENCY_CONTACTS}) at once, so the duty to
 * notify shows with its due date; the next submission files the change notice to them.
 * While the last submission is returned for correction, a change is its correction and
 * raises nothing.</li>
 * <li>A profile without such requirements raises nothing; the list and its versions work
 * the same.</li>
 * <li>The lead confirms an unchanged list current (現状確認); a confirmation falls due
 * {@code itaku.emergency.confirm-every} after the last submission or confirmation.</li>
 * </ul>
 * Every change, submission, confirmation and opened version is audited (without the
 * contacts' names or numbers).
 */
@Service
public class EmergencyContacts {

	static final String START = "START";

	private static final String WHAT = "emergency.entity";

	private static final ObligationTrigger CHANGED = ObligationTrigger.change(ChangeSubject.EMERGENCY_CONTACTS);

	private static final Set<ObligationStatus> AWAITING = Set.of(ObligationStatus.OPEN, ObligationStatus.RETURNED);

	private final EmergencyContactListRepository lists;

	private final EmergencyContactVersionRepository versions;

	private final Contracts contracts;

	private final ContractSystemReads contractReads;

	private final Obligations obligations;

	private final ObligationSystemReads obligationReads;

	private final OrganisationSystemReads organisationReads;

	private final Documents documents;

	private final EmergencyContactForms forms;

	private final AuditTrail audit;

	private final WorkingCalendar calendar;

	private final MessageSource messages;

	private final EmergencyProperties properties;

	private final Clock clock;

	EmergencyContacts(EmergencyContactListRepository lists, EmergencyContactVersionRepository versions,
			Contracts contracts, Obligations obligations, Documents documents, EmergencyContactForms forms,
			AuditTrail audit, WorkingCalendar calendar, MessageSource messages, EmergencyProperties properties,
			Clock clock, ContractSystemReads contractReads, OrganisationSystemReads organisationReads,
			ObligationSystemReads obligationReads) {
		this.obligationReads = obligationReads;
		this.organisationReads = organisationReads;
		this.contractReads = contractReads;
		this.lists = lists;
		this.versions = versions;
		this.contracts = contracts;
		this.obligations = obligations;
		this.documents = documents;
		this.forms = forms;
		this.audit = audit;
		this.calendar = calendar;
		this.messages = messages;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Returns a contract's list with everything its page shows.
	 * @param actor any user of a party to the contract
	 * @param contractId the contract
	 * @return the overview
	 * @throws NotFoundProblem when the actor's organisation is no party to the contract
	 */
	@Transactional(readOnly = true)
	public Overview overview(Actor actor, UUID contractId) {
		Contract contract = this.contracts.get(actor, contractId);
		Optional<EmergencyContactList> list = this.lists.findByContractId(contractId);
		List<EmergencyContactVersion> submitted = list
			.map((l) -> this.versions.findByListIdOrderByNumberDesc(l.getId()))
			.orElse(List.of());
		EmergencyContactVersion last = submitted.isEmpty() ? null : submitted.get(0);
		List<Obligation> related = this.obligations.forContract(actor, contractId)
			.stream()
			.filter((o) -> o.getDeliverable() == Deliverable.EMERGENCY_CONTACTS)
			.toList();
		LocalDate today = this.calendar.today();
		Period every = this.properties.confirmEvery();
		EmergencyContactList current = list.orElse(null);
		List<ContactChanges.Change> changes = (current != null && last != null)
				? ContactChanges.between(last.getEntries(), current.getEntries()) : List.of();
		return new Overview(contract, current, submitted, related, mayEdit(actor, contract),
				current != null && hasUnsubmittedChanges(current, last), changes,
				(current != null) ? current.confirmationDueOn(every) : null, current != null
						&& contract.getStatus() == ContractStatus.ACTIVE && current.isConfirmationDue(today, every),
				every, today);
	}

	/**
	 * Saves the list. When it differs from the version last submitted, the change
	 * obligations of the contract's profile are raised at once.
	 * @param actor a lead of the contract's contractor
	 * @param contractId the contract
	 * @param form the lines
	 * @return the list and the obligations the change raised (empty when none)
	 * @throws InvalidInputProblem naming each line and field at fault
	 */
	@Transactional
	public Saved save(Actor actor, UUID contractId, EmergencyContactListForm form) {
		Contract contract = editable(actor, contractId);
		List<EmergencyContact> lines = EmergencyContactRules.validate(form.getEntries());
		Instant now = Instant.now(this.clock);
		EmergencyContactList list = this.lists.findByContractId(contractId).orElse(null);
		boolean changed;
		if (list == null) {
			list = this.lists.save(new EmergencyContactList(contractId, lines, actor.userId(), now));
			changed = true;
		}
		else {
			changed = list.replace(lines, actor.userId(), now);
		}
		EmergencyContactVersion last = this.versions.findFirstByListIdOrderByNumberDesc(list.getId()).orElse(null);
		List<Obligation> raised = List.of();
		if (changed && last != null && list.getPendingChangeKey() == null && !last.getEntries().equals(lines)
				&& !awaitingResubmission(contractId, last.getPeriodKey())) {
			String key = "EC-v" + (last.getNumber() + 1);
			raised = this.obligations.raise(contractId, CHANGED,
					new Obligations.Occurrence(key, this.calendar.today(),
							text("emergency.occurrence.subject", last.getNumber() + 1),
							"EmergencyContactList:" + list.getId()));
			list.changePending(key);
		}
		this.audit.record(AuditRecord.of("EMERGENCY_CONTACTS_SAVED")
			.actor(actor)
			.target("Contract", contract.getId())
			.detail("list", list.getId())
			.detail("entries", lines.size())
			.detail("changed", changed)
			.detail("raised", raised.stream().map(Obligation::getId).toList()));
		return new Saved(list, raised);
	}

	/**
	 * Submits the list as a generated PDF: the first version to the contract-start
	 * obligations, a changed list as the change notice to the obligations its change
	 * raised, a corrected list to the returned obligation of the last version. The
	 * version is kept either way, also when the profile asks for no submission.
	 * @param actor a lead of the contract's contractor
	 * @param contractId the contract
	 * @param comment the lead's comment, may be {@code null}
	 * @return the version
	 */
	@Transactional
	public EmergencyContactVersion submit(Actor actor, UUID contractId, @Nullable String comment) {
		Contract contract = editable(actor, contractId);
		EmergencyContactList list = this.lists.findByContractId(contractId)
			.orElseThrow(() -> new InvalidInputProblem("entries", "emergency.submit.noList"));
		EmergencyContactVersion last = this.versions.findFirstByListIdOrderByNumberDesc(list.getId()).orElse(null);
		String periodKey;
		List<Obligation> targets;
		if (last == null) {
			periodKey = START;
			targets = this.obligationReads.findUnscoped(contractId, Deliverable.EMERGENCY_CONTACTS, START);
		}
		else if (list.getPendingChangeKey() != null) {
			periodKey = list.getPendingChangeKey();
			targets = this.obligations.raise(contractId, CHANGED,
					new Obligations.Occurrence(periodKey, this.calendar.today(),
							text("emergency.occurrence.subject", last.getNumber() + 1),
							"EmergencyContactList:" + list.getId()));
		}
		else {
			periodKey = last.getPeriodKey();
			targets = this.obligationReads.findUnscoped(contractId, Deliverable.EMERGENCY_CONTACTS, periodKey);
		}
		targets = targets.stream().filter((o) -> AWAITING.contains(o.getStatus())).toList();
		Instant now = Instant.now(this.clock);
		int number = (last != null) ? last.getNumber() + 1 : 1;
		EmergencyContactVersion version = new EmergencyContactVersion(list, number, periodKey, comment,
				list.getEntries(), actor.userId(), now);
		List<ContactChanges.Change> changes = (last != null)
				? ContactChanges.between(last.getEntries(), list.getEntries()) : List.of();
		byte[] pdf = this.forms.render(new EmergencyContactForms.Form(contract,
				organisationName(contract.getClientOrganisationId()),
				organisationName(contract.getContractorOrganisationId()), actor.displayName(), version, last, changes));
		String fileName = text((last == null) ? "emergency.pdf.fileName" : "emergency.pdf.fileNameChange", number);
		UploadedDocument document = this.documents.accept(fileName, "application/pdf", new ByteArrayInputStream(pdf));
		version.document(document.key(), document.sha256(), document.fileName(), targets.size());
		String submissionComment = (version.getComment() != null) ? version.getComment()
				: text((last == null) ? "emergency.submission.comment" : "emergency.submission.commentChange", number);
		for (Obligation target : targets) {
			this.obligations.submit(actor, target.getId(), submissionComment, List
				.of(new Obligations.Upload(document.fileName(), "application/pdf", new ByteArrayResource(pdf))));
		}
		list.submitted(now);
		this.versions.save(version);
		this.audit.record(AuditRecord.of("EMERGENCY_CONTACTS_SUBMITTED")
			.actor(actor)
			.target("Contract", contract.getId())
			.detail("version", number)
			.detail("period", periodKey)
			.detail("changes", changes.size())
			.detail("obligations", targets.stream().map(Obligation::getId).toList())
			.detail("sha256", document.sha256()));
		return version;
	}

	/**
	 * Records the lead's confirmation that the list as last submitted is current.
	 * @param actor a lead of the contract's contractor
	 * @param contractId the contract
	 * @return the list
	 * @throws InvalidInputProblem when there is no list, or it has changes not submitted
	 */
	@Transactional
	public EmergencyContactList confirm(Actor actor, UUID contractId) {
		Contract contract = editable(actor, contractId);
		EmergencyContactList list = this.lists.findByContractId(contractId)
			.orElseThrow(() -> new InvalidInputProblem("entries", "emergency.submit.noList"));
		EmergencyContactVersion last = this.versions.findFirstByListIdOrderByNumberDesc(list.getId()).orElse(null);
		LocalDate dueBefore = list.confirmationDueOn(this.properties.confirmEvery());
		list.confirm(actor.userId(), Instant.now(this.clock), hasUnsubmittedChanges(list, last));
		this.audit.record(AuditRecord.of("EMERGENCY_CONTACTS_CONFIRMED")
			.actor(actor)
			.target("Contract", contract.getId())
			.detail("list", list.getId())
			.detail("version", (last != null) ? last.getNumber() : 0)
			.detail("wasDueOn", dueBefore)
			.detail("nextDueOn", list.confirmationDueOn(this.properties.confirmEvery())));
		return list;
	}

	/**
	 * Takes over a list kept outside Itaku before (e.g. on paper) with the day it was
	 * last confirmed current there, so that its confirmation falls due as it would have.
	 * Only for a contract that has no list yet; not offered on the pages (the demo and
	 * data migrations use it).
	 * @param actor a lead of the contract's contractor
	 * @param contractId the contract
	 * @param form the lines
	 * @param confirmedOn the day the list was last confirmed, not in the future
	 * @return the list
	 */
	@Transactional
	public EmergencyContactList takeOver(Actor actor, UUID contractId, EmergencyContactListForm form,
			LocalDate confirmedOn) {
		Contract contract = editable(actor, contractId);
		if (this.lists.findByContractId(contractId).isPresent()) {
			throw new InvalidInputProblem("entries", "emergency.takeOver.exists");
		}
		if (confirmedOn.isAfter(this.calendar.today())) {
			throw new InvalidInputProblem("confirmedOn", "emergency.takeOver.future");
		}
		List<EmergencyContact> lines = EmergencyContactRules.validate(form.getEntries());
		EmergencyContactList list = this.lists
			.save(new EmergencyContactList(contractId, lines, actor.userId(), Instant.now(this.clock)));
		list.confirm(actor.userId(), confirmedOn.atStartOfDay(ItakuTime.ZONE).toInstant(), false);
		this.audit.record(AuditRecord.of("EMERGENCY_CONTACTS_TAKEN_OVER")
			.actor(actor)
			.target("Contract", contract.getId())
			.detail("list", list.getId())
			.detail("entries", lines.size())
			.detail("confirmedOn", confirmedOn));
		return list;
	}

	/**
	 * Opens the PDF of a submitted version for a party to the contract; the view is
	 * audited.
	 * @param actor any user of a party to the contract
	 * @param contractId the contract
	 * @param number the version's number
	 * @return the version and its PDF
	 */
	@Transactional
	public OpenedVersion openVersion(Actor actor, UUID contractId, int number) {
		Contract contract = this.contracts.get(actor, contractId);
		EmergencyContactVersion version = this.versions.findByContractIdAndNumber(contract.getId(), number)
			.orElseThrow(() -> new NotFoundProblem(WHAT));
		this.audit.record(AuditRecord.of("EMERGENCY_CONTACTS_VERSION_VIEWED")
			.actor(actor)
			.target("Contract", contract.getId())
			.detail("version", number)
			.detail("sha256", version.getSha256()));
		return new OpenedVersion(version, this.documents.open(version.getDocumentKey()));
	}

	/**
	 * Returns whether the confirmation of an active contract's list is due today, for the
	 * contract's page.
	 * @param actor the signed-in user
	 * @param contract the contract
	 * @return {@code true} when the lead should confirm the list (要確認); {@code false} for
	 * a user who is no party to the contract
	 */
	@Transactional(readOnly = true)
	public boolean confirmationDue(Actor actor, Contract contract) {
		if (!ContractRoles.isParty(actor, contract) || contract.getStatus() != ContractStatus.ACTIVE) {
			return false;
		}
		return this.lists.findByContractId(contract.getId())
			.map((l) -> l.isConfirmationDue(this.calendar.today(), this.properties.confirmEvery()))
			.orElse(false);
	}

	/**
	 * Lists the lists of active contracts whose confirmation is due on a day, without
	 * scoping, for the daily reminder.
	 * @param today the day, in Tokyo
	 * @return each due list with its contract
	 */
	// the lists are found by the keys of active, and a list due for confirmation has a
	// due
	// date, so a current-as-of date
	@SuppressWarnings("NullAway")
	@Transactional(readOnly = true)
	List<Due> dueUnscoped(LocalDate today) {
		Map<UUID, Contract> active = new HashMap<>();
		this.contractReads.allUnscoped()
			.stream()
			.filter((c) -> c.getStatus() == ContractStatus.ACTIVE)
			.forEach((c) -> active.put(c.getId(), c));
		if (active.isEmpty()) {
			return List.of();
		}
		Period every = this.properties.confirmEvery();
		return this.lists.ofContracts(active.keySet().toArray(UUID[]::new))
			.stream()
			.filter((l) -> l.isConfirmationDue(today, every))
			.map((l) -> new Due(active.get(l.getContractId()), l.getCurrentAsOf(), l.confirmationDueOn(every)))
			.toList();
	}

	Period confirmEvery() {
		return this.properties.confirmEvery();
	}

	private boolean hasUnsubmittedChanges(EmergencyContactList list, @Nullable EmergencyContactVersion last) {
		if (list.getPendingChangeKey() != null) {
			return true;
		}
		return (last != null) ? !last.getEntries().equals(list.getEntries()) : list.getLastConfirmedAt() == null;
	}

	private boolean awaitingResubmission(UUID contractId, String periodKey) {
		return this.obligationReads.findUnscoped(contractId, Deliverable.EMERGENCY_CONTACTS, periodKey)
			.stream()
			.anyMatch((o) -> o.getStatus() == ObligationStatus.RETURNED);
	}

	private Contract editable(Actor actor, UUID contractId) {
		Contract contract = this.contracts.get(actor, contractId);
		if (!mayEdit(actor, contract)) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		if (contract.getStatus() == ContractStatus.CLOSED) {
			throw new InvalidInputProblem("status", "obligation.contractClosed");
		}
		return contract;
	}

	/**
	 * Returns whether the actor keeps a contract's list: a lead of its contractor.
	 */
	private static boolean mayEdit(Actor actor, Contract contract) {
		return ContractRoles.leadsForContractor(actor, contract);
	}

	private String organisationName(UUID id) {
		return this.organisationReads.findUnscoped(id).map(Organisation::getName).orElse("");
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, Locale.JAPANESE);
	}

	/**
	 * A contract's list as its page shows it.
	 *
	 * @param contract the contract
	 * @param list the list, {@code null} before the first save
	 * @param versions the submitted versions, newest first
	 * @param obligations the contract's obligations this list meets (start and changes)
	 * @param mayEdit whether the actor keeps the list
	 * @param unsubmittedChanges whether the list differs from what was last submitted (or
	 * was never submitted nor confirmed)
	 * @param changes what changed since the last submitted version
	 * @param confirmationDueOn when the next confirmation falls due
	 * @param confirmationDue whether it is due now (要確認)
	 * @param confirmEvery how long a confirmation lasts
	 * @param today today in Tokyo
	 */
	public record Overview(Contract contract, @Nullable EmergencyContactList list,
			List<EmergencyContactVersion> versions, List<Obligation> obligations, boolean mayEdit,
			boolean unsubmittedChanges, List<ContactChanges.Change> changes, @Nullable LocalDate confirmationDueOn,
			boolean confirmationDue, Period confirmEvery, LocalDate today) {

		/**
		 * Returns the obligations still waiting for this list to be submitted.
		 * @return the open and returned ones
		 */
		public List<Obligation> awaiting() {
			return this.obligations.stream().filter((o) -> AWAITING.contains(o.getStatus())).toList();
		}

	}

	/**
	 * The result of saving.
	 *
	 * @param list the list
	 * @param raised the change obligations raised by this save
	 */
	public record Saved(EmergencyContactList list, List<Obligation> raised) {
	}

	/**
	 * A version's PDF opened for reading.
	 *
	 * @param version the version
	 * @param content the PDF; the caller closes it
	 */
	public record OpenedVersion(EmergencyContactVersion version, InputStream content) {
	}

	/**
	 * A list whose confirmation is due.
	 *
	 * @param contract its contract
	 * @param currentAsOf the day it was last submitted or confirmed
	 * @param dueOn the day the confirmation fell due
	 */
	record Due(Contract contract, LocalDate currentAsOf, LocalDate dueOn) {
	}

}
