package jp.itaku.account;

import jp.itaku.platform.CurrentActor;

import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Where a user stands between a correct password and full access. Each pending step
 * grants one authority that opens only that step's page.
 */
public enum SignInStep {

	/** Enter the code from the authenticator app (or a recovery code). */
	TOTP("STEP_TOTP", "/login/totp"),

	/** Replace a one-time or reset password. */
	PASSWORD_CHANGE("STEP_PASSWORD_CHANGE", "/account/password"),

	/** Enrol an authenticator app, required for the user's role. */
	TOTP_ENROLMENT("STEP_TOTP_ENROLMENT", "/account/totp"),

	/** Fully signed in. */
	COMPLETE(CurrentActor.FULLY_SIGNED_IN, "/");

	private final String authority;

	private final String page;

	SignInStep(String authority, String page) {
		this.authority = authority;
		this.page = page;
	}

	public SimpleGrantedAuthority authority() {
		return new SimpleGrantedAuthority(this.authority);
	}

	public String authorityName() {
		return this.authority;
	}

	public String page() {
		return this.page;
	}

}
