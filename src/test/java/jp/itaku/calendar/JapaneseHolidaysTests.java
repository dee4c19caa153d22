package jp.itaku.calendar;

import java.time.LocalDate;
import java.time.Month;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Japanese public holidays by the rules of the holiday law: samples from 2019 to 2030 as
 * the Cabinet Office lists them (内閣府「国民の祝日について」), whole years, and the limits of the
 * rules.
 */
class JapaneseHolidaysTests {

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource({
			// 振替休日: 2025-11-23 (勤労感謝の日) is a Sunday.
			"2025-11-24, SUBSTITUTE_HOLIDAY",
			// 国民の休日 between 敬老の日 (21st) and 秋分の日 (23rd).
			"2026-09-21, RESPECT_FOR_THE_AGED_DAY", "2026-09-22, CITIZENS_HOLIDAY", "2026-09-23, AUTUMNAL_EQUINOX_DAY",
			// 春分の日 2027-03-21 is a Sunday.
			"2027-03-21, VERNAL_EQUINOX_DAY", "2027-03-22, SUBSTITUTE_HOLIDAY",
			// 成人の日: the second Monday of January.
			"2030-01-14, COMING_OF_AGE_DAY",
			// Fixed days.
			"2026-01-01, NEW_YEARS_DAY", "2028-05-03, CONSTITUTION_MEMORIAL_DAY", "2026-02-23, EMPERORS_BIRTHDAY",
			"2027-08-11, MOUNTAIN_DAY", "2029-04-29, SHOWA_DAY", "2029-11-23, LABOUR_THANKSGIVING_DAY",
			// 5 May 2030 is a Sunday; 3 and 4 May are holidays anyway, so the 6th is the
			// substitute.
			"2026-05-06, SUBSTITUTE_HOLIDAY", "2030-05-06, SUBSTITUTE_HOLIDAY",
			// 山の日 2030-08-11 is a Sunday.
			"2030-08-12, SUBSTITUTE_HOLIDAY",
			// 2019: the enthronement (特例法) made 1 May a holiday, and 30 April and 2 May
			// 国民の休日.
			"2019-04-30, CITIZENS_HOLIDAY", "2019-05-01, ENTHRONEMENT_DAY", "2019-05-02, CITIZENS_HOLIDAY",
			"2019-10-22, ENTHRONEMENT_CEREMONY",
			// Olympic moves (東京オリンピック特措法): 2020 and, moved again, 2021.
			"2020-07-23, MARINE_DAY", "2020-07-24, SPORTS_DAY", "2020-08-10, MOUNTAIN_DAY", "2021-07-22, MARINE_DAY",
			"2021-07-23, SPORTS_DAY", "2021-08-08, MOUNTAIN_DAY", "2021-08-09, SUBSTITUTE_HOLIDAY" })
	void holidaysFallWhereTheCabinetOfficeListsThem(LocalDate date, PublicHoliday holiday) {
		assertThat(JapaneseHolidays.on(date)).contains(holiday);
	}

	@ParameterizedTest(name = "{0} is an ordinary day")
	@CsvSource({
			// The Emperor's birthday moved from 23 December; 2019 had none.
			"2019-12-23", "2026-12-23", "2019-02-23",
			// The usual days of 2020 and 2021 that the Olympics moved away.
			"2020-07-20", "2020-08-11", "2020-10-12", "2021-07-19", "2021-08-11", "2021-10-11",
			// A holiday on a Saturday has no substitute: 天皇誕生日 2030-02-23.
			"2030-02-25" })
	void daysThatAreNotHolidays(LocalDate date) {
		assertThat(JapaneseHolidays.on(date)).isEmpty();
	}

	@Test
	void everyHolidayOf2026() {
		assertThat(JapaneseHolidays.in(2026).keySet()).containsExactly(date("2026-01-01"), date("2026-01-12"),
				date("2026-02-11"), date("2026-02-23"), date("2026-03-20"), date("2026-04-29"), date("2026-05-03"),
				date("2026-05-04"), date("2026-05-05"), date("2026-05-06"), date("2026-07-20"), date("2026-08-11"),
				date("2026-09-21"), date("2026-09-22"), date("2026-09-23"), date("2026-10-12"), date("2026-11-03"),
				date("2026-11-23"));
	}

	@Test
	void everyHolidayOf2027() {
		assertThat(JapaneseHolidays.in(2027).keySet()).containsExactly(date("2027-01-01"), date("2027-01-11"),
				date("2027-02-11"), date("2027-02-23"), date("2027-03-21"), date("2027-03-22"), date("2027-04-29"),
				date("2027-05-03"), date("2027-05-04"), date("2027-05-05"), date("2027-07-19"), date("2027-08-11"),
				date("2027-09-20"), date("2027-09-23"), date("2027-10-11"), date("2027-11-03"), date("2027-11-23"));
	}

