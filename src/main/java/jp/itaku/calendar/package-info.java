/**
 * Working-day calendar: which days the municipality is closed (weekends, Japanese public
 * holidays, the year-end closing) and when a deadline that falls on a closed day is
 * really due, in Asia/Tokyo.
 */
@NullMarked
@ApplicationModule(displayName = "Working-day calendar", allowedDependencies = { "platform" })
package jp.itaku.calendar;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
