/**
 * Working-day calendar: which days the municipality is closed (weekends, Japanese public
 * holidays, the year-end closing) and when a deadline that falls on a closed day is
 * really due, in Asia/Tokyo.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Working-day calendar")
package jp.itaku.calendar;
