package jp.itaku.calendar;

/**
 * The kinds of Japanese public holiday (国民の祝日 and the 休日 the holiday law and special laws
 * add), named in the calendar bundle ({@code calendar.holiday.NAME}).
 */
enum PublicHoliday {

	/** 元日 (1 January). */
	NEW_YEARS_DAY,

	/** 成人の日. */
	COMING_OF_AGE_DAY,

	/** 建国記念の日 (11 February). */
	NATIONAL_FOUNDATION_DAY,

	/** 天皇誕生日. */
	EMPERORS_BIRTHDAY,

	/** 春分の日. */
	VERNAL_EQUINOX_DAY,

	/** 昭和の日 (29 April, from 2007). */
	SHOWA_DAY,

	/** 憲法記念日 (3 May). */
	CONSTITUTION_MEMORIAL_DAY,

	/** みどりの日 (29 April 1989–2006, 4 May from 2007). */
	GREENERY_DAY,

	/** こどもの日 (5 May). */
	CHILDRENS_DAY,

	/** 海の日. */
	MARINE_DAY,

	/** 山の日. */
	MOUNTAIN_DAY,

	/** 敬老の日. */
	RESPECT_FOR_THE_AGED_DAY,

	/** 秋分の日. */
	AUTUMNAL_EQUINOX_DAY,

	/** 体育の日 (until 2019). */
	HEALTH_AND_SPORTS_DAY,

	/** スポーツの日 (from 2020). */
	SPORTS_DAY,

	/** 文化の日 (3 November). */
	CULTURE_DAY,

	/** 勤労感謝の日 (23 November). */
	LABOUR_THANKSGIVING_DAY,

	/** 振替休日: a public holiday on a Sunday moves to the next day that is not one. */
	SUBSTITUTE_HOLIDAY,

	/** 国民の休日: a day between two public holidays. */
	CITIZENS_HOLIDAY,

	/** 昭和天皇の大喪の礼 (24 February 1989). */
	FUNERAL_OF_EMPEROR_SHOWA,

	/** 即位礼正殿の儀 (12 November 1990, 22 October 2019). */
	ENTHRONEMENT_CEREMONY,

	/** 皇太子徳仁親王の結婚の儀 (9 June 1993). */
	CROWN_PRINCE_WEDDING,

	/** 天皇の即位の日 (1 May 2019). */
	ENTHRONEMENT_DAY;

	/**
	 * Returns the key of the holiday's name in the calendar bundle.
	 * @return e.g. {@code calendar.holiday.NEW_YEARS_DAY}
	 */
	String messageKey() {
		return "calendar.holiday." + name();
	}

}
