package jp.itaku.obligation;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import jp.itaku.platform.Dates;

/**
 * How people name the period an obligation covers, as the label
 * {@code obligation.periodKey.<kind>} with its arguments: a month as 「2026年12月分」, a
 * fiscal quarter (April to March) as 「令和8年度 第1四半期」, a half as 「令和8年度 上半期」, a fiscal year
 * as 「令和8年度」, any other span by its first and last day, and a raised obligation by what
 * happened and when. Arguments are given for both languages; each label picks the ones it
 * needs.
 *
 * @param kind the label's kind
 * @param arguments the label's arguments
 */
record PeriodName(String kind, Object[] arguments) {

	private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH);

	private static final DateTimeFormatter ENGLISH_MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);

	/**
	 * Names an obligation's period.
	 * @param obligation the obligation
	 * @return the kind and, for {@code MONTH}: year, month, English month; for
	 * {@code QUARTER}, {@code HALF}, {@code FISCAL_YEAR}: the fiscal year with its era
	 * (令和8), the quarter or half (1, 2…), the Western fiscal year; for {@code RANGE}:
	 * first and last day in Japanese, then in English; for {@code PERIOD}: its number;
	 * for {@code EVENT}: the day it happened in Japanese, the subject, the day in
	 * English; for {@code PLAN} (or {@code PLAN_EVERY_<interval>} when the implementation
	 * plan states one): the planned day in Japanese, nothing, the day in English
	 */
	static PeriodName of(Obligation obligation) {
		if (obligation.getOrigin() == Obligation.Origin.SCHEDULED) {
			LocalDate on = obligation.getOccurredOn();
			String interval = obligation.getSubject();
			return new PeriodName((interval == null || interval.isEmpty()) ? "PLAN" : "PLAN_EVERY_" + interval,
					new Object[] { (on != null) ? Dates.wareki(on) + Dates.weekday(on) : "", "",
							(on != null) ? ENGLISH.format(on) : "" });
		}
		if (obligation.getOrigin() == Obligation.Origin.RAISED) {
			LocalDate on = obligation.getOccurredOn();
			String subject = (obligation.getSubject() != null) ? obligation.getSubject() : "";
			return new PeriodName("EVENT", new Object[] { (on != null) ? Dates.wareki(on) + Dates.weekday(on) : "",
					subject, (on != null) ? ENGLISH.format(on) : "" });
		}
		String key = obligation.getPeriodKey();
		LocalDate start = obligation.getPeriodStart();
		LocalDate end = obligation.getPeriodEnd();
		if (key.matches("\\d{4}-\\d{2}")) {
			LocalDate month = LocalDate.parse(key + "-01");
			return new PeriodName("MONTH", new Object[] { String.valueOf(month.getYear()), month.getMonthValue(),
					ENGLISH_MONTH.format(month) });
		}
		if (!key.startsWith("P")) {
			return new PeriodName(key, new Object[] { key, "" });
		}
		if (start == null || end == null) {
			return new PeriodName("PERIOD", new Object[] { key.substring(1), "" });
		}
		if (start.getDayOfMonth() == 1 && end.plusDays(1).getDayOfMonth() == 1) {
			int months = (int) ChronoUnit.MONTHS.between(start, end.plusDays(1));
			int fiscalYear = (start.getMonthValue() >= Month.APRIL.getValue()) ? start.getYear() : start.getYear() - 1;
			int monthOfFiscalYear = (start.getMonthValue() + 12 - Month.APRIL.getValue()) % 12;
			if (months == 1) {
				return new PeriodName("MONTH", new Object[] { String.valueOf(start.getYear()), start.getMonthValue(),
						ENGLISH_MONTH.format(start) });
			}
			if (months == 3 && monthOfFiscalYear % 3 == 0) {
				return fiscal("QUARTER", fiscalYear, monthOfFiscalYear / 3 + 1);
			}
			if (months == 6 && monthOfFiscalYear % 6 == 0) {
				return fiscal("HALF", fiscalYear, monthOfFiscalYear / 6 + 1);
			}
			if (months == 12 && monthOfFiscalYear == 0) {
				return fiscal("FISCAL_YEAR", fiscalYear, 1);
			}
		}
		return new PeriodName("RANGE", new Object[] { Dates.wareki(start) + Dates.weekday(start),
				Dates.wareki(end) + Dates.weekday(end), ENGLISH.format(start), ENGLISH.format(end) });
	}

	private static PeriodName fiscal(String kind, int fiscalYear, int part) {
		String wareki = Dates.wareki(LocalDate.of(fiscalYear, Month.APRIL, 1));
		return new PeriodName(kind,
				new Object[] { wareki.substring(0, wareki.indexOf('年')), part, String.valueOf(fiscalYear) });
	}

}
