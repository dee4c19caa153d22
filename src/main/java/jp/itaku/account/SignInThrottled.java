package jp.itaku.account;

import java.time.Duration;

import jp.itaku.platform.TooManyRequestsProblem;

/**
 * A sign-in refused without looking at the credentials, because too many attempts failed
 * from the same source: answered with 429 and how long to wait.
 */
public class SignInThrottled extends TooManyRequestsProblem {

	/**
	 * Creates the refusal.
	 * @param wait how long the source must still wait
	 */
	public SignInThrottled(Duration wait) {
		super("error.signInThrottled", wait);
	}

}
