package jp.itaku.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How sign-in attempts are slowed down ({@code itaku.security.throttle.*}): failures are
 * counted per user name and source address and per source address, and once the free
 * attempts are used up each further attempt from that source must wait, twice as long
 * after each failure. The lock that applies to every source is
 * {@link SecurityProperties.Lockout}, at a much higher count.
 *
 * @param freeAttempts failures of one user name from one source before attempts from
 * there wait
 * @param sourceFreeAttempts failures from one source, whatever the user names, before
 * every attempt from there waits
 * @param baseDelay the first wait; it doubles with each further failure
 * @param maxDelay the longest wait
 * @param window a source's counts start again after this long (a completed sign-in also
 * clears the count of its user name and source)
 * @param minAnswerTime the least time a refused sign-in takes to answer, so that unknown,
 * locked and wrong answers cannot be told apart by their timing
 */
@ConfigurationProperties("itaku.security.throttle")
record ThrottleProperties(@DefaultValue("5") int freeAttempts, @DefaultValue("20") int sourceFreeAttempts,
		@DefaultValue("1s") Duration baseDelay, @DefaultValue("15m") Duration maxDelay,
		@DefaultValue("1h") Duration window, @DefaultValue("300ms") Duration minAnswerTime) {

	/**
	 * Returns how long attempts wait after a number of failures.
	 * @param failures the failures counted
	 * @param free the failures that cost no wait
	 * @return the wait, zero while failures are fewer than the free ones
	 */
	Duration delayAfter(int failures, int free) {
		if (failures < free) {
			return Duration.ZERO;
		}
		int doublings = Math.min(failures - free, 40);
		Duration delay = this.baseDelay.multipliedBy(1L << Math.min(doublings, 30));
		return (doublings >= 30 || delay.compareTo(this.maxDelay) > 0) ? this.maxDelay : delay;
	}

}
