package jp.itaku.account;

import java.time.Duration;
import java.util.List;

import jp.itaku.platform.ItakuProblem;

import org.springframework.http.HttpStatus;

/**
 * A sign-in refused without looking at the credentials, because too many attempts failed
 * from the same source: answered with 429 and how long to wait.
 */
public class SignInThrottled extends ItakuProblem {

	private final Duration wait;

	/**
	 * Creates the refusal.
	 * @param wait how long the source must still wait
	 */
	public SignInThrottled(Duration wait) {
		super(HttpStatus.TOO_MANY_REQUESTS, "error.signInThrottled", List.of(), seconds(wait));
		this.wait = wait;
	}

	/**
	 * Returns how long the source must still wait, in whole seconds (at least one).
	 * @return the seconds
	 */
	public long retryAfterSeconds() {
		return seconds(this.wait);
	}

	private static long seconds(Duration wait) {
		return Math.max(1, (wait.toMillis() + 999) / 1000);
	}

}
