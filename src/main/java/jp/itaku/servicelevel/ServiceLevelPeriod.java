package jp.itaku.servicelevel;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import jp.itaku.contract.MeasurementPeriod;

/**
 * A period a service level is measured over, named by a key: a month ({@code 2026-10}), a
 * quarter of the Japanese fiscal year that starts in April ({@code FY2026-Q3} is October
 * to December 2026) or a fiscal year ({@code FY2026}).
 *
 * @param key the key
 * @param last the period's last day
 */
public record ServiceLevelPeriod(String key, LocalDate last) {

	/**
	 * Returns the periods of a kind that ended on or before a day, the latest first.
	 * @param kind how the target is measured
	 * @param today the day, in Tokyo
	 * @param count how many
	 * @return the periods
	 */
	public static List<ServiceLevelPeriod> ended(MeasurementPeriod kind, LocalDate today, int count) {
		List<ServiceLevelPeriod> periods = new ArrayList<>();
		YearMonth month = YearMonth.from(today).minusMonths(1);
		while (periods.size() < count) {
			ServiceLevelPeriod period = of(kind, month);
			if (periods.stream().noneMatch((p) -> p.key().equals(period.key())) && !period.last().isAfter(today)) {
				periods.add(period);
			}
			month = month.minusMonths(1);
		}
		return periods;
	}

	/**
	 * Returns the period of a kind a month falls in.
	 * @param kind how the target is measured
	 * @param month the month
	 * @return the period
	 */
	public static ServiceLevelPeriod of(MeasurementPeriod kind, YearMonth month) {
		int fiscalYear = (month.getMonthValue() >= 4) ? month.getYear() : month.getYear() - 1;
		return switch (kind) {
			case MONTHLY -> new ServiceLevelPeriod(month.toString(), month.atEndOfMonth());
			case QUARTERLY -> {
				int quarter = ((month.getMonthValue() + 8) % 12) / 3 + 1;
				YearMonth end = YearMonth.of(fiscalYear, 4).plusMonths(quarter * 3L - 1);
				yield new ServiceLevelPeriod("FY" + fiscalYear + "-Q" + quarter, end.atEndOfMonth());
			}
			case YEARLY -> new ServiceLevelPeriod("FY" + fiscalYear, LocalDate.of(fiscalYear + 1, 3, 31));
		};
	}

	/**
	 * Returns whether a key names a period of a kind.
	 * @param kind how the target is measured
	 * @param key the key
	 * @return {@code true} when it does
	 */
	public static boolean valid(MeasurementPeriod kind, String key) {
		if (key == null) {
			return false;
		}
		return switch (kind) {
			case MONTHLY -> key.matches("\\d{4}-(0[1-9]|1[0-2])");
			case QUARTERLY -> key.matches("FY\\d{4}-Q[1-4]");
			case YEARLY -> key.matches("FY\\d{4}");
		};
	}

}
