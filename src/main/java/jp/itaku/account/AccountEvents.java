package jp.itaku.account;

import java.util.UUID;

import jp.itaku.platform.Actor;

/**
 * What happens to accounts that other modules react to.
 */
public final class AccountEvents {

	private AccountEvents() {
	}

	/**
	 * A user's access was cut (disabled, role changed, password changed or reset, or a
	 * system administrator signed them out everywhere): their sessions are ended and
	 * every module that issued them a credential revokes it, synchronously and in the
	 * same transaction, so that the change and the revocation commit together.
	 *
	 * @param actor who cut it: a system administrator, the user (own password change), or
	 * {@code null} for an operator command
	 * @param userId the user
	 * @param reason why, as audited: {@code disabled}, {@code role_changed},
	 * {@code organisation_changed}, {@code password_changed}, {@code password_reset},
	 * {@code signed_out_everywhere}
	 */
	public record AccessRevoked(Actor actor, UUID userId, String reason) {
	}

}
