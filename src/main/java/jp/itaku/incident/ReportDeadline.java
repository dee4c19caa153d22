package jp.itaku.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jp.itaku.calendar.DeadlineKind;
import jp.itaku.catalog.DeadlinePolicy;
import jp.itaku.catalog.Deliverable;
import jp.itaku.obligation.Obligation;
import jp.itaku.platform.ItakuTime;

import org.jspecify.annotations.Nullable;

/**
 * When an incident's report was due, by the term of the clause that applies on the
 * contract's profile: the incident's own INCIDENT_REPORT obligation, raised when it was
 * reported, is the one source (Setagaya 36 and Nerima 第24条 say 直ちに, Gunma 第16条 and Kadoma
 * 12(2) 速やかに). Where several clauses ask for a report, the earliest deadline counts. A
 * term counted in hours (直ちに as {@code PT1H}) runs by the clock from the detection; a
 * term counted in days is met on any time of its due date, which the working calendar
 * already moved off a closed day.
 *
 * @param clauseRef the clause whose term applies
 * @param policy the named term (直ちに, 速やかに, 遅滞なく), or {@code null} for a period
 * @param within the term's duration (e.g. {@code PT1H}, {@code P3D}), or {@code null}
 * when the obligation states none
 * @param dueDate the obligation's due date, in Tokyo
 * @param dueAt the instant the term ends for a term counted in hours, or {@code null}
 * when the whole due date counts
 * @param met whether the report came in time
 */
public record ReportDeadline(String clauseRef, @Nullable DeadlinePolicy policy, @Nullable String within,
		LocalDate dueDate, @Nullable Instant dueAt, boolean met) {

	/**
	 * Returns the deadline of an incident's report, from the obligations it raised.
	 * @param incident the incident
	 * @param raised the obligations of its occurrence (others are ignored)
	 * @return the earliest deadline of its INCIDENT_REPORT obligations; empty when the
	 * contract's profile asks for no report of this incident
	 */
	static Optional<ReportDeadline> of(Incident incident, List<Obligation> raised) {
		return raised.stream()
			.filter((o) -> o.getDeliverable() == Deliverable.INCIDENT_REPORT
					&& o.getOrigin() == Obligation.Origin.RAISED && incident.getNumber().equals(o.getPeriodKey())
					&& o.getDueDate() != null)
			.map((o) -> of(incident, o))
			.min(Comparator.comparing(ReportDeadline::dueDate)
				.thenComparing((d) -> (d.dueAt() != null) ? d.dueAt() : Instant.MAX));
	}

	private static ReportDeadline of(Incident incident, Obligation obligation) {
		Instant dueAt = null;
		if (obligation.getDueKind() == DeadlineKind.HOURS_AFTER_EVENT && obligation.getDueWithin() != null) {
			dueAt = ImmediateDeadline.after(incident.getDetectedAt(), obligation.getDueWithin());
		}
		// A raised obligation always has its due date.
		LocalDate dueDate = Objects.requireNonNull(obligation.getDueDate());
		boolean met = (dueAt != null) ? !incident.getReportedAt().isAfter(dueAt)
				: !ItakuTime.inTokyo(incident.getReportedAt()).toLocalDate().isAfter(dueDate);
		return new ReportDeadline(obligation.getClauseRef(), obligation.getDuePolicy(), obligation.getDueWithin(),
				dueDate, dueAt, met);
	}

}
