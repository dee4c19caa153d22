package jp.itaku.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Japanese public holidays computed by the rules of the holiday law (国民の祝日に関する法律) and the
 * special laws that moved or added days, for 1980 to 2099.
 * <p>
 * Covered: the fixed and "happy Monday" holidays with the years each rule was in force;
 * the equinox days by the formula used to predict the National Astronomical Observatory's
 * announcement (valid 1980–2099; the Cabinet Office confirms each year's date in February
 * of the year before); 振替休日 (a holiday on a Sunday moves to the next day that is not a
 * holiday); 国民の休日 (a day between two holidays, from 1986); the Emperor's birthday on 23
 * December until 2018, none in 2019 and 23 February from 2020; and the days of the
 * special laws: 1989-02-24, 1990-11-12, 1993-06-09, 2019-05-01, 2019-10-22, and the
 * Olympic moves of 海の日, スポーツの日 and 山の日 in 2020 and 2021.
 * <p>
 * Rules rather than a list so that future years are known; a library was tried first, but
 * jollyday 2.19.0's Japanese calendar lacks the equinoxes, the general 振替休日 rule and the
 * Emperor's birthday since 2019. A new special law must be added here.
 */
final class JapaneseHolidays {

	/** The first year the rules (and the equinox formula) hold for. */
	static final int FIRST_YEAR = 1980;

	/** The last year the equinox formula holds for. */
	static final int LAST_YEAR = 2099;

	private static final Map<Integer, Map<LocalDate, PublicHoliday>> BY_YEAR = new ConcurrentHashMap<>();

	private JapaneseHolidays() {
	}

	/**
	 * Returns the public holiday on a date.
	 * @param date the date
	 * @return the holiday, empty on an ordinary day
	 * @throws IllegalArgumentException if the date lies outside 1980–2099
	 */
	static Optional<PublicHoliday> on(LocalDate date) {
		return Optional.ofNullable(in(date.getYear()).get(date));
	}

