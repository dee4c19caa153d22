package jp.itaku.plan;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The plan of one periodic duty, as the contractor's lead states it: either an interval
 * from a first day, or a list of days.
 *
 * @param requirement the duty: its requirement key, e.g. {@code 16#1}
 * @param interval {@code P1M}, {@code P2M}, {@code P3M}, {@code P6M} or {@code P1Y}; with
 * {@code firstDate}
 * @param firstDate the first planned day of an interval
 * @param dates the planned days, instead of an interval
 */
public record PlanInput(@Nullable String requirement, @Nullable String interval, @Nullable LocalDate firstDate,
		@Nullable List<LocalDate> dates) {
}
