package jp.itaku.platform;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Looks up the acting user of the current thread from the security context.
 */
public final class CurrentActor {

	private CurrentActor() {
	}

	/**
	 * Returns the acting user, if a fully signed-in user acts on this thread.
	 * @return the actor, or empty for anonymous requests and users still in a sign-in
	 * step
	 */
	public static Optional<Actor> find() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			return Optional.empty();
		}
		if (authentication.getPrincipal() instanceof ActorPrincipal principal
				&& authentication.getAuthorities().stream().anyMatch((a) -> FULLY_SIGNED_IN.equals(a.getAuthority()))) {
			return Optional.of(principal.actor());
		}
		return Optional.empty();
	}

	/**
	 * Returns the acting user.
	 * @return the actor
	 * @throws AccessDeniedProblem when nobody is fully signed in
	 */
	public static Actor require() {
		return find().orElseThrow(() -> new AccessDeniedProblem("error.signInRequired"));
	}

	/** The authority every fully signed-in user holds (after any second factor). */
	public static final String FULLY_SIGNED_IN = "SIGNED_IN";

}
