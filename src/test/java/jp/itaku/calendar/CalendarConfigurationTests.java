package jp.itaku.calendar;

import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calendar as a Spring bean: its settings bound from {@code itaku.calendar.*}, a bad
 * setting stopping start-up.
 */
class CalendarConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(CalendarConfiguration.class, WorkingCalendar.class)
		.withBean(Clock.class, Clock::systemUTC);

	@Test
	void theCalendarIsABeanWithTheDefaults() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(WorkingCalendar.class);
			assertThat(context.getBean(CalendarProperties.class)).isEqualTo(CalendarProperties.defaults());
		});
	}

	@Test
	void propertiesChangeTheCalendar() {
		this.runner
			.withPropertyValues("itaku.calendar.closed-day-rule=NEXT_OPEN_DAY", "itaku.calendar.year-end-closing=")
			.run((context) -> {
				WorkingCalendar calendar = context.getBean(WorkingCalendar.class);
				assertThat(calendar.isClosed(LocalDate.of(2026, 12, 30))).isFalse();
				assertThat(calendar.dueDate(LocalDate.of(2026, 6, 13))).isEqualTo(LocalDate.of(2026, 6, 15));
			});
	}

	@Test
	void aCalendarWithoutOpenWeekdaysDoesNotStart() {
		this.runner
			.withPropertyValues(
					"itaku.calendar.closed-weekdays=MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY")
			.run((context) -> assertThat(context).hasFailed());
	}

}
