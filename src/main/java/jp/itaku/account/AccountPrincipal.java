package jp.itaku.account;

import java.util.Collection;
import java.util.List;

import jp.itaku.platform.Actor;
import jp.itaku.platform.ActorPrincipal;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as Spring Security holds it. Carries no password after sign-in.
 */
class AccountPrincipal implements UserDetails, ActorPrincipal {

	private static final long serialVersionUID = 1L;

	private final Actor actor;

	private final boolean enabled;

	private final boolean locked;

	private final transient @Nullable String passwordHash;

	AccountPrincipal(Actor actor, @Nullable String passwordHash, boolean enabled, boolean locked) {
		this.actor = actor;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.locked = locked;
	}

	@Override
	public Actor actor() {
		return this.actor;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of();
	}

	@Override
	public @Nullable String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.actor.username();
	}

	@Override
	public boolean isAccountNonLocked() {
		return !this.locked;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof AccountPrincipal that && this.actor.userId().equals(that.actor.userId());
	}

	@Override
	public int hashCode() {
		return this.actor.userId().hashCode();
	}

}
