package jp.itaku.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.jspecify.annotations.Nullable;

/**
 * Time as the clauses mean it: dates and deadlines in Asia/Tokyo, instants stored in UTC.
 * Nothing in the application reads the JVM's default zone.
 */
public final class ItakuTime {

	/** The zone of every date the clauses speak of. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

	private ItakuTime() {
	}

	/**
	 * Returns today's date in Tokyo.
	 * @param clock the clock to read
	 * @return the date in Asia/Tokyo
	 */
	public static LocalDate today(Clock clock) {
		return LocalDate.now(clock.withZone(ZONE));
	}

	/**
	 * Returns an instant as a Tokyo date-time.
	 * @param instant the instant
	 * @return the same instant in Asia/Tokyo
	 */
	public static ZonedDateTime inTokyo(Instant instant) {
		return instant.atZone(ZONE);
	}

}
