package jp.itaku.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;

import jp.itaku.platform.ItakuTime;

/**
 * A term the contract agreed as a deadline in time: the ISO-8601 duration (e.g. the
 * contract's "immediately" (直ちに) {@code PT1H}; days, weeks, months and years count as
 * calendar periods in Tokyo) added to the instant the clock starts. Measures the client's
 * acknowledgement against 直ちに, and an incident's report against its clause's term when
 * that is counted in hours ({@link ReportDeadline}).
 */
final class ImmediateDeadline {

	private ImmediateDeadline() {
	}

	/**
	 * Returns when the duration ends.
	 * @param from when the clock started
	 * @param iso the contract's duration, e.g. {@code PT1H} or {@code P1D}
	 * @return the deadline
	 */
	static Instant after(Instant from, String iso) {
		if (iso == null || iso.isBlank()) {
			return from;
		}
		int time = iso.indexOf('T');
		String datePart = (time >= 0) ? iso.substring(0, time) : iso;
		var at = ItakuTime.inTokyo(from);
		if (datePart.length() > 1) {
			at = at.plus(Period.parse(datePart));
		}
		if (time >= 0) {
			at = at.plus(Duration.parse("P" + iso.substring(time)));
		}
		return at.toInstant();
	}

	/**
	 * Returns whether something that started at {@code from} and happened at {@code at}
	 * happened within the duration.
	 * @param from when the clock started
	 * @param at when it happened
	 * @param iso the duration
	 * @return {@code true} when in time
	 */
	static boolean met(Instant from, Instant at, String iso) {
		return !at.isAfter(after(from, iso));
	}

}
