package jp.itaku.obligation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import jp.itaku.calendar.DeadlineKind;
import jp.itaku.catalog.ClauseCategory;
import jp.itaku.catalog.Deliverable;
import jp.itaku.catalog.RequirementKind;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Periods read as officers name them: 「2026年12月分」, 「令和8年度 第1四半期」, a half or a fiscal
 * year, other spans by their days; never 「第P1期」 or an ISO date.
 */
class PeriodNameTests {

	private final ResourceBundleMessageSource messages = messages();

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	private static Obligation planned(String key, LocalDate start, LocalDate end) {
		return new Obligation(UUID.randomUUID(),
				new PlannedObligation("2(1)#1", "2(1)", ClauseCategory.values()[0], RequirementKind.values()[0],
						Deliverable.PERIODIC_REPORT, "定期報告書", "Periodic report", key, end.plusDays(10),
						DeadlineKind.CALENDAR_FIXED, null, null, start, end),
				Instant.EPOCH);
	}

	private String name(Obligation obligation, Locale locale) {
		return this.messages.getMessage("obligation.periodKey." + obligation.getPeriodKind(),
				obligation.getPeriodArguments(), locale);
	}

	@Test
	void aMonthReadsAsTheMonthItCovers() {
		Obligation december = planned("2026-12", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31));
		assertThat(name(december, Locale.JAPANESE)).isEqualTo("2026年12月分");
		assertThat(name(december, Locale.ENGLISH)).isEqualTo("For December 2026");
		Obligation monthly = planned("P3", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30));
		assertThat(name(monthly, Locale.JAPANESE)).isEqualTo("2026年6月分");
	}

	@Test
	void fiscalQuartersHalvesAndYearsReadAsOfficersNameThem() {
		assertThat(name(planned("P1", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30)), Locale.JAPANESE))
			.isEqualTo("令和8年度 第1四半期");
		assertThat(name(planned("P4", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 31)), Locale.JAPANESE))
			.isEqualTo("令和8年度 第4四半期");
		assertThat(name(planned("P4", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 31)), Locale.ENGLISH))
			.isEqualTo("Q4 of fiscal year 2026");
		assertThat(name(planned("P2", LocalDate.of(2026, 10, 1), LocalDate.of(2027, 3, 31)), Locale.JAPANESE))
			.isEqualTo("令和8年度 下半期");
		assertThat(name(planned("P1", LocalDate.of(2019, 4, 1), LocalDate.of(2020, 3, 31)), Locale.JAPANESE))
			.isEqualTo("平成31年度");
	}

	@Test
	void anyOtherSpanReadsAsItsDaysWithoutIsoDates() {
		Obligation odd = planned("P2", LocalDate.of(2026, 5, 15), LocalDate.of(2026, 8, 14));
		assertThat(name(odd, Locale.JAPANESE)).isEqualTo("令和8年5月15日（金）～令和8年8月14日（金）");
		assertThat(name(odd, Locale.ENGLISH)).isEqualTo("Fri 15 May 2026 to Fri 14 Aug 2026");
	}

	@Test
	void aPeriodWhoseDaysAreUnknownReadsByItsNumberNotItsKey() {
		Obligation old = new Obligation(UUID.randomUUID(),
				new PlannedObligation("2(1)#1", "2(1)", ClauseCategory.values()[0], RequirementKind.values()[0],
						Deliverable.PERIODIC_REPORT, "定期報告書", "Periodic report", "P1", LocalDate.of(2026, 7, 10),
						DeadlineKind.CALENDAR_FIXED, null, null),
				Instant.EPOCH);
		assertThat(name(old, Locale.JAPANESE)).isEqualTo("第1期");
	}

}