	@Test
	void everyYearHasItsFixedHolidaysAndBothEquinoxes() {
		for (int year = 2025; year <= 2030; year++) {
			List<PublicHoliday> kinds = List.copyOf(JapaneseHolidays.in(year).values());
			assertThat(kinds).as("holidays of %d", year)
				.contains(PublicHoliday.NEW_YEARS_DAY, PublicHoliday.EMPERORS_BIRTHDAY,
						PublicHoliday.VERNAL_EQUINOX_DAY, PublicHoliday.SHOWA_DAY,
						PublicHoliday.CONSTITUTION_MEMORIAL_DAY, PublicHoliday.GREENERY_DAY,
						PublicHoliday.CHILDRENS_DAY, PublicHoliday.MARINE_DAY, PublicHoliday.MOUNTAIN_DAY,
						PublicHoliday.RESPECT_FOR_THE_AGED_DAY, PublicHoliday.AUTUMNAL_EQUINOX_DAY,
						PublicHoliday.SPORTS_DAY, PublicHoliday.CULTURE_DAY, PublicHoliday.LABOUR_THANKSGIVING_DAY);
		}
	}

	@Test
	void equinoxesAsTheGazetteAnnounced() {
		// 官報 (暦要項): 2024 20 Mar / 22 Sep, 2025 20 Mar / 23 Sep, 2026 20 Mar / 23 Sep,
		// 2027 21 Mar / 23 Sep.
		assertThat(JapaneseHolidays.vernalEquinoxDay(2024)).isEqualTo(20);
		assertThat(JapaneseHolidays.autumnalEquinoxDay(2024)).isEqualTo(22);
		assertThat(JapaneseHolidays.vernalEquinoxDay(2025)).isEqualTo(20);
		assertThat(JapaneseHolidays.autumnalEquinoxDay(2025)).isEqualTo(23);
		assertThat(JapaneseHolidays.vernalEquinoxDay(2026)).isEqualTo(20);
		assertThat(JapaneseHolidays.autumnalEquinoxDay(2026)).isEqualTo(23);
		assertThat(JapaneseHolidays.vernalEquinoxDay(2027)).isEqualTo(21);
		assertThat(JapaneseHolidays.autumnalEquinoxDay(2027)).isEqualTo(23);
		// Predicted: 2028 20 Mar / 22 Sep, 2030 20 Mar / 23 Sep.
		assertThat(JapaneseHolidays.vernalEquinoxDay(2028)).isEqualTo(20);
		assertThat(JapaneseHolidays.autumnalEquinoxDay(2028)).isEqualTo(22);
		assertThat(JapaneseHolidays.vernalEquinoxDay(2030)).isEqualTo(20);
		assertThat(JapaneseHolidays.autumnalEquinoxDay(2030)).isEqualTo(23);
	}

	@Test
	void olderRulesHoldForTheirYears() {
		// 体育の日 until 2019, スポーツの日 from 2020; 成人の日 on 15 January until 1999.
		assertThat(JapaneseHolidays.on(LocalDate.of(2019, Month.OCTOBER, 14)))
			.contains(PublicHoliday.HEALTH_AND_SPORTS_DAY);
		assertThat(JapaneseHolidays.on(LocalDate.of(1999, Month.JANUARY, 15)))
			.contains(PublicHoliday.COMING_OF_AGE_DAY);
		// 天皇誕生日 on 23 December 1989–2018, with its substitute on the 24th in 2018.
		assertThat(JapaneseHolidays.on(LocalDate.of(2018, Month.DECEMBER, 24)))
			.contains(PublicHoliday.SUBSTITUTE_HOLIDAY);
		// みどりの日 on 29 April until 2006, 5月4日 a 国民の休日 (but not on a Sunday, 2003).
		assertThat(JapaneseHolidays.on(LocalDate.of(2006, Month.APRIL, 29))).contains(PublicHoliday.GREENERY_DAY);
		assertThat(JapaneseHolidays.on(LocalDate.of(2006, Month.MAY, 4))).contains(PublicHoliday.CITIZENS_HOLIDAY);
		assertThat(JapaneseHolidays.on(LocalDate.of(2003, Month.MAY, 4))).isEmpty();
	}

	@Test
	void yearsOutsideTheRulesAreRefusedNotGuessed() {
		assertThatIllegalArgumentException().isThrownBy(() -> JapaneseHolidays.on(LocalDate.of(2100, 1, 1)))
			.withMessageContaining("1980–2099");
		assertThatIllegalArgumentException().isThrownBy(() -> JapaneseHolidays.in(1979));
	}

	private static LocalDate date(String text) {
		return LocalDate.parse(text);
	}

}
