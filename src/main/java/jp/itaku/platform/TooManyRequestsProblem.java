package jp.itaku.platform;

import java.time.Duration;
import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A request refused because its source made too many: answered with 429, the named
 * message (whose first argument is the wait in seconds) and {@code Retry-After}.
 */
public class TooManyRequestsProblem extends ItakuProblem {

	private final long retryAfterSeconds;

	/**
	 * Creates the refusal.
	 * @param messageKey the message key of the detail; its argument is the wait in
	 * seconds
	 * @param wait how long the source must still wait
	 */
	public TooManyRequestsProblem(String messageKey, Duration wait) {
		this(messageKey, seconds(wait));
	}

	private TooManyRequestsProblem(String messageKey, long seconds) {
		super(HttpStatus.TOO_MANY_REQUESTS, messageKey, List.of(), seconds);
		this.retryAfterSeconds = seconds;
	}

	/**
	 * Returns how long the source must still wait, in whole seconds (at least one).
	 * @return the seconds
	 */
	public long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

	private static long seconds(Duration wait) {
		return Math.max(1, (wait.toMillis() + 999) / 1000);
	}

}
