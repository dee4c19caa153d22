package jp.itaku.worksite;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
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
import jp.itaku.contract.Contracts;
import jp.itaku.document.Documents;
import jp.itaku.document.UploadedDocument;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationStatus;
import jp.itaku.obligation.ObligationSystemReads;
import jp.itaku.obligation.ObligationTrigger;
import jp.itaku.obligation.Obligations;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.roster.RosterMember;
import jp.itaku.roster.RosterSystemReads;
import jp.itaku.roster.Rosters;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly work schedules (勤務予定表, Kadoma 2(2)): entered in the calendar grid, imported or
 * sent through the API, checked against the roster (a name not on it as working that day
 * is refused, naming the day and the person), and submitted as a written form to the
 * month's obligation (due the 20th of the previous month). A change after a submission
 * makes a new version and raises the change obligation ({@code ON_CHANGE WORK_SCHEDULE})
 * that its submission meets. Every version is kept. Only the contractor's lead changes
 * and submits; every party to the contract reads.
 */
@Service
public class WorkSchedules {

	private static final String WHAT = "worksite.schedule.entity";

	private final WorkScheduleRepository schedules;

	private final WorkShiftRepository shifts;

	private final Contracts contracts;

	private final Rosters rosters;

	private final RosterSystemReads rosterReads;

	private final Obligations obligations;

	private final ObligationSystemReads obligationReads;

	private final Documents documents;

	private final WorkScheduleForm form;

	private final WorkingCalendar calendar;

