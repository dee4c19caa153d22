package jp.itaku.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jp.itaku.audit.AuditOutcome;
import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.organisation.Organisation;
import jp.itaku.organisation.OrganisationSystemReads;
import jp.itaku.organisation.Organisations;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ActorPrincipal;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.crypto.FieldEncryptor;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sign-in rules: which step follows a correct password, the slowing down of repeated
 * failures per user name and source address ({@link SignInThrottle}), the lock of an
 * account after many failures from any source (of passwords and of second-factor codes
 * alike, cleared only by a completed sign-in), and one-time use of TOTP and recovery
 * codes. Every attempt is audited. Nothing here tells a caller whether a user name exists
 * or an account is locked: the password hash is always compared, and a refused attempt
 * takes at least {@link ThrottleProperties#minAnswerTime()}.
 */
@Service
public class SignIn {

	/** Longer user names cannot exist; they are looked up as unknown. */
	private static final int MAX_USERNAME = 64;

	/**
	 * Compared against when a user name is unknown, so that the answer takes as long.
	 * Made on another thread while the application starts (an Argon2 hash, some 0.4 s
	 * when the JVM is cold), and awaited by the first sign-in that needs it.
	 */
	private final CompletableFuture<String> dummyHash;

	private final UserAccountRepository users;

	private final RecoveryCodeRepository recoveryCodes;

	private final Organisations organisations;

	private final OrganisationSystemReads organisationReads;

	private final TotpCodes totp;

	private final FieldEncryptor encryptor;

	private final SecurityProperties properties;

	private final ThrottleProperties throttleProperties;

	private final SignInThrottle throttle;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final PasswordEncoder passwordEncoder;

	private final TransactionTemplate transactions;

	private final LocalPasswords localPasswords;

	SignIn(UserAccountRepository users, RecoveryCodeRepository recoveryCodes, Organisations organisations,
			TotpCodes totp, FieldEncryptor encryptor, SecurityProperties properties,
			ThrottleProperties throttleProperties, SignInThrottle throttle, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock, PasswordEncoder passwordEncoder,
			PlatformTransactionManager transactionManager, OrganisationSystemReads organisationReads,
			LocalPasswords localPasswords) {
		this.localPasswords = localPasswords;
		this.organisationReads = organisationReads;
		this.passwordEncoder = passwordEncoder;
		this.dummyHash = CompletableFuture.supplyAsync(() -> passwordEncoder.encode(Secrets.oneTimePassword()));
		this.users = users;
		this.recoveryCodes = recoveryCodes;
		this.organisations = organisations;
		this.totp = totp;
		this.encryptor = encryptor;
		this.properties = properties;
		this.throttleProperties = throttleProperties;
		this.throttle = throttle;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Signs in with a user name and password (the first step of the sign-in form). The
	 * attempt is refused without looking at the password while the source must wait; a
	 * wrong password, an unknown user name and a locked or disabled account are refused
	 * alike, and count toward the waits and the lock. A correct password never clears the
	 * counts while a second factor is still to come.
	 * @param username the name as typed
	 * @param password the password as typed
	 * @param source the client's address
	 * @return the authentication in the user's next step, a refusal, or the wait
	 */
	public Attempt withPassword(String username, @Nullable String password, @Nullable String source) {
		long started = System.nanoTime();
		Compared compared = compare(username, password);
		Attempt attempt = this.transactions.execute((status) -> checkPassword(username, password, source, compared));
		if (!(attempt instanceof Attempt.Accepted)) {
			padAnswer(started);
		}
		return attempt;
	}

	/**
	 * Checks a second-factor code (or a recovery code) of a user in the TOTP step. A
	 * completed sign-in clears the counts of the user name and source and of the account.
	 * @param current the user's authentication
	 * @param code the code as typed
	 * @param source the client's address
	 * @return the authentication in the next step, a refusal (the failure counts toward
	 * the waits and the lock), or the wait
	 */
	@Transactional
	public Attempt withSecondFactor(StepAuthentication current, String code, String source) {
		UserAccount user = load(actorOfAuthentication(current).userId());
		Instant now = Instant.now(this.clock);
		Optional<Instant> wait = this.throttle.waitUntil(user.getUsername(), source, now);
		if (wait.isPresent()) {
			return throttled(user, null, source, now, wait.get());
		}
		if (user.isLockedAt(now) || !user.isEnabled()) {
			countFailure(user, user.getUsername(), null, source, "locked");
			return new Attempt.Refused();
		}
		Optional<String> method = useSecondFactor(user, code, now);
		if (method.isEmpty()) {
			countFailure(user, user.getUsername(), null, source, "bad_second_factor");
			return new Attempt.Refused();
		}
		this.throttle.signedIn(user.getUsername(), source);
		AuditRecord entry = AuditRecord.of("SIGN_IN_SECOND_FACTOR")
			.actor(actorOf(user, this.organisationReads))
			.target("UserAccount", user.getId())
			.detail("method", method.get());
		if (method.get().equals("recovery_code")) {
			entry.detail("remaining", this.recoveryCodes.countByUserIdAndUsedAtIsNull(user.getId()));
		}
		this.audit.record(entry);
		return new Attempt.Accepted(authenticate(user, true));
	}

	/**
	 * Checks credentials given outside the sign-in form (for an API token): password, and
	 * the second factor when the user is enrolled, under the same waits and lock as the
	 * form. Users who still must change their password or enrol an authenticator are
	 * refused.
	 * @param username the sign-in name
	 * @param password the password
	 * @param code the TOTP or recovery code, when enrolled
	 * @param source the client's address
	 * @return the user's complete authentication, a refusal, or the wait
	 */
	public Attempt withCredentials(String username, String password, String code, String source) {
		long started = System.nanoTime();
		Compared compared = compare(username, password);
		Attempt attempt = this.transactions.execute((status) -> {
			Attempt first = checkPassword(username, password, source, compared);
			if (!(first instanceof Attempt.Accepted accepted)) {
				return first;
			}
			StepAuthentication next = accepted.authentication();
			if (next.getStep() == SignInStep.TOTP) {
				Attempt second = withSecondFactor(next, code, source);
				if (!(second instanceof Attempt.Accepted verified)) {
					return second;
				}
				next = verified.authentication();
			}
			if (next.getStep() != SignInStep.COMPLETE) {
				this.audit.record(AuditRecord.of("SIGN_IN_FAILED")
					.actor(actorOfAuthentication(next))
					.target("UserAccount", actorOfAuthentication(next).userId())
					.outcome(AuditOutcome.DENIED)
					.detail("reason", "pending_" + next.getStep().name().toLowerCase(Locale.ROOT)));
				return new Attempt.Refused();
			}
			return new Attempt.Accepted(next);
		});
		if (!(attempt instanceof Attempt.Accepted)) {
			padAnswer(started);
		}
		return attempt;
	}

	/**
	 * Proves again, within a session, that the user is who they say: their password, and
	 * a current code or a recovery code when they are enrolled (before they replace their
	 * authenticator or recovery codes). Failures count toward the waits and the lock and
	 * are audited.
	 * @param userId the signed-in user
	 * @param password the password as typed
	 * @param code a current code or a recovery code, when enrolled
	 * @param source the client's address
	 * @param purpose what the proof is for, for the audit entry
	 * @return {@code true} when both are right; a wrong one is refused without saying
	 * which
	 */
	@Transactional
	public boolean reauthenticate(UUID userId, String password, String code, String source, String purpose) {
		UserAccount user = load(userId);
		Instant now = Instant.now(this.clock);
		boolean passwordRight = password != null && this.passwordEncoder.matches(password, user.getPasswordHash());
		if (this.throttle.waitUntil(user.getUsername(), source, now).isPresent() || user.isLockedAt(now)
				|| !user.isEnabled()) {
			this.audit.record(AuditRecord.of("REAUTHENTICATION_FAILED")
				.actor(actorOf(user, this.organisationReads))
				.target("UserAccount", userId)
				.outcome(AuditOutcome.DENIED)
				.detail("purpose", purpose)
				.detail("reason", "throttled"));
			return false;
		}
		String reason = !passwordRight ? "bad_credentials"
				: (user.isTotpEnabled() && useSecondFactor(user, code, now).isEmpty()) ? "bad_second_factor" : null;
		if (reason != null) {
			countFailure(user, user.getUsername(), null, source, reason);
			this.audit.record(AuditRecord.of("REAUTHENTICATION_FAILED")
				.actor(actorOf(user, this.organisationReads))
				.target("UserAccount", userId)
				.outcome(AuditOutcome.FAILURE)
				.detail("purpose", purpose)
				.detail("reason", reason));
			return false;
		}
		this.audit.record(AuditRecord.of("REAUTHENTICATED")
			.actor(actorOf(user, this.organisationReads))
			.target("UserAccount", userId)
			.detail("purpose", purpose));
		return true;
	}

	/**
	 * Returns the complete authentication of an active user, for API token sign-in.
	 * @param userId the user
	 * @return the authentication, or empty when the user is disabled or locked
	 */
	@Transactional(readOnly = true)
	public Optional<StepAuthentication> completeAuthenticationOf(UUID userId) {
		return this.users.findById(userId)
			.filter((user) -> user.isEnabled() && !user.isLockedAt(Instant.now(this.clock)))
			.map((user) -> new StepAuthentication(
					new AccountPrincipal(actorOf(user, this.organisationReads), null, true, false), SignInStep.COMPLETE,
					true));
	}

	/**
	 * Returns the authentication of a signed-in user after one of their steps is done or
	 * their account changed (password changed, authenticator enrolled).
	 * @param current the user's authentication
	 * @return the authentication in the user's next step
	 */
	@Transactional(readOnly = true)
	public StepAuthentication refresh(StepAuthentication current) {
		// Enrolling an authenticator proves possession of it: no second code right after.
		boolean secondFactorDone = current.isSecondFactorDone() || current.getStep() == SignInStep.TOTP_ENROLMENT;
		return authenticate(load(actorOfAuthentication(current).userId()), secondFactorDone);
	}

	/**
	 * Returns whether a user may still use the application: enabled and not locked.
	 * @param userId the user
	 * @return {@code true} when the user may go on
	 */
	@Transactional(readOnly = true)
	public boolean isActive(UUID userId) {
		return this.users.findById(userId)
			.map((user) -> user.isEnabled() && !user.isLockedAt(Instant.now(this.clock)))
			.orElse(false);
	}

	/**
	 * Audits a sign-out.
	 * @param actor who signed out
	 */
	@Transactional
	public void signedOut(Actor actor) {
		this.audit.record(AuditRecord.of("SIGN_OUT").actor(actor).target("UserAccount", actor.userId()));
	}

	static String totpContext(UUID userId) {
		return AccountEncryption.TOTP_SECRETS.context(userId);
	}

	/**
	 * Builds the actor of a user.
	 * @param user the user
	 * @param organisations the organisation register
	 * @return the actor
	 */
	static Actor actorOf(UserAccount user, OrganisationSystemReads organisations) {
		Organisation organisation = organisations.findUnscoped(user.getOrganisationId())
			.orElseThrow(() -> new IllegalStateException("User " + user.getId() + " has no organisation"));
		return new Actor(user.getId(), user.getUsername(), user.getDisplayName(), organisation.getId(),
				organisation.getName(), organisation.getKind(), user.getRole());
	}

	/**
	 * A typed password compared with the stored hash, before the sign-in's transaction:
	 * Argon2 costs tens of milliseconds of CPU, and a database connection held meanwhile
	 * starved the pool when many people signed in at once (50 officers in the dashboard
	 * benchmark got 503s after the pool's 3 s wait).
	 *
	 * @param hash the hash compared, {@code null} when no such user (a dummy was
	 * compared)
	 * @param right whether the password fits it
	 */
	private record Compared(@Nullable String hash, boolean right) {
	}

	/** Compares, outside any transaction, a password with the named user's hash. */
	private Compared compare(String typed, @Nullable String password) {
		Optional<UserAccount> found = find(UserAccount.normalise(typed));
		String hash = found.map(UserAccount::getPasswordHash).orElse(null);
		// The hash is compared whatever follows, so that every answer takes as long.
		return new Compared(hash, this.passwordEncoder.matches((password != null) ? password : "",
				(hash != null) ? hash : this.dummyHash.join()));
	}

	private Optional<UserAccount> find(String username) {
		return (username.isEmpty() || username.length() > MAX_USERNAME) ? Optional.empty()
				: this.users.findByUsername(username);
	}

	private Attempt checkPassword(String typed, @Nullable String password, @Nullable String source, Compared compared) {
		Instant now = Instant.now(this.clock);
		String username = UserAccount.normalise(typed);
		Optional<UserAccount> found = find(username);
		// Right only for the hash it was compared with: a password changed in between
		// refuses this attempt.
		boolean passwordRight = compared.right() && found.isPresent()
				&& found.get().getPasswordHash().equals(compared.hash());
		Optional<Instant> wait = this.throttle.waitUntil(username, source, now);
		if (wait.isPresent()) {
			return throttled(found.orElse(null), typed, source, now, wait.get());
		}
		if (found.isEmpty()) {
			countFailure(null, username, typed, source, "bad_credentials");
			return new Attempt.Refused();
		}
		UserAccount user = found.get();
		if (!user.isEnabled() || user.isLockedAt(now)) {
			countFailure(user, username, typed, source, user.isEnabled() ? "locked" : "disabled");
			return new Attempt.Refused();
		}
		if (!passwordRight || password == null || password.isEmpty()) {
			countFailure(user, username, typed, source, "bad_credentials");
			return new Attempt.Refused();
		}
		if (this.localPasswords.forbidden(user)) {
			// The organisation's staff sign in through its identity provider (issue 22).
			this.audit.record(AuditRecord.of("SIGN_IN_FAILED")
				.actor(actorOf(user, this.organisationReads))
				.target("UserAccount", user.getId())
				.outcome(AuditOutcome.DENIED)
				.detail("reason", "local_password_forbidden"));
			return new Attempt.Refused();
		}
		StepAuthentication next = authenticate(user, false);
		if (next.getStep() != SignInStep.TOTP) {
			this.throttle.signedIn(username, source);
		}
		this.audit.record(AuditRecord.of("SIGN_IN")
			.actor(actorOf(user, this.organisationReads))
			.target("UserAccount", user.getId())
			.detail("nextStep", next.getStep().name()));
		return new Attempt.Accepted(next);
	}

	/** Uses a TOTP code or a recovery code; returns which, or empty when neither fits. */
	private Optional<String> useSecondFactor(UserAccount user, String code, Instant now) {
		if (!user.isTotpEnabled() || code == null || code.isBlank()) {
			return Optional.empty();
		}
		String secret = this.encryptor.decrypt(user.getTotpSecretCiphertext(), totpContext(user.getId()));
		OptionalLong step = this.totp.matchingStep(secret, code);
		if (step.isPresent() && user.useTotpStep(step.getAsLong())) {
			return Optional.of("totp");
		}
		var recovery = this.recoveryCodes.findByUserIdAndCodeHashAndUsedAtIsNull(user.getId(),
				Secrets.sha256(RecoveryCodes.normalise(code)));
		if (recovery.isPresent()) {
			recovery.get().use(now);
			return Optional.of("recovery_code");
		}
		return Optional.empty();
	}

	private Attempt throttled(@Nullable UserAccount user, @Nullable String typed, @Nullable String source, Instant now,
			Instant until) {
		AuditRecord entry = AuditRecord.of("SIGN_IN_FAILED")
			.outcome(AuditOutcome.DENIED)
			.detail("reason", "throttled")
			.detail("waitUntil", until.toString());
		if (user != null) {
			entry.actor(actorOf(user, this.organisationReads)).target("UserAccount", user.getId());
		}
		else {
			entry.attemptedUsername(typed);
		}
		this.audit.record(entry);
		return new Attempt.Throttled(Duration.between(now, until));
	}

	/**
	 * Counts a failure toward the waits of the user name and source and, for an account
	 * that is not locked, toward its lock; locks it at the threshold and tells the
	 * security administrators (after commit).
	 */
	private void countFailure(@Nullable UserAccount user, String username, @Nullable String typed,
			@Nullable String source, String reason) {
		Instant now = Instant.now(this.clock);
		boolean countsTowardLock = user != null && user.isEnabled() && !user.isLockedAt(now);
		int accountFailures = this.throttle.recordFailure(username, source, countsTowardLock, now);
		AuditRecord entry = AuditRecord.of("SIGN_IN_FAILED")
			.outcome("locked".equals(reason) || "disabled".equals(reason) ? AuditOutcome.DENIED : AuditOutcome.FAILURE)
			.detail("reason", reason);
		if (user == null) {
			this.audit.record(entry.attemptedUsername(typed));
			return;
		}
		Actor actor = actorOf(user, this.organisationReads);
		this.audit.record(entry.actor(actor).target("UserAccount", user.getId()));
		SecurityProperties.Lockout lockout = this.properties.lockout();
		if (countsTowardLock && accountFailures >= lockout.maxAttempts()) {
			Instant until = now.plus(lockout.duration());
			user.lockUntil(until, now);
			this.throttle.accountLocked(username);
			this.audit.record(AuditRecord.of("ACCOUNT_LOCKED")
				.actor(actor)
				.target("UserAccount", user.getId())
				.outcome(AuditOutcome.DENIED)
				.detail("until", until.toString())
				.detail("failures", accountFailures));
			this.events.publishEvent(new AccountLocked(user.getId(), until, accountFailures, source));
		}
	}

	/** Makes a refused answer take at least the configured time. */
	private void padAnswer(long startedNanos) {
		long remaining = this.throttleProperties.minAnswerTime().toNanos() - (System.nanoTime() - startedNanos);
		if (remaining <= 0) {
			return;
		}
		try {
			Thread.sleep(remaining / 1_000_000, (int) (remaining % 1_000_000));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Returns the authentication of a user whom their organisation's identity provider
	 * signed in (issue 22): complete when the provider proved a multi-factor sign-in;
	 * otherwise in the same next step as after a password (the TOTP code, or its
	 * enrolment for the roles that must use two factors).
	 * @param user the user
	 * @param providerMultiFactor whether the provider's token proves multi-factor
	 * @return the authentication
	 */
	StepAuthentication authenticateBySso(UserAccount user, boolean providerMultiFactor) {
		if (!providerMultiFactor) {
			return authenticate(user, false);
		}
		return new StepAuthentication(
				new AccountPrincipal(actorOf(user, this.organisationReads), null, user.isEnabled(), false),
				SignInStep.COMPLETE, true);
	}

	private StepAuthentication authenticate(UserAccount user, boolean secondFactorDone) {
		AccountPrincipal principal = new AccountPrincipal(actorOf(user, this.organisationReads), null, user.isEnabled(),
				false);
		return new StepAuthentication(principal, nextStep(user, secondFactorDone), secondFactorDone);
	}

	private SignInStep nextStep(UserAccount user, boolean secondFactorDone) {
		if (user.isTotpEnabled() && !secondFactorDone) {
			return SignInStep.TOTP;
		}
		if (user.isPasswordChangeRequired()) {
			return SignInStep.PASSWORD_CHANGE;
		}
		if (!user.isTotpEnabled() && this.properties.totp().requiredRoles().contains(user.getRole())) {
			return SignInStep.TOTP_ENROLMENT;
		}
		return SignInStep.COMPLETE;
	}

	private UserAccount load(UUID id) {
		return this.users.findById(id).orElseThrow(() -> new NotFoundProblem("user.entity"));
	}

	private static Actor actorOfAuthentication(StepAuthentication authentication) {
		return ((ActorPrincipal) authentication.getPrincipal()).actor();
	}

	/**
	 * What became of a sign-in attempt.
	 */
	public sealed interface Attempt {

		/**
		 * The factor was right.
		 *
		 * @param authentication the authentication in the user's next step
		 */
		record Accepted(StepAuthentication authentication) implements Attempt {
		}

		/** Refused: wrong, unknown, locked or disabled, never saying which. */
		record Refused() implements Attempt {
		}

		/**
		 * Refused without looking, because the source must wait.
		 *
		 * @param retryAfter how long it must still wait
		 */
		record Throttled(Duration retryAfter) implements Attempt {
		}

	}

}
