package jp.itaku.worksite.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.obligation.Obligation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.worksite.EntryForm;
import jp.itaku.worksite.EntryLog;
import jp.itaku.worksite.EntryLogEntry;
import jp.itaku.worksite.ScheduleLine;
import jp.itaku.worksite.WorkSchedule;
import jp.itaku.worksite.WorkSchedules;
import jp.itaku.worksite.WorkShift;
import jp.itaku.platform.web.Idempotent;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Work schedules and the entry log over the REST API, scoped and audited as in the UI: a
 * month's schedule (read, replace the draft, submit) and a contract's entry log (read a
 * period, record an entry).
 */
@RestController
class WorksiteApiController {

	private final WorkSchedules schedules;

	private final EntryLog log;

	private final WorkingCalendar calendar;

	WorksiteApiController(WorkSchedules schedules, EntryLog log, WorkingCalendar calendar) {
		this.schedules = schedules;
		this.log = log;
		this.calendar = calendar;
	}

	@GetMapping("/api/v1/contracts/{id}/schedules/{month}")
	ScheduleView schedule(@PathVariable("id") UUID contractId, @PathVariable("month") String month) {
		return ScheduleView.of(this.schedules.month(CurrentActor.require(), contractId, MonthParam.parse(month)));
	}

	@PutMapping("/api/v1/contracts/{id}/schedules/{month}")
	ScheduleView replace(@PathVariable("id") UUID contractId, @PathVariable("month") String monthText,
			@RequestBody(required = false) ScheduleBody body) {
		YearMonth month = MonthParam.parse(monthText);
		Actor actor = CurrentActor.require();
		List<ScheduleLine> lines = new ArrayList<>();
		List<EntryBody> entries = (body != null && body.entries() != null) ? body.entries() : List.of();
		for (int i = 0; i < entries.size(); i++) {
			EntryBody entry = entries.get(i);
			if (entry.date() == null) {
				throw new InvalidInputProblem("entries[" + i + "].date", "validation.required");
			}
			lines.add(ScheduleLine.named(i, entry.name(), entry.date(), entry.cellText()));
		}
		this.schedules.save(actor, contractId, month, lines, WorkSchedule.Source.API);
		return ScheduleView.of(this.schedules.month(actor, contractId, month));
	}

	@PostMapping("/api/v1/contracts/{id}/schedules/{month}/submit")
	ScheduleView submit(@PathVariable("id") UUID contractId, @PathVariable("month") String monthText) {
		YearMonth month = MonthParam.parse(monthText);
		Actor actor = CurrentActor.require();
		this.schedules.submit(actor, contractId, month);
		return ScheduleView.of(this.schedules.month(actor, contractId, month));
	}

	@GetMapping("/api/v1/contracts/{id}/entry-log")
	List<EntryView> entries(@PathVariable("id") UUID contractId,
			@RequestParam(name = "from", required = false) LocalDate from,
			@RequestParam(name = "to", required = false) LocalDate to) {
		LocalDate last = (to != null) ? to : this.calendar.today();
		LocalDate first = (from != null) ? from : last.minusDays(30);
		if (first.isAfter(last) || first.plusYears(1).isBefore(last)) {
			throw new InvalidInputProblem("from", "worksite.entry.range");
		}
		return this.log.entries(CurrentActor.require(), contractId, first, last).stream().map(EntryView::of).toList();
	}

	@PostMapping("/api/v1/contracts/{id}/entry-log")
	@Idempotent
	ResponseEntity<EntryView> record(@PathVariable("id") UUID contractId,
			@RequestBody(required = false) EntryForm form) {
		EntryLogEntry entry = this.log.record(CurrentActor.require(), contractId,
				(form != null) ? form : new EntryForm(), EntryLogEntry.Source.API);
		return ResponseEntity.status(HttpStatus.CREATED).body(EntryView.of(entry));
	}

	/**
	 * A schedule to store as the month's draft.
	 *
	 * @param entries one entry per person and day
	 */
	record ScheduleBody(List<EntryBody> entries) {
	}

	/**
	 * One person on one day: a shift written as in a grid cell ({@code 日勤},
	 * {@code 9:00-17:45}, {@code 休}), or start and end, or off.
	 *
	 * @param name the name as on the roster
	 * @param date the day
	 * @param shift the cell's text
	 * @param start when work starts
	 * @param end when work ends
	 * @param off whether it is a day off
	 */
	record EntryBody(String name, LocalDate date, String shift, LocalTime start, LocalTime end, Boolean off) {

