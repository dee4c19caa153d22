package jp.itaku.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Personal API tokens: issued to a signed-in user (or for credentials given to
 * {@code POST /api/v1/tokens}), shown once, stored hashed, valid until they expire or are
 * revoked. A token acts with its user's role and scope, and stops working when the user
 * is disabled or locked.
 */
@Service
public class ApiTokens {

	private static final String PREFIX = "itk_";

	private static final SecureRandom RANDOM = new SecureRandom();

	/** A token's last use is recorded when the recorded one is older than this. */
	private static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);

	private static final Logger log = LoggerFactory.getLogger(ApiTokens.class);

	private final ApiTokenRepository repository;

	private final SignIn signIn;

	private final SecurityProperties.ApiToken properties;

	private final AuditTrail audit;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final JdbcClient jdbc;

	ApiTokens(ApiTokenRepository repository, SignIn signIn, SecurityProperties properties, AuditTrail audit,
			Clock clock, PlatformTransactionManager transactionManager, JdbcClient jdbc) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.jdbc = jdbc;
		this.repository = repository;
		this.signIn = signIn;
		this.properties = properties.apiToken();
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Issues a token to the acting user.
	 * @param actor the signed-in user
	 * @param name what the token is for
	 * @param validityDays days until it expires, {@code null} for the default
	 * @return the token and its secret value, shown once
	 * @throws InvalidInputProblem when the name is blank or the validity out of range
	 */
	@Transactional
	public IssuedToken issue(Actor actor, String name, Integer validityDays) {
		if (name == null || name.isBlank() || name.length() > 100) {
			throw new InvalidInputProblem("name", "token.name.invalid");
		}
		Duration validity = (validityDays != null) ? Duration.ofDays(validityDays) : this.properties.defaultValidity();
		if (validity.isNegative() || validity.isZero() || validity.compareTo(this.properties.maxValidity()) > 0) {
			throw new InvalidInputProblem("validityDays", "token.validity.range",
					this.properties.maxValidity().toDays());
		}
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		String value = PREFIX + secret;
		Instant now = Instant.now(this.clock).truncatedTo(ChronoUnit.MICROS);
		ApiToken token = this.repository.save(new ApiToken(actor.userId(), name.strip(),
				value.substring(0, PREFIX.length() + 6), Secrets.sha256(value), now, now.plus(validity)));
		this.audit.record(AuditRecord.of("API_TOKEN_CREATED")
			.actor(actor)
			.target("ApiToken", token.getId())
			.detail("name", token.getName())
			.detail("expiresAt", token.getExpiresAt().toString()));
		return new IssuedToken(token, value);
	}

	/**
	 * Issues a token for credentials, as {@code POST /api/v1/tokens} does, under the same
	 * waits and lock as the sign-in form ({@link SignIn#withCredentials}).
	 * @param username the sign-in name
	 * @param password the password
	 * @param code the TOTP or recovery code, when enrolled
	 * @param name what the token is for
	 * @param validityDays days until it expires, {@code null} for the default
	 * @param source the client's address
	 * @return the token, or empty when the credentials were refused
	 * @throws SignInThrottled when the source must wait before trying again
	 */
	public Optional<IssuedToken> issueForCredentials(String username, String password, String code, String name,
			Integer validityDays, String source) {
		SignIn.Attempt attempt = this.signIn.withCredentials(username, password, code, source);
		if (attempt instanceof SignIn.Attempt.Throttled throttled) {
			throw new SignInThrottled(throttled.retryAfter());
		}
		if (!(attempt instanceof SignIn.Attempt.Accepted accepted)) {
			return Optional.empty();
		}
		Actor actor = ((AccountPrincipal) accepted.authentication().getPrincipal()).actor();
		return Optional.of(this.transactions.execute((status) -> issue(actor, name, validityDays)));
	}

	/**
	 * Lists the acting user's tokens.
	 * @param actor the signed-in user
	 * @return the tokens, newest first
	 */
	@Transactional(readOnly = true)
	public List<ApiToken> list(Actor actor) {
		return this.repository.findByUserIdOrderByCreatedAtDesc(actor.userId());
	}

	/**
	 * Revokes a token of the acting user (the system administrator may revoke any).
	 * @param actor the signed-in user
	 * @param tokenId the token
	 * @throws NotFoundProblem when the token is not the actor's
	 */
	@Transactional
	public void revoke(Actor actor, UUID tokenId) {
		ApiToken token = this.repository.findById(tokenId)
			.filter((t) -> t.getUserId().equals(actor.userId()) || actor.is(Role.SYSTEM_ADMIN))
			.orElseThrow(() -> new NotFoundProblem("token.entity"));
		token.revoke(Instant.now(this.clock));
		this.audit.record(AuditRecord.of("API_TOKEN_REVOKED").actor(actor).target("ApiToken", tokenId));
	}

	/**
	 * Revokes every token of a user, when their access is cut ({@link UserSessions}).
	 * @param actor who cuts it ({@code null} for an operator command)
	 * @param userId the user
	 * @param reason why, as audited
	 * @return how many tokens were revoked
	 */
	@Transactional
	public int revokeAllOf(Actor actor, UUID userId, String reason) {
		Instant now = Instant.now(this.clock);
		List<ApiToken> active = this.repository.findByUserIdAndRevokedAtIsNull(userId);
		for (ApiToken token : active) {
			token.revoke(now);
			this.audit.record(AuditRecord.of("API_TOKEN_REVOKED")
				.actor(actor)
				.target("ApiToken", token.getId())
				.detail("reason", reason));
		}
		return active.size();
	}

	/**
	 * Signs in with a bearer token. The token's last use is recorded afterwards, outside
	 * any transaction of the request, and at most once a minute: parallel requests with
	 * one token never wait for or fail on each other.
	 * @param value the token as sent
	 * @return the user's authentication, or empty when the token is unknown, expired or
	 * revoked, or its user may no longer sign in
	 */
	public Optional<StepAuthentication> authenticate(String value) {
		if (value == null || !value.startsWith(PREFIX)) {
			return Optional.empty();
		}
		Instant now = Instant.now(this.clock);
		Optional<ApiToken> found = this.repository.findByTokenHash(Secrets.sha256(value))
			.filter((token) -> token.isUsableAt(now));
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Optional<StepAuthentication> authentication = this.signIn.completeAuthenticationOf(found.get().getUserId());
		authentication.ifPresent((a) -> recordUse(found.get(), now));
		return authentication;
	}

	/**
	 * Records when a token was last used: a plain conditional update of that one column,
	 * committed on its own, that neither bumps the token's version (a revocation at the
	 * same moment still succeeds) nor fails the request when the database refuses it.
	 */
	private void recordUse(ApiToken token, Instant now) {
		Instant stale = now.minus(LAST_USE_RESOLUTION);
		if (token.getLastUsedAt() != null && token.getLastUsedAt().isAfter(stale)) {
			return;
		}
		try {
			this.jdbc.sql("""
					update api_token set last_used_at = :now
					where id = :id and (last_used_at is null or last_used_at < :stale)
					""")
				.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
				.param("stale", OffsetDateTime.ofInstant(stale, ZoneOffset.UTC))
				.param("id", token.getId())
				.update();
		}
		catch (DataAccessException ex) {
			log.warn("The last use of API token {} was not recorded: {}", token.getId(), ex.getMessage());
		}
	}

	/**
	 * A token just issued.
	 *
	 * @param token the stored token
	 * @param value the secret value, shown once
	 */
	public record IssuedToken(ApiToken token, String value) {

		@Override
		public String toString() {
			return "IssuedToken[" + this.token.getId() + "]";
		}

	}

}
