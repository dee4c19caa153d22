package jp.itaku.account;

import java.time.Duration;
import java.util.Set;

import jp.itaku.platform.Role;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in rules, all configurable ({@code itaku.security.*}).
 *
 * @param idleTimeout a session ends after this long without a request (clause: lock the
 * screen when leaving the seat)
 * @param lockout failed sign-ins that lock an account, and for how long
 * @param password password strength rules
 * @param totp which roles must use two-factor sign-in, and the issuer shown in
 * authenticator apps
 * @param apiToken validity of API tokens
 */
@ConfigurationProperties("itaku.security")
public record SecurityProperties(@DefaultValue("15m") Duration idleTimeout, @DefaultValue Lockout lockout,
		@DefaultValue Password password, @DefaultValue Totp totp, @DefaultValue ApiToken apiToken) {

	/**
	 * The lock of an account for every source, after failed sign-ins from any source
	 * (passwords and second-factor codes); before it, failures slow down only their own
	 * source ({@link ThrottleProperties}).
	 *
	 * @param maxAttempts failures since the last completed sign-in that lock the account
	 * @param duration how long the lock lasts
	 */
	public record Lockout(@DefaultValue("50") int maxAttempts, @DefaultValue("15m") Duration duration) {
	}

	/**
	 * Password strength.
	 *
	 * @param minLength the least number of characters
	 * @param minScore the least zxcvbn score (0–4)
	 */
	public record Password(@DefaultValue("12") int minLength, @DefaultValue("3") int minScore) {
	}

	/**
	 * Two-factor sign-in.
	 *
	 * @param requiredRoles roles that must enrol
	 * @param issuer the name authenticator apps show
	 */
	public record Totp(@DefaultValue("SYSTEM_ADMIN,CLIENT_SECURITY_ADMIN,CLIENT_OFFICER") Set<Role> requiredRoles,
			@DefaultValue("Itaku") String issuer) {
	}

	/**
	 * API tokens.
	 *
	 * @param defaultValidity validity when none is asked for
	 * @param maxValidity the longest validity allowed
	 */
	public record ApiToken(@DefaultValue("90d") Duration defaultValidity, @DefaultValue("365d") Duration maxValidity) {
	}

}
