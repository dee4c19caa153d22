package jp.itaku.account.web;

import java.time.Duration;

import jp.itaku.account.SignIn;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The sign-in form's password step, through {@link SignIn#withPassword}: the source
 * address is the client's (behind a trusted proxy, the forwarded one), a refusal says
 * nothing more than "refused", and a source that must wait is told how long.
 */
@Component
class PasswordAuthentication implements AuthenticationProvider {

	private final SignIn signIn;

	PasswordAuthentication(SignIn signIn) {
		this.signIn = signIn;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String source = (authentication.getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : null;
		Object credentials = authentication.getCredentials();
		SignIn.Attempt attempt = this.signIn.withPassword(authentication.getName(),
				(credentials != null) ? credentials.toString() : null, source);
		if (attempt instanceof SignIn.Attempt.Accepted accepted) {
			return accepted.authentication();
		}
		if (attempt instanceof SignIn.Attempt.Throttled throttled) {
			throw new Throttled(throttled.retryAfter());
		}
		throw new BadCredentialsException("refused");
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/** A sign-in refused because its source must wait. */
	static final class Throttled extends AuthenticationException {

		private final Duration wait;

		Throttled(Duration wait) {
			super("throttled");
			this.wait = wait;
		}

		/**
		 * Returns the wait in whole seconds, at least one.
		 * @return the seconds
		 */
		long seconds() {
			return Math.max(1, (this.wait.toMillis() + 999) / 1000);
		}

	}

}
