package jp.itaku.account;

import java.util.ArrayList;
import java.util.List;

import jp.itaku.platform.Actor;
import jp.itaku.platform.ActorPrincipal;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The authentication of a user who gave a correct password: either still in a pending
 * {@link SignInStep}, holding only that step's authority, or complete, holding their
 * role.
 */
public final class StepAuthentication extends AbstractAuthenticationToken {

	/** Kept in web sessions, which live in the database and are read by every node. */
	private static final long serialVersionUID = 1L;

	private final ActorPrincipal principal;

	private final SignInStep step;

	private final boolean secondFactorDone;

	StepAuthentication(ActorPrincipal principal, SignInStep step, boolean secondFactorDone) {
		super(authorities(principal.actor(), step));
		this.principal = principal;
		this.step = step;
		this.secondFactorDone = secondFactorDone;
		setAuthenticated(true);
	}

	private static List<GrantedAuthority> authorities(Actor actor, SignInStep step) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(step.authority());
		if (step == SignInStep.COMPLETE) {
			authorities.add(new SimpleGrantedAuthority(actor.role().authority()));
		}
		return authorities;
	}

	@Override
	public @Nullable Object getCredentials() {
		return null;
	}

	@Override
	public Object getPrincipal() {
		return this.principal;
	}

	@Override
	public String getName() {
		return this.principal.actor().username();
	}

	/**
	 * Returns the step the user is in.
	 * @return the pending step, or {@link SignInStep#COMPLETE}
	 */
	public SignInStep getStep() {
		return this.step;
	}

	boolean isSecondFactorDone() {
		return this.secondFactorDone;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof StepAuthentication that && super.equals(that) && this.step == that.step;
	}

	@Override
	public int hashCode() {
		return super.hashCode() * 31 + this.step.hashCode();
	}

}
