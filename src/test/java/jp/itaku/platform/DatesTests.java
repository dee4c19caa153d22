package jp.itaku.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dates as officers read them: with the era in Japanese, in Asia/Tokyo whatever the JVM's
 * zone.
 */
class DatesTests {

	private final Clock clock = Clock.fixed(Instant.parse("2026-03-31T15:30:00Z"), ZoneOffset.UTC);

	private final Dates dates = new Dates(this.clock);

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void japaneseDatesCarryTheEraAndTheWeekday() {
		LocaleContextHolder.setLocale(Locale.JAPANESE);
		assertThat(this.dates.date(LocalDate.of(2025, 4, 1))).isEqualTo("令和7年4月1日（火）");
		assertThat(this.dates.date(LocalDate.of(2019, 4, 30))).isEqualTo("平成31年4月30日（火）");
		assertThat(this.dates.date(LocalDate.of(2026, 12, 7))).isEqualTo("令和8年12月7日（月）");
	}

	@Test
	void bothCalendarsSideBySideWhereOfficersExpectBoth() {
		LocaleContextHolder.setLocale(Locale.JAPANESE);
		assertThat(this.dates.dateBoth(LocalDate.of(2026, 12, 7))).isEqualTo("令和8年（2026年）12月7日（月）");
		assertThat(this.dates.dateBoth(LocalDate.of(2019, 5, 1))).isEqualTo("令和元年（2019年）5月1日（水）");
		assertThat(this.dates.dateBoth(null)).isEmpty();
	}

	@Test
	void theFirstYearOfAnEraIsGannen() {
		assertThat(Dates.wareki(LocalDate.of(2019, 5, 1))).isEqualTo("令和元年5月1日");
	}

	@Test
	void englishDatesCarryTheWeekdayAndNoIsoForm() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(this.dates.date(LocalDate.of(2025, 4, 1))).isEqualTo("Tue 1 Apr 2025");
		assertThat(this.dates.dateBoth(LocalDate.of(2025, 4, 1))).isEqualTo("Tue 1 Apr 2025");
	}

	@Test
	void todayAndTimesAreTokyoNotUtc() {
		LocaleContextHolder.setLocale(Locale.JAPANESE);
		// 15:30 UTC on 31 March is 00:30 on 1 April in Tokyo.
		assertThat(this.dates.today()).isEqualTo("令和8年4月1日（水）");
		assertThat(this.dates.dateTime(this.clock.instant())).isEqualTo("令和8年4月1日（水） 00:30");
		assertThat(ItakuTime.today(this.clock)).isEqualTo(LocalDate.of(2026, 4, 1));
	}

}