		String cellText() {
			if (Boolean.TRUE.equals(this.off)) {
				return "休";
			}
			if ((this.shift == null || this.shift.isBlank()) && this.start != null && this.end != null) {
				return this.start.getHour() + ":" + String.format("%02d", this.start.getMinute()) + "-"
						+ this.end.getHour() + ":" + String.format("%02d", this.end.getMinute());
			}
			return this.shift;
		}

	}

	/**
	 * A month's schedule as the API shows it.
	 *
	 * @param contractId the contract
	 * @param month the month
	 * @param version the latest version (0 when none)
	 * @param status its state
	 * @param submittedAt when it was submitted
	 * @param changeKey the change it notified, if any
	 * @param obligationId the month's planned obligation
	 * @param obligationStatus its status
	 * @param entries the latest version's cells
	 * @param versions every version, latest first
	 */
	record ScheduleView(UUID contractId, String month, int version, WorkSchedule.@Nullable Status status,
			@Nullable Instant submittedAt, @Nullable String changeKey, @Nullable UUID obligationId,
			@Nullable String obligationStatus, List<ShiftView> entries, List<VersionView> versions) {

		static ScheduleView of(WorkSchedules.Month month) {
			WorkSchedule latest = month.latest();
			Obligation obligation = month.obligation();
			return new ScheduleView(month.contract().getId(), month.month().toString(),
					(latest != null) ? latest.getVersion() : 0, (latest != null) ? latest.getStatus() : null,
					(latest != null) ? latest.getSubmittedAt() : null, (latest != null) ? latest.getChangeKey() : null,
					(obligation != null) ? obligation.getId() : null,
					(obligation != null) ? obligation.getStatus().name() : null,
					month.cells().stream().map(ShiftView::of).toList(),
					month.versions().stream().map(VersionView::of).toList());
		}

	}

	/**
	 * A cell.
	 *
	 * @param memberId the roster member
	 * @param name the name
	 * @param date the day
	 * @param off whether it is a day off
	 * @param label the shift's name
	 * @param start when work starts
	 * @param end when work ends
	 */
	record ShiftView(UUID memberId, String name, LocalDate date, boolean off, @Nullable String label,
			@Nullable LocalTime start, @Nullable LocalTime end) {

		static ShiftView of(WorkShift shift) {
			var s = shift.shift();
			return new ShiftView(shift.getMemberId(), shift.getMemberName(), shift.getDay(), s.off(), s.label(),
					s.start(), s.end());
		}

	}

	/**
	 * A version.
	 *
	 * @param id the version's id
	 * @param version its number
	 * @param status its state
	 * @param savedAt when it was last saved
	 * @param submittedAt when it was submitted
	 * @param changeKey the change it notified
	 * @param sha256 the hash of its written form
	 */
	record VersionView(UUID id, int version, WorkSchedule.Status status, Instant savedAt, @Nullable Instant submittedAt,
			@Nullable String changeKey, @Nullable String sha256) {

		static VersionView of(WorkSchedule s) {
			return new VersionView(s.getId(), s.getVersion(), s.getStatus(), s.getSavedAt(), s.getSubmittedAt(),
					s.getChangeKey(), s.getSha256());
		}

	}

	/**
	 * An entry of the entry log as the API shows it.
	 *
	 * @param id the entry
	 * @param name the name
	 * @param affiliation the affiliation
	 * @param purpose the purpose
	 * @param area the room or area
	 * @param enteredAt the time in
	 * @param leftAt the time out
	 * @param match on the roster, visitor, or flagged
	 * @param memberId the roster member, for an entry on the roster
	 */
	record EntryView(UUID id, String name, @Nullable String affiliation, @Nullable String purpose,
			@Nullable String area, Instant enteredAt, @Nullable Instant leftAt, EntryLogEntry.Match match,
			@Nullable UUID memberId) {

		static EntryView of(EntryLogEntry e) {
			return new EntryView(e.getId(), e.getName(), e.getAffiliation(), e.getPurpose(), e.getArea(),
					e.getEnteredAt(), e.getLeftAt(), e.getMatch(), e.getMemberId());
		}

	}

}
