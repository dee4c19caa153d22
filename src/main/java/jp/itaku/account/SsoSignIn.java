package jp.itaku.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jp.itaku.audit.AuditOutcome;
import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.organisation.Organisation;
import jp.itaku.organisation.OrganisationSystemReads;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.platform.crypto.FieldEncryptor;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in of the client's staff through their organisation's OpenID Connect provider
 * (issue 22; Setagaya 15, Kadoma 4: only whom the client authorises, with the rights it
 * gives). The provider has already authenticated the user; this decides what Itaku makes
 * of it:
 * <ul>
 * <li>the account is found by the provider and its {@code sub} ({@code sso_identity}),
 * never by e-mail or user name;</li>
 * <li>a user without one is provisioned on the first sign-in, in the provider's
 * organisation, only when one of their groups maps to a role;</li>
 * <li>a user whose groups map to no role is refused (and their open sessions end);</li>
 * <li>a role that changed in the directory is applied, and the user's old sessions and
 * tokens end ({@link UserSessions#revoke});</li>
 * <li>when the provider's {@code amr}/{@code acr} prove a multi-factor sign-in, Itaku
 * asks for no TOTP code; otherwise the roles that must use two factors go through the
 * TOTP step (or its enrolment) as with a password;</li>
 * <li>the provider's refresh token, if it sent one, is kept with the link, encrypted at
 * rest, for the periodic leaver check ({@link SsoLeavers}); a sign-in at the provider
 * enables again a link that the check disabled (the provider has just authenticated the
 * user).</li>
 * </ul>
 * Everything is audited: {@code SSO_SIGN_IN}, {@code SSO_USER_PROVISIONED},
 * {@code SSO_ROLE_CHANGED}, {@code SSO_SIGN_IN_REFUSED}, {@code SSO_BACK_CHANNEL_LOGOUT}.
 */
@Service
public class SsoSignIn {

	private static final int MAX_USERNAME = 64;

	private final SsoProperties properties;

	private final UserAccountRepository users;

	private final JdbcClient jdbc;

	private final OrganisationSystemReads organisations;

	private final PasswordEncoder passwordEncoder;

	private final UserSessions sessions;

	private final SignIn signIn;

	private final AuditTrail audit;

	private final FieldEncryptor encryptor;

	private final Clock clock;

	SsoSignIn(SsoProperties properties, UserAccountRepository users, JdbcClient jdbc,
			OrganisationSystemReads organisations, PasswordEncoder passwordEncoder, UserSessions sessions,
			SignIn signIn, AuditTrail audit, FieldEncryptor encryptor, Clock clock) {
		this.properties = properties;
		this.users = users;
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.passwordEncoder = passwordEncoder;
		this.sessions = sessions;
		this.signIn = signIn;
		this.audit = audit;
		this.encryptor = encryptor;
		this.clock = clock;
	}

	/**
	 * Signs in a user whom a provider authenticated.
	 * @param providerId the provider's id
	 * @param claims the claims of the ID token and user info
	 * @param refreshToken the provider's refresh token, or {@code null} when it sent none
	 * @return the authentication in the user's next step, or the refusal
	 */
	@Transactional
	public Outcome signIn(String providerId, Map<String, Object> claims, @Nullable String refreshToken) {
		SsoProperties.Provider provider = this.properties.provider(providerId)
			.orElseThrow(() -> new IllegalArgumentException("Unknown SSO provider " + providerId));
		String subject = String.valueOf(claims.get("sub"));
		List<String> groups = strings(claims.get(provider.groupsClaim()));
		Instant now = Instant.now(this.clock);
		Optional<UserAccount> linked = linkedUser(providerId, subject);
		Optional<Role> role = provider.roleFor(groups);
		Organisation organisation = this.organisations.findByNameUnscoped(provider.organisation())
			.filter((found) -> found.getKind() == OrganisationKind.CLIENT)
			.orElse(null);
		if (organisation == null) {
			return refuse(providerId, subject, groups, linked.orElse(null), "organisation_unknown");
		}
		if (role.isEmpty() || !role.get().fits(organisation.getKind())) {
			linked.filter(UserAccount::isEnabled)
				.ifPresent((user) -> this.sessions.revoke(SignIn.actorOf(user, this.organisations), user,
						"sso_no_mapped_group", null));
			forgetRefreshToken(providerId, subject);
			return refuse(providerId, subject, groups, linked.orElse(null), "no_mapped_group");
		}
		UserAccount user = linked.orElse(null);
		if (user == null) {
			user = provision(provider, providerId, subject, claims, organisation, role.get(), groups, now);
		}
		else if (!user.isEnabled() || user.isLockedAt(now)) {
			return refuse(providerId, subject, groups, user, user.isEnabled() ? "locked" : "disabled");
		}
		else if (user.getRole() != role.get()) {
			Role before = user.getRole();
			user.update(user.getDisplayName(), user.getEmail(), role.get(), true, now);
			this.users.saveAndFlush(user);
			this.audit.record(AuditRecord.of("SSO_ROLE_CHANGED")
				.actor(SignIn.actorOf(user, this.organisations))
				.target("UserAccount", user.getId())
				.detail("provider", providerId)
				.detail("from", before.name())
				.detail("to", role.get().name()));
			this.sessions.revoke(SignIn.actorOf(user, this.organisations), user, "sso_role_changed", null);
		}
		boolean linkEnabledAgain = signedInAtProvider(providerId, subject, refreshToken, now);
		boolean multiFactor = provider.multiFactor(strings(claims.get("amr")), stringOrNull(claims.get("acr")));
		StepAuthentication next = this.signIn.authenticateBySso(user, multiFactor);
		this.audit.record(AuditRecord.of("SSO_SIGN_IN")
			.actor(SignIn.actorOf(user, this.organisations))
			.target("UserAccount", user.getId())
			.detail("provider", providerId)
			.detail("subject", subject)
			.detail("groupsMapped", String.join(", ", provider.mappedGroups(groups)))
			.detail("role", user.getRole().name())
			.detail("providerMultiFactor", multiFactor)
			.detail("refreshTokenKept", refreshToken != null)
			.detail("linkEnabledAgain", linkEnabledAgain)
			.detail("nextStep", next.getStep().name()));
		return new Outcome.Accepted(next);
	}

	/**
	 * Ends every session of the user whom a provider signed out (back-channel logout,
	 * after the caller checked the provider's logout token).
	 * @param providerId the provider's id
	 * @param subject the user's subject at the provider
	 * @return whether a linked user was found
	 */
	@Transactional
	public boolean signedOutAtProvider(String providerId, String subject) {
		Optional<UserAccount> linked = linkedUser(providerId, subject);
		AuditRecord entry = AuditRecord.of("SSO_BACK_CHANNEL_LOGOUT")
			.detail("provider", providerId)
			.detail("subject", subject);
		if (linked.isEmpty()) {
			this.audit.record(entry.outcome(AuditOutcome.FAILURE).detail("reason", "unknown_subject"));
			return false;
		}
		UserAccount user = linked.get();
		UserSessions.Revoked revoked = this.sessions.revoke(SignIn.actorOf(user, this.organisations), user,
				"sso_back_channel_logout", null);
		this.audit.record(entry.actor(SignIn.actorOf(user, this.organisations))
			.target("UserAccount", user.getId())
			.detail("sessionsEnded", revoked.sessions()));
		return true;
	}

	/**
	 * Records a sign-in at the provider on the link: the time, the provider's new refresh
	 * token (encrypted, bound to the link), and the link enabled again if the leaver
	 * check had disabled it.
	 * @return whether the link had been disabled
	 */
	private boolean signedInAtProvider(String providerId, String subject, @Nullable String refreshToken, Instant now) {
		UUID id = this.jdbc
			.sql("select id from sso_identity where provider = :provider and subject = :subject for update")
			.param("provider", providerId)
			.param("subject", subject)
			.query(UUID.class)
			.single();
		boolean wasDisabled = this.jdbc.sql("select disabled_at is not null from sso_identity where id = :id")
			.param("id", id)
			.query(Boolean.class)
			.single();
		this.jdbc
			.sql("update sso_identity set last_sign_in_at = :now, refresh_token_ciphertext = :token,"
					+ " checked_at = :now, disabled_at = null, disabled_reason = null where id = :id")
			.param("now", Timestamp.from(now))
			.param("token", (refreshToken != null)
					? this.encryptor.encrypt(refreshToken, AccountEncryption.SSO_REFRESH_TOKENS.context(id)) : null)
			.param("id", id)
			.update();
		return wasDisabled;
	}

	private void forgetRefreshToken(String providerId, String subject) {
		this.jdbc
			.sql("update sso_identity set refresh_token_ciphertext = null"
					+ " where provider = :provider and subject = :subject")
			.param("provider", providerId)
			.param("subject", subject)
			.update();
	}

	/**
	 * Returns the provider that a user is linked to, if any.
	 * @param userId the user
	 * @return the provider's id
	 */
	@Transactional(readOnly = true)
	public Optional<String> providerOf(UUID userId) {
		return this.jdbc.sql("select provider from sso_identity where user_id = :id order by last_sign_in_at desc")
			.param("id", userId)
			.query(String.class)
			.optional();
	}

	private UserAccount provision(SsoProperties.Provider provider, String providerId, String subject,
			Map<String, Object> claims, Organisation organisation, Role role, List<String> groups, Instant now) {
		String preferred = Optional.ofNullable(stringOrNull(claims.get("preferred_username"))).orElse(subject);
		String username = freeUsername(providerId + "." + preferred);
		String displayName = Optional.ofNullable(stringOrNull(claims.get("name"))).orElse(preferred);
		// No Itaku password: a random one that nobody ever learns.
		UserAccount user = new UserAccount(username, displayName, stringOrNull(claims.get("email")),
				organisation.getId(), role, this.passwordEncoder.encode(Secrets.oneTimePassword()), false, now);
		this.users.saveAndFlush(user);
		this.jdbc
			.sql("insert into sso_identity (provider, subject, user_id, created_at, last_sign_in_at)"
					+ " values (:provider, :subject, :user, :now, :now)")
			.param("provider", providerId)
			.param("subject", subject)
			.param("user", user.getId())
			.param("now", Timestamp.from(now))
			.update();
		this.audit.record(AuditRecord.of("SSO_USER_PROVISIONED")
			.actor(SignIn.actorOf(user, this.organisations))
			.target("UserAccount", user.getId())
			.detail("provider", providerId)
			.detail("subject", subject)
			.detail("username", username)
			.detail("organisationId", organisation.getId())
			.detail("role", role.name())
			.detail("groupsMapped", String.join(", ", provider.mappedGroups(groups))));
		return user;
	}

	private String freeUsername(String wanted) {
		String base = UserAccount.normalise(wanted);
		base = base.substring(0, Math.min(base.length(), MAX_USERNAME - 4));
		String candidate = base;
		for (int i = 2; this.users.existsByUsername(candidate); i++) {
			candidate = base + "-" + i;
		}
		return candidate;
	}

	private Outcome refuse(String providerId, String subject, List<String> groups, @Nullable UserAccount user,
			String reason) {
		AuditRecord entry = AuditRecord.of("SSO_SIGN_IN_REFUSED")
			.outcome(AuditOutcome.DENIED)
			.detail("provider", providerId)
			.detail("subject", subject)
			.detail("groups", String.join(", ", groups))
			.detail("reason", reason);
		if (user != null) {
			entry.actor(SignIn.actorOf(user, this.organisations)).target("UserAccount", user.getId());
		}
		this.audit.record(entry);
		return new Outcome.Refused(reason);
	}

	private Optional<UserAccount> linkedUser(String providerId, String subject) {
		return this.jdbc.sql("select user_id from sso_identity where provider = :provider and subject = :subject")
			.param("provider", providerId)
			.param("subject", subject)
			.query(UUID.class)
			.optional()
			.flatMap(this.users::findById);
	}

	private static List<String> strings(@Nullable Object claim) {
		if (claim instanceof Collection<?> values) {
			return values.stream().map(String::valueOf).toList();
		}
		if (claim instanceof String value && !value.isBlank()) {
			return List.of(value);
		}
		return List.of();
	}

	private static @Nullable String stringOrNull(@Nullable Object claim) {
		return (claim instanceof String value && !value.isBlank()) ? value.strip() : null;
	}

	/** What became of a sign-in through a provider. */
	public sealed interface Outcome {

		/**
		 * Signed in.
		 *
		 * @param authentication the authentication in the user's next step
		 */
		record Accepted(StepAuthentication authentication) implements Outcome {
		}

		/**
		 * Refused.
		 *
		 * @param reason why: {@code no_mapped_group}, {@code organisation_unknown},
		 * {@code disabled} or {@code locked}
		 */
		record Refused(String reason) implements Outcome {
		}

	}

}
