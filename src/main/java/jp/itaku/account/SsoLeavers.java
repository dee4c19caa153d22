package jp.itaku.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.organisation.OrganisationSystemReads;
import jp.itaku.platform.crypto.FieldEncryptor;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The records of the leaver check (issue 22: a leaver disabled in the directory cannot
 * sign in to Itaku anymore, and their Itaku sessions end at the next check). Each SSO
 * link keeps the provider's refresh token, encrypted at rest; the check
 * ({@code account.web.SsoLeaverCheck}) asks the provider to refresh it for every user who
 * still has a way in (a live session or an API token in force). When the provider refuses
 * the grant ({@code invalid_grant}: the account is disabled, deleted, or its grant was
 * revoked), {@link #refused} ends every session and API token of the user, marks the link
 * disabled and audits {@code SSO_LINK_DISABLED}; the user's next sign-in at the provider,
 * which a leaver cannot make, enables it again. A provider that cannot be reached ends
 * nothing.
 */
@Service
public class SsoLeavers {

	private static final int MAX_DESCRIPTION = 200;

	private final JdbcClient jdbc;

	private final UserAccountRepository users;

	private final OrganisationSystemReads organisations;

	private final UserSessions sessions;

	private final FieldEncryptor encryptor;

	private final AuditTrail audit;

	private final Clock clock;

	SsoLeavers(JdbcClient jdbc, UserAccountRepository users, OrganisationSystemReads organisations,
			UserSessions sessions, FieldEncryptor encryptor, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.organisations = organisations;
		this.sessions = sessions;
		this.encryptor = encryptor;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Returns the links to check now: those with a refresh token and not disabled, of
	 * enabled users who have a live session or an API token in force (whoever has neither
	 * has no way into Itaku but through the provider, which refuses a leaver), the
	 * longest unchecked first.
	 * @return the links with their refresh tokens, decrypted
	 */
	@Transactional(readOnly = true)
	public List<Grant> toCheck() {
		return this.jdbc
			.sql("select i.id, i.provider, i.subject, i.user_id, i.refresh_token_ciphertext from sso_identity i"
					+ " join user_account u on u.id = i.user_id"
					+ " where i.refresh_token_ciphertext is not null and i.disabled_at is null and u.enabled"
					+ " and (exists (select 1 from spring_session s where s.principal_name = u.username"
					+ " and s.expiry_time > (extract(epoch from clock_timestamp()) * 1000)::bigint)"
					+ " or exists (select 1 from api_token t where t.user_id = u.id and t.revoked_at is null"
					+ " and t.expires_at > :now))" + " order by i.checked_at nulls first, i.id")
			.param("now", Timestamp.from(Instant.now(this.clock)))
			.query((rs, row) -> {
				UUID id = rs.getObject("id", UUID.class);
				return new Grant(id, rs.getString("provider"), rs.getString("subject"),
						rs.getObject("user_id", UUID.class),
						this.encryptor.decrypt(rs.getString("refresh_token_ciphertext"),
								AccountEncryption.SSO_REFRESH_TOKENS.context(id)));
			})
			.list();
	}

	/**
	 * Records that the provider refreshed a link's grant: the user is still in the
	 * directory. A refresh token that a sign-in replaced meanwhile is left as it is.
	 * @param grant the link as it was read
	 * @param refreshToken the refresh token the provider answered with (the same or a new
	 * one)
	 */
	@Transactional
	public void refreshed(Grant grant, String refreshToken) {
		if (!stillHolds(grant, false)) {
			return;
		}
		Instant now = Instant.now(this.clock);
		this.jdbc.sql("update sso_identity set refresh_token_ciphertext = :token, checked_at = :now where id = :id")
			.param("token",
					this.encryptor.encrypt(refreshToken, AccountEncryption.SSO_REFRESH_TOKENS.context(grant.id())))
			.param("now", Timestamp.from(now))
			.param("id", grant.id())
			.update();
	}

	/**
	 * Ends the access of a user whose grant the provider refused: every session and API
	 * token ends on every node, the link is disabled and its refresh token forgotten.
	 * Audited as {@code SSO_LINK_DISABLED} (provider, subject, the provider's error, the
	 * sessions ended) and {@code USER_ACCESS_REVOKED}. Nothing happens when the user
	 * signed in at the provider again since the link was read (a new refresh token).
	 * @param grant the link as it was read
	 * @param error the provider's error code ({@code invalid_grant})
	 * @param description the provider's description of it, or {@code null}
	 * @return whether the link was disabled
	 */
	@Transactional
	public boolean refused(Grant grant, String error, @Nullable String description) {
		if (!stillHolds(grant, true)) {
			return false;
		}
		Instant now = Instant.now(this.clock);
		this.jdbc
			.sql("update sso_identity set refresh_token_ciphertext = null, checked_at = :now, disabled_at = :now,"
					+ " disabled_reason = :reason where id = :id")
			.param("now", Timestamp.from(now))
			.param("reason", error.substring(0, Math.min(error.length(), 64)))
			.param("id", grant.id())
			.update();
		UserAccount user = this.users.findById(grant.userId()).orElseThrow();
		UserSessions.Revoked revoked = this.sessions.revoke(SignIn.actorOf(user, this.organisations), user,
				"sso_grant_refused", null);
		AuditRecord entry = AuditRecord.of("SSO_LINK_DISABLED")
			.target("UserAccount", user.getId())
			.detail("provider", grant.provider())
			.detail("subject", grant.subject())
			.detail("error", error)
			.detail("sessionsEnded", revoked.sessions())
			.detail("apiTokensRevoked", revoked.apiTokens());
		if (description != null && !description.isBlank()) {
			entry.detail("errorDescription", description.substring(0, Math.min(description.length(), MAX_DESCRIPTION)));
		}
		this.audit.record(entry);
		return true;
	}

	/**
	 * Locks a link and returns whether it still holds the refresh token it was read with
	 * (when a sign-in at the provider has replaced it since, the provider's answer about
	 * the old one no longer counts).
	 * @param grant the link as it was read
	 * @param enabledOnly whether a disabled link counts as changed
	 */
	private boolean stillHolds(Grant grant, boolean enabledOnly) {
		String stored = this.jdbc
			.sql("select refresh_token_ciphertext from sso_identity where id = :id"
					+ (enabledOnly ? " and disabled_at is null" : "") + " for update")
			.param("id", grant.id())
			.query(String.class)
			.optional()
			.orElse(null);
		return stored != null && grant.refreshToken()
			.equals(this.encryptor.decrypt(stored, AccountEncryption.SSO_REFRESH_TOKENS.context(grant.id())));
	}

	/**
	 * An SSO link to check.
	 *
	 * @param id the link's id
	 * @param provider the provider's id
	 * @param subject the user's subject at the provider
	 * @param userId the linked account
	 * @param refreshToken the provider's refresh token (never logged)
	 */
	public record Grant(UUID id, String provider, String subject, UUID userId, String refreshToken) {

		@Override
		public String toString() {
			return "Grant[" + this.provider + "/" + this.subject + "]";
		}

	}

}
