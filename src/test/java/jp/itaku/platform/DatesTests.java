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
	void japaneseDatesCarryTheEra() {
		LocaleContextHolder.setLocale(Locale.JAPANESE);
		assertThat(this.dates.date(LocalDate.of(2025, 4, 1))).isEqualTo("令和7年4月1日");
		assertThat(this.dates.date(LocalDate.of(2019, 4, 30))).isEqualTo("平成31年4月30日");
	}

	@Test
	void theFirstYearOfAnEraIsGannen() {
		assertThat(Dates.wareki(LocalDate.of(2019, 5, 1))).isEqualTo("令和元年5月1日");
	}

	@Test
	void englishDatesAreIso() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(this.dates.date(LocalDate.of(2025, 4, 1))).isEqualTo("2025-04-01");
	}

	@Test
	void todayAndTimesAreTokyoNotUtc() {
		LocaleContextHolder.setLocale(Locale.JAPANESE);
		// 15:30 UTC on 31 March is 00:30 on 1 April in Tokyo.
		assertThat(this.dates.today()).isEqualTo("令和8年4月1日");
		assertThat(this.dates.dateTime(this.clock.instant())).isEqualTo("令和8年4月1日 00:30");
		assertThat(ItakuTime.today(this.clock)).isEqualTo(LocalDate.of(2026, 4, 1));
	}

}