	private final AuditTrail audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	WorkSchedules(WorkScheduleRepository schedules, WorkShiftRepository shifts, Contracts contracts, Rosters rosters,
			Obligations obligations, Documents documents, WorkScheduleForm form, WorkingCalendar calendar,
			AuditTrail audit, Clock clock, ApplicationEventPublisher events, RosterSystemReads rosterReads,
			ObligationSystemReads obligationReads) {
		this.obligationReads = obligationReads;
		this.rosterReads = rosterReads;
		this.events = events;
		this.schedules = schedules;
		this.shifts = shifts;
		this.contracts = contracts;
		this.rosters = rosters;
		this.obligations = obligations;
		this.documents = documents;
		this.form = form;
		this.calendar = calendar;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Returns whether the actor keeps the contract's schedules: a lead of the contractor,
	 * while the contract is not closed.
	 * @param actor the acting user
	 * @param contract the contract
	 * @return {@code true} when the actor may change and submit schedules
	 */
	public boolean mayEdit(Actor actor, Contract contract) {
		return this.rosters.mayEdit(actor, contract);
	}

	/**
	 * Lists the months of a contract's period with their latest schedule and the month's
	 * obligation.
	 * @param actor a party to the contract
	 * @param contractId the contract
	 * @return one line per month, first month first
	 */
	@Transactional(readOnly = true)
	public List<MonthLine> months(Actor actor, UUID contractId) {
		Contract contract = this.contracts.get(actor, contractId);
		Map<String, WorkSchedule> latest = new HashMap<>();
		for (WorkSchedule schedule : this.schedules.findByContractIdOrderByMonthAscVersionAsc(contractId)) {
			latest.put(schedule.getMonth().toString(), schedule);
		}
		List<MonthLine> lines = new ArrayList<>();
		for (YearMonth month = YearMonth.from(contract.getPeriodStart()); !month
			.isAfter(YearMonth.from(contract.getPeriodEnd())); month = month.plusMonths(1)) {
			lines.add(new MonthLine(month, latest.get(month.toString()), monthObligation(contractId, month)));
		}
		return lines;
	}

	/**
	 * Returns a contract's schedule for a month: every version, the latest one's cells,
	 * and the roster members who may be scheduled.
	 * @param actor a party to the contract
	 * @param contractId the contract
	 * @param month the month
	 * @return the month
	 * @throws InvalidInputProblem when the month is outside the contract's period
	 */
	@Transactional(readOnly = true)
	public Month month(Actor actor, UUID contractId, YearMonth month) {
		Contract contract = this.contracts.get(actor, contractId);
		requireInPeriod(contract, month);
		List<WorkSchedule> versions = this.schedules.findByContractIdAndMonthOrderByVersionDesc(contractId,
				month.toString());
		List<WorkShift> cells = versions.isEmpty() ? List.of()
				: this.shifts.findByScheduleIdOrderByMemberNameAscDayAsc(versions.get(0).getId());
		List<RosterMember> members = new ArrayList<>();
		for (RosterMember member : this.rosterReads.membersUnscoped(contractId)) {
			boolean works = month.atDay(1).datesUntil(month.atEndOfMonth().plusDays(1)).anyMatch(member::worksOn);
			boolean scheduled = cells.stream().anyMatch((c) -> c.getMemberId().equals(member.getId()));
			if (works || scheduled) {
				members.add(member);
			}
		}
		return new Month(contract, month, versions, cells, members, monthObligation(contractId, month),
				mayEdit(actor, contract));
	}

	/**
	 * Saves a month's schedule: replaces the draft, or starts the next version when the
	 * latest was submitted. Nothing is saved when a cell is at fault.
	 * @param actor the contractor's lead
	 * @param contractId the contract
	 * @param month the month
	 * @param lines every non-empty cell
	 * @param source where the cells come from
	 * @return the saved version (a draft)
	 * @throws InvalidInputProblem naming every cell at fault, e.g. a person not on the
	 * roster as working that day; or when nothing changed since the submitted version
	 */
	@Transactional
	public WorkSchedule save(Actor actor, UUID contractId, YearMonth month, List<ScheduleLine> lines,
			WorkSchedule.Source source) {
		Contract contract = editable(actor, contractId);
		requireInPeriod(contract, month);
		List<RosterMatch.Person> roster = this.rosterReads.membersUnscoped(contractId)
			.stream()
			.map(RosterMatch.Person::of)
			.toList();
		List<ScheduleCheck.Cell> cells = ScheduleCheck.check(month, lines, roster);
		Instant now = Instant.now(this.clock);
		Optional<WorkSchedule> latest = this.schedules.findFirstByContractIdAndMonthOrderByVersionDesc(contractId,
				month.toString());
		WorkSchedule schedule;
		if (latest.isPresent() && latest.get().isDraft()) {
			schedule = latest.get();
			schedule.saved(source, actor.userId(), now);
			this.shifts.deleteBySchedule(schedule.getId());
		}
		else {
			if (latest.isPresent() && sameAs(latest.get(), cells)) {
				throw new InvalidInputProblem("schedule", "worksite.schedule.unchanged");
			}
			int version = latest.map(WorkSchedule::getVersion).orElse(0) + 1;
			schedule = this.schedules.save(new WorkSchedule(contractId, month, version, source, actor.userId(), now));
		}
		for (ScheduleCheck.Cell cell : cells) {
			this.shifts.save(new WorkShift(schedule.getId(), cell.person().id(), cell.person().name(), cell.day(),
					cell.shift()));
		}
		this.audit.record(AuditRecord.of("WORK_SCHEDULE_SAVED")
			.actor(actor)
			.target("WorkSchedule", schedule.getId())
			.detail("contract", contractId)
			.detail("month", month.toString())
			.detail("version", schedule.getVersion())
			.detail("source", source)
			.detail("cells", cells.size()));
		this.events.publishEvent(new WorkScheduleEvents.ScheduleChanged(contractId, month));
		return schedule;
	}

	/**
	 * Imports a month's schedule from a CSV file (UTF-8 or Shift_JIS) or workbook laid
	 * out as the grid (see {@link ScheduleImport}) and saves it as the draft.
	 * @param actor the contractor's lead
	 * @param contractId the contract
	 * @param month the month
	 * @param fileName the file's name
	 * @param content the file
	 * @return the saved version
	 * @throws InvalidInputProblem naming each line at fault; nothing is saved then
	 */
	@Transactional
	public WorkSchedule importFile(Actor actor, UUID contractId, YearMonth month, @Nullable String fileName,
			byte[] content) {
		editable(actor, contractId);
		List<ScheduleLine> lines = ScheduleImport.parse(TextTable.read(fileName, content), month);
		return save(actor, contractId, month, lines, WorkSchedule.Source.IMPORT);
	}

	/**
	 * Submits the month's draft: renders the written form and submits it to the month's
	 * obligation while that is open or returned; otherwise, when the month was submitted
	 * before, raises the change obligation for this version and submits to it.
	 * @param actor the contractor's lead
	 * @param contractId the contract
	 * @param month the month
	 * @return the submitted version
	 * @throws InvalidInputProblem when there is no draft, or it is empty
	 */
	@Transactional
	public WorkSchedule submit(Actor actor, UUID contractId, YearMonth month) {
		Contract contract = editable(actor, contractId);
		requireInPeriod(contract, month);
		List<WorkSchedule> versions = this.schedules.findByContractIdAndMonthOrderByVersionDesc(contractId,
				month.toString());
		if (versions.isEmpty() || !versions.get(0).isDraft()) {
			throw new InvalidInputProblem("schedule", "worksite.schedule.nothingToSubmit");
		}
		WorkSchedule schedule = versions.get(0);
		List<WorkShift> cells = this.shifts.findByScheduleIdOrderByMemberNameAscDayAsc(schedule.getId());
		if (cells.stream().allMatch(WorkShift::isOff)) {
			throw new InvalidInputProblem("schedule", "worksite.schedule.empty");
		}
		boolean submittedBefore = versions.stream().anyMatch((v) -> !v.isDraft());
		List<Obligation> targets = open(
				this.obligationReads.findUnscoped(contractId, Deliverable.WORK_SCHEDULE, month.toString()));
		String changeKey = null;
		LocalDate today = this.calendar.today();
		if (targets.isEmpty() && submittedBefore) {
			changeKey = changeKey(month, schedule.getVersion());
			targets = open(this.obligations.raise(contractId, ObligationTrigger.change(ChangeSubject.WORK_SCHEDULE),
					new Obligations.Occurrence(changeKey, today, this.form.subject(month, schedule.getVersion()),
							"WorkSchedule:" + schedule.getId())));
		}
		boolean change = changeKey != null || submittedBefore;
		Instant now = Instant.now(this.clock);
		byte[] pdf = this.form.render(contract, month, schedule.getVersion(), change, cells,
				ItakuTime.inTokyo(now).toLocalDate());
		String fileName = this.form.fileName(month, schedule.getVersion());
		UploadedDocument document = this.documents.accept(fileName, "application/pdf", new ByteArrayInputStream(pdf));
		schedule.submitted(actor.userId(), changeKey, document.key(), document.sha256(), document.fileName(), now);
		List<UUID> submitted = new ArrayList<>();
		for (Obligation obligation : targets) {
			this.obligations.submit(actor, obligation.getId(), this.form.comment(month, schedule.getVersion(), change),
					List.of(new Obligations.Upload(fileName, "application/pdf", new ByteArrayResource(pdf))));
			submitted.add(obligation.getId());
		}
		this.audit.record(AuditRecord.of("WORK_SCHEDULE_SUBMITTED")
			.actor(actor)
			.target("WorkSchedule", schedule.getId())
			.detail("contract", contractId)
			.detail("month", month.toString())
			.detail("version", schedule.getVersion())
			.detail("change", (changeKey != null) ? changeKey : "")
			.detail("sha256", document.sha256())
			.detail("obligations", submitted));
		return schedule;
	}

	/**
	 * Opens a submitted version's written form for a party to the contract; the view is
	 * audited.
	 * @param actor the acting user
	 * @param scheduleId the version
	 * @return the version and its PDF; the caller closes the stream
	 */
	@Transactional
	public OpenedSchedule open(Actor actor, UUID scheduleId) {
		WorkSchedule schedule = this.schedules.findById(scheduleId).orElseThrow(() -> new NotFoundProblem(WHAT));
		try {
			this.contracts.get(actor, schedule.getContractId());
		}
		catch (NotFoundProblem ex) {
			throw new NotFoundProblem(WHAT);
		}
		if (schedule.getDocumentKey() == null) {
			throw new NotFoundProblem(WHAT);
		}
		this.audit.record(AuditRecord.of("WORK_SCHEDULE_VIEWED")
			.actor(actor)
			.target("WorkSchedule", scheduleId)
			.detail("sha256", schedule.getSha256()));
		return new OpenedSchedule(schedule, this.documents.open(schedule.getDocumentKey()));
	}

	/**
	 * Returns the occurrence key of the change a version notifies.
	 * @param month the month
	 * @param version the version
	 * @return e.g. {@code SCHED-2026-12-v2}
	 */
	public static String changeKey(YearMonth month, int version) {
		return "SCHED-" + month + "-v" + version;
	}

	private boolean sameAs(WorkSchedule submitted, List<ScheduleCheck.Cell> cells) {
		Set<String> before = new HashSet<>();
		for (WorkShift shift : this.shifts.findByScheduleIdOrderByMemberNameAscDayAsc(submitted.getId())) {
			before.add(shift.getMemberId() + "@" + shift.getDay() + "=" + shift.shift().toLongText());
		}
		Set<String> after = new HashSet<>();
		for (ScheduleCheck.Cell cell : cells) {
			after.add(cell.person().id() + "@" + cell.day() + "=" + cell.shift().toLongText());
		}
		return before.equals(after);
	}

	private @Nullable Obligation monthObligation(UUID contractId, YearMonth month) {
		List<Obligation> found = this.obligationReads.findUnscoped(contractId, Deliverable.WORK_SCHEDULE,
				month.toString());
		return found.isEmpty() ? null : found.get(0);
	}

	private static List<Obligation> open(List<Obligation> obligations) {
		return obligations.stream()
			.filter((o) -> o.getStatus() == ObligationStatus.OPEN || o.getStatus() == ObligationStatus.RETURNED)
			.toList();
	}

	private static void requireInPeriod(Contract contract, YearMonth month) {
		if (month.isBefore(YearMonth.from(contract.getPeriodStart()))
				|| month.isAfter(YearMonth.from(contract.getPeriodEnd()))) {
			throw new InvalidInputProblem("month", "worksite.schedule.outsidePeriod");
		}
	}

	private Contract editable(Actor actor, UUID contractId) {
		Contract contract = this.contracts.get(actor, contractId);
		if (!mayEdit(actor, contract)) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		return contract;
	}

	/**
	 * A month of a contract's period.
	 *
	 * @param month the month
	 * @param latest its latest schedule version, or {@code null}
	 * @param obligation the month's planned obligation, or {@code null}
	 */
	public record MonthLine(YearMonth month, @Nullable WorkSchedule latest, @Nullable Obligation obligation) {
	}

	/**
	 * A month's schedule.
	 *
	 * @param contract the contract
	 * @param month the month
	 * @param versions every version, latest first
	 * @param cells the latest version's cells
	 * @param members the roster members who may be scheduled (working on a day of the
	 * month) or are scheduled
	 * @param obligation the month's planned obligation, or {@code null}
	 * @param mayEdit whether the actor may change and submit it
	 */
	public record Month(Contract contract, YearMonth month, List<WorkSchedule> versions, List<WorkShift> cells,
			List<RosterMember> members, @Nullable Obligation obligation, boolean mayEdit) {

		/**
		 * Returns the latest version.
		 * @return the version, or {@code null} when none was saved
		 */
		public @Nullable WorkSchedule latest() {
			return this.versions.isEmpty() ? null : this.versions.get(0);
		}

		/**
		 * Returns the latest version's cells by grid field name
		 * ({@code cell.<member>.<day>}).
		 * @return the cells' texts
		 */
		public Map<String, String> texts() {
			Map<String, String> texts = new LinkedHashMap<>();
			for (WorkShift cell : this.cells) {
				texts.put("cell." + cell.getMemberId() + "." + cell.getDay().getDayOfMonth(), cell.shift().toText());
			}
			return texts;
		}

	}

	/**
	 * A submitted version opened for reading.
	 *
	 * @param schedule the version
	 * @param content its PDF; the caller closes it
	 */
	public record OpenedSchedule(WorkSchedule schedule, InputStream content) {
	}

}
