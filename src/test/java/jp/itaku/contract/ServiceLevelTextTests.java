package jp.itaku.contract;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Targets read as an SLA annex states them, in Japanese and in English, and every kind of
 * measure and measurement period has a label in both languages.
 */
class ServiceLevelTextTests {

	private final ResourceBundleMessageSource messages = messages();

	private final ServiceLevelText text = new ServiceLevelText(this.messages);

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		source.setUseCodeAsDefaultMessage(false);
		return source;
	}

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	private static ServiceLevelTarget target(ServiceLevelMetric metric, String number, String duration) {
		return new ServiceLevelTarget("項目", metric, (number != null) ? new BigDecimal(number) : null, duration,
				MeasurementPeriod.MONTHLY, null);
	}

	@Test
	void japanese() {
		LocaleContextHolder.setLocale(Locale.JAPANESE);
		assertThat(this.text.target(target(ServiceLevelMetric.PERCENT_MIN, "99.500", null))).isEqualTo("99.5%以上");
		assertThat(this.text.target(target(ServiceLevelMetric.DURATION_MAX, null, "PT30M"))).isEqualTo("30分以内");
		assertThat(this.text.target(target(ServiceLevelMetric.DURATION_MAX, null, "P1DT12H"))).isEqualTo("1日12時間以内");
		assertThat(this.text.target(target(ServiceLevelMetric.COUNT_MAX, "0", null))).isEqualTo("0件以下");
	}

	@Test
	void english() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(this.text.target(target(ServiceLevelMetric.PERCENT_MIN, "99.95", null)))
			.isEqualTo("at least 99.95%");
		assertThat(this.text.target(target(ServiceLevelMetric.DURATION_MAX, null, "PT1H"))).isEqualTo("within 1 hour");
		assertThat(this.text.target(target(ServiceLevelMetric.DURATION_MAX, null, "P2DT30S")))
			.isEqualTo("within 2 days 30 seconds");
		assertThat(this.text.target(target(ServiceLevelMetric.COUNT_MAX, "2", null))).isEqualTo("at most 2");
	}

	@Test
	void everyMeasureAndPeriodHasALabelInBothLanguages() {
		for (Locale locale : new Locale[] { Locale.JAPANESE, Locale.ENGLISH }) {
			for (ServiceLevelMetric metric : ServiceLevelMetric.values()) {
				assertThat(this.messages.getMessage("serviceLevelMetric." + metric, null, locale)).isNotBlank();
				assertThat(this.messages.getMessage("contract.serviceLevel.target." + metric, new Object[] { "1" },
						locale))
					.contains("1");
			}
			for (MeasurementPeriod period : MeasurementPeriod.values()) {
				assertThat(this.messages.getMessage("measurementPeriod." + period, null, locale)).isNotBlank();
			}
		}
	}

}
