package jp.itaku.calendar;

/**
 * What a deadline that falls on a closed day becomes. Labels are in the calendar bundle
 * ({@code closedDayRule.NAME}).
 */
enum ClosedDayRule {

	/**
	 * 前開庁日: the last open day before the closed day. What outsourcing contracts usually
	 * require of a contractor.
	 */
	PREVIOUS_OPEN_DAY,

	/**
	 * 翌開庁日: the first open day after the closed day. What the Local Autonomy Act (地方自治法
	 * 第4条の2第4項) and the Civil Code (民法第142条) apply to statutory deadlines.
	 */
	NEXT_OPEN_DAY,

	/** The deadline stays on the closed day. */
	AS_IS;

}
