package jp.itaku.servicelevel;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;

import jp.itaku.contract.MeasurementPeriod;
import jp.itaku.platform.InvalidInputProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Measurement periods follow the Japanese fiscal year (April to March), and only ended
 * periods can be recorded.
 */
class ServiceLevelPeriodTests {

	@Test
	void quartersAndYearsFollowTheFiscalYear() {
		assertThat(ServiceLevelPeriod.of(MeasurementPeriod.QUARTERLY, YearMonth.of(2026, 4)))
			.isEqualTo(new ServiceLevelPeriod("FY2026-Q1", LocalDate.of(2026, 6, 30)));
		assertThat(ServiceLevelPeriod.of(MeasurementPeriod.QUARTERLY, YearMonth.of(2026, 12)))
			.isEqualTo(new ServiceLevelPeriod("FY2026-Q3", LocalDate.of(2026, 12, 31)));
		assertThat(ServiceLevelPeriod.of(MeasurementPeriod.QUARTERLY, YearMonth.of(2027, 2)))
			.isEqualTo(new ServiceLevelPeriod("FY2026-Q4", LocalDate.of(2027, 3, 31)));
		assertThat(ServiceLevelPeriod.of(MeasurementPeriod.YEARLY, YearMonth.of(2027, 3)))
			.isEqualTo(new ServiceLevelPeriod("FY2026", LocalDate.of(2027, 3, 31)));
		assertThat(ServiceLevelPeriod.valid(MeasurementPeriod.QUARTERLY, "FY2026-Q3")).isTrue();
		assertThat(ServiceLevelPeriod.valid(MeasurementPeriod.MONTHLY, "2026-13")).isFalse();
	}

	@Test
	void onlyEndedPeriodsAreOffered() {
		LocalDate today = LocalDate.of(2026, 11, 22);
		assertThat(ServiceLevelPeriod.ended(MeasurementPeriod.MONTHLY, today, 3)).extracting(ServiceLevelPeriod::key)
			.containsExactly("2026-10", "2026-09", "2026-08");
		assertThat(ServiceLevelPeriod.ended(MeasurementPeriod.QUARTERLY, today, 2)).extracting(ServiceLevelPeriod::key)
			.containsExactly("FY2026-Q2", "FY2026-Q1");
		assertThat(ServiceLevelPeriod.ended(MeasurementPeriod.YEARLY, today, 1)).extracting(ServiceLevelPeriod::key)
			.containsExactly("FY2025");
	}

	@Test
	void valuesAreReadAsTheTargetMeasuresThemOrRefusedNamingTheValue() {
		var availability = jp.itaku.contract.ServiceLevelMetric.PERCENT_MIN;
		var firstCall = jp.itaku.contract.ServiceLevelMetric.DURATION_MAX;
		assertThat(ServiceLevels.parse(availability, "９９．８%")).isEqualTo(new BigDecimal("99.8"));
		assertThat(ServiceLevels.parse(firstCall, "2時間")).isEqualTo(Duration.ofHours(2));
		assertThat(ServiceLevels.parse(firstCall, "PT45M")).isEqualTo(Duration.ofMinutes(45));
		assertThatThrownBy(() -> ServiceLevels.parse(availability, "101")).isInstanceOf(InvalidInputProblem.class)
			.satisfies((ex) -> assertThat(((InvalidInputProblem) ex).getFieldProblems().get(0).messageKey())
				.isEqualTo("servicelevel.error.value.percent"));
		assertThatThrownBy(() -> ServiceLevels.parse(firstCall, "すぐ")).isInstanceOf(InvalidInputProblem.class)
			.satisfies((ex) -> assertThat(((InvalidInputProblem) ex).getFieldProblems().get(0).field())
				.isEqualTo("value"));
	}

}