	/**
	 * Returns the public holidays of a year.
	 * @param year the year
	 * @return the holidays by date, in date order, unmodifiable
	 * @throws IllegalArgumentException if the year lies outside 1980–2099
	 */
	static Map<LocalDate, PublicHoliday> in(int year) {
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			throw new IllegalArgumentException("Japanese public holidays are known for " + FIRST_YEAR + "–" + LAST_YEAR
					+ " only, not for " + year);
		}
		return BY_YEAR.computeIfAbsent(year, JapaneseHolidays::compute);
	}

	/**
	 * Returns the day of March of the vernal equinox day (春分の日).
	 * @param year a year in 1980–2099
	 * @return the day of the month
	 */
	static int vernalEquinoxDay(int year) {
		return equinoxDay(20_843_100, year);
	}

	/**
	 * Returns the day of September of the autumnal equinox day (秋分の日).
	 * @param year a year in 1980–2099
	 * @return the day of the month
	 */
	static int autumnalEquinoxDay(int year) {
		return equinoxDay(23_248_800, year);
	}

	/**
	 * The usual approximation,
	 * {@code floor(base + 0.242194 (Y − 1980) − floor((Y − 1980) / 4))}, in millionths of
	 * a day so that no floating point rounding can move a date.
	 */
	private static int equinoxDay(long baseMillionths, int year) {
		long elapsed = year - FIRST_YEAR;
		long millionths = baseMillionths + 242_194L * elapsed - 1_000_000L * (elapsed / 4);
		return (int) (millionths / 1_000_000L);
	}

	private static Map<LocalDate, PublicHoliday> compute(int year) {
		TreeMap<LocalDate, PublicHoliday> holidays = new TreeMap<>();
		nationalHolidays(year, holidays);
		specialLawHolidays(year, holidays);
		Map<LocalDate, PublicHoliday> national = Map.copyOf(holidays);
		substituteHolidays(year, national, holidays);
		citizensHolidays(year, national, holidays);
		return Collections.unmodifiableMap(holidays);
	}

	/** 国民の祝日 (holiday law, article 2), with the years each rule was in force. */
	private static void nationalHolidays(int year, Map<LocalDate, PublicHoliday> holidays) {
		holidays.put(LocalDate.of(year, Month.JANUARY, 1), PublicHoliday.NEW_YEARS_DAY);
		holidays.put((year < 2000) ? LocalDate.of(year, Month.JANUARY, 15) : nthMonday(year, Month.JANUARY, 2),
				PublicHoliday.COMING_OF_AGE_DAY);
		holidays.put(LocalDate.of(year, Month.FEBRUARY, 11), PublicHoliday.NATIONAL_FOUNDATION_DAY);
		if (year >= 2020) {
			holidays.put(LocalDate.of(year, Month.FEBRUARY, 23), PublicHoliday.EMPERORS_BIRTHDAY);
		}
		holidays.put(LocalDate.of(year, Month.MARCH, vernalEquinoxDay(year)), PublicHoliday.VERNAL_EQUINOX_DAY);
		holidays.put(LocalDate.of(year, Month.APRIL, 29), (year < 1989) ? PublicHoliday.EMPERORS_BIRTHDAY
				: (year < 2007) ? PublicHoliday.GREENERY_DAY : PublicHoliday.SHOWA_DAY);
		holidays.put(LocalDate.of(year, Month.MAY, 3), PublicHoliday.CONSTITUTION_MEMORIAL_DAY);
		if (year >= 2007) {
			holidays.put(LocalDate.of(year, Month.MAY, 4), PublicHoliday.GREENERY_DAY);
		}
		holidays.put(LocalDate.of(year, Month.MAY, 5), PublicHoliday.CHILDRENS_DAY);
		LocalDate marineDay = switch (year) {
			case 2020 -> LocalDate.of(2020, Month.JULY, 23);
			case 2021 -> LocalDate.of(2021, Month.JULY, 22);
			default -> (year < 1996) ? null
					: (year < 2003) ? LocalDate.of(year, Month.JULY, 20) : nthMonday(year, Month.JULY, 3);
		};
		if (marineDay != null) {
			holidays.put(marineDay, PublicHoliday.MARINE_DAY);
		}
		LocalDate mountainDay = switch (year) {
			case 2020 -> LocalDate.of(2020, Month.AUGUST, 10);
			case 2021 -> LocalDate.of(2021, Month.AUGUST, 8);
			default -> (year < 2016) ? null : LocalDate.of(year, Month.AUGUST, 11);
		};
		if (mountainDay != null) {
			holidays.put(mountainDay, PublicHoliday.MOUNTAIN_DAY);
		}
		holidays.put((year < 2003) ? LocalDate.of(year, Month.SEPTEMBER, 15) : nthMonday(year, Month.SEPTEMBER, 3),
				PublicHoliday.RESPECT_FOR_THE_AGED_DAY);
		holidays.put(LocalDate.of(year, Month.SEPTEMBER, autumnalEquinoxDay(year)), PublicHoliday.AUTUMNAL_EQUINOX_DAY);
		switch (year) {
			case 2020 -> holidays.put(LocalDate.of(2020, Month.JULY, 24), PublicHoliday.SPORTS_DAY);
			case 2021 -> holidays.put(LocalDate.of(2021, Month.JULY, 23), PublicHoliday.SPORTS_DAY);
			default ->
				holidays.put((year < 2000) ? LocalDate.of(year, Month.OCTOBER, 10) : nthMonday(year, Month.OCTOBER, 2),
						(year < 2020) ? PublicHoliday.HEALTH_AND_SPORTS_DAY : PublicHoliday.SPORTS_DAY);
		}
		holidays.put(LocalDate.of(year, Month.NOVEMBER, 3), PublicHoliday.CULTURE_DAY);
		holidays.put(LocalDate.of(year, Month.NOVEMBER, 23), PublicHoliday.LABOUR_THANKSGIVING_DAY);
		if (year >= 1989 && year <= 2018) {
			holidays.put(LocalDate.of(year, Month.DECEMBER, 23), PublicHoliday.EMPERORS_BIRTHDAY);
		}
	}

	/** Days the special laws made holidays (those of 2019 count as 国民の祝日). */
	private static void specialLawHolidays(int year, Map<LocalDate, PublicHoliday> holidays) {
		switch (year) {
			case 1989 -> holidays.put(LocalDate.of(1989, Month.FEBRUARY, 24), PublicHoliday.FUNERAL_OF_EMPEROR_SHOWA);
			case 1990 -> holidays.put(LocalDate.of(1990, Month.NOVEMBER, 12), PublicHoliday.ENTHRONEMENT_CEREMONY);
			case 1993 -> holidays.put(LocalDate.of(1993, Month.JUNE, 9), PublicHoliday.CROWN_PRINCE_WEDDING);
			case 2019 -> {
				holidays.put(LocalDate.of(2019, Month.MAY, 1), PublicHoliday.ENTHRONEMENT_DAY);
				holidays.put(LocalDate.of(2019, Month.OCTOBER, 22), PublicHoliday.ENTHRONEMENT_CEREMONY);
			}
			default -> {
			}
		}
	}

	/**
	 * 振替休日 (article 3(2)): a holiday on a Sunday makes the next day that is not a holiday
	 * one. Before 2007 the law said "the next day"; no year from 1980 differs.
	 */
	private static void substituteHolidays(int year, Map<LocalDate, PublicHoliday> national,
			Map<LocalDate, PublicHoliday> holidays) {
		for (LocalDate holiday : national.keySet()) {
			if (holiday.getDayOfWeek() == DayOfWeek.SUNDAY) {
				LocalDate substitute = holiday.plusDays(1);
				while (national.containsKey(substitute)) {
					substitute = substitute.plusDays(1);
				}
				if (substitute.getYear() == year) {
					holidays.putIfAbsent(substitute, PublicHoliday.SUBSTITUTE_HOLIDAY);
				}
			}
		}
	}

	/**
	 * 国民の休日 (article 3(3), from 1986): a day that is not a holiday between two holidays.
	 * Until 2006 the law left out Sundays.
	 */
	private static void citizensHolidays(int year, Map<LocalDate, PublicHoliday> national,
			Map<LocalDate, PublicHoliday> holidays) {
		if (year < 1986) {
			return;
		}
		for (LocalDate holiday : national.keySet()) {
			LocalDate between = holiday.plusDays(1);
			boolean sundayBefore2007 = year < 2007 && between.getDayOfWeek() == DayOfWeek.SUNDAY;
			if (national.containsKey(between.plusDays(1)) && !national.containsKey(between) && !sundayBefore2007) {
				holidays.putIfAbsent(between, PublicHoliday.CITIZENS_HOLIDAY);
			}
		}
	}

	private static LocalDate nthMonday(int year, Month month, int ordinal) {
		return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(ordinal, DayOfWeek.MONDAY));
	}

}
