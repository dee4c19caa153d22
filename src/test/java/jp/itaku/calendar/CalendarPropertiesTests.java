package jp.itaku.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The calendar's settings as written in {@code application.properties}: defaults, ranges
 * of days, turning the closing off.
 */
class CalendarPropertiesTests {

	@Test
	void defaultsArePreviousOpenDayWeekendsAndTheYearEndClosing() {
		CalendarProperties bound = bind(Map.of());
		assertThat(bound).isEqualTo(CalendarProperties.defaults());
		assertThat(bound.closedDayRule()).isEqualTo(ClosedDayRule.PREVIOUS_OPEN_DAY);
		assertThat(bound.closedWeekdays()).containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
		assertThat(bound.yearEndClosing()).containsExactly(MonthDayRange.valueOf("12-29..01-03"));
	}

	@Test
	void settingsAsWrittenInProperties() {
		CalendarProperties bound = bind(Map.of("itaku.calendar.closed-day-rule", "next-open-day",
				"itaku.calendar.closed-weekdays", "SUNDAY", "itaku.calendar.year-end-closing", "12-28..01-04, 08-15"));
		assertThat(bound.closedDayRule()).isEqualTo(ClosedDayRule.NEXT_OPEN_DAY);
		assertThat(bound.closedWeekdays()).containsExactly(DayOfWeek.SUNDAY);
		assertThat(bound.yearEndClosing()).containsExactly(new MonthDayRange(MonthDay.of(12, 28), MonthDay.of(1, 4)),
				new MonthDayRange(MonthDay.of(8, 15), MonthDay.of(8, 15)));
	}

	@Test
	void emptyValuesTurnTheClosingAndTheClosedWeekdaysOff() {
		CalendarProperties bound = bind(
				Map.of("itaku.calendar.closed-weekdays", "", "itaku.calendar.year-end-closing", ""));
		assertThat(bound.closedWeekdays()).isEmpty();
		assertThat(bound.yearEndClosing()).isEmpty();
	}

	@Test
	void aMalformedRangeStopsStartUp() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("itaku.calendar.year-end-closing", "29.12.-03.01.")));
	}

	@Test
	void rangesWrapOverTheNewYear() {
		MonthDayRange yearEnd = MonthDayRange.valueOf("12-29..01-03");
		assertThat(yearEnd.contains(LocalDate.of(2026, 12, 28))).isFalse();
		assertThat(yearEnd.contains(LocalDate.of(2026, 12, 29))).isTrue();
		assertThat(yearEnd.contains(LocalDate.of(2027, 1, 3))).isTrue();
		assertThat(yearEnd.contains(LocalDate.of(2027, 1, 4))).isFalse();
		assertThat(yearEnd).hasToString("12-29..01-03");
		MonthDayRange obon = MonthDayRange.valueOf("08-13..08-16");
		assertThat(obon.contains(LocalDate.of(2026, 8, 12))).isFalse();
		assertThat(obon.contains(LocalDate.of(2026, 8, 16))).isTrue();
		assertThat(obon.contains(LocalDate.of(2026, 12, 30))).isFalse();
	}

	@Test
	void aRangeMustBeWrittenAsMonthDays() {
		assertThatIllegalArgumentException().isThrownBy(() -> MonthDayRange.valueOf("12/29-1/3"))
			.withMessageContaining("MM-dd..MM-dd");
		assertThatIllegalArgumentException().isThrownBy(() -> MonthDayRange.valueOf("13-01"));
	}

	private static CalendarProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("itaku.calendar",
				CalendarProperties.class);
	}

}
