package jp.itaku.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import jp.itaku.audit.AuditOutcome;
import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.organisation.Organisation;
import jp.itaku.organisation.Organisations;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ActorPrincipal;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.crypto.FieldEncryptor;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sign-in rules: which step follows a correct password, lockout after repeated
 * failures (of passwords and of second-factor codes alike), and one-time use of TOTP and
 * recovery codes. Every attempt is audited; nothing here tells a caller whether a user
 * name exists.
 */
@Service
public class SignIn implements UserDetailsService {

	/** Compared against when a user name is unknown, so that the answer takes as long. */
	private final String dummyHash;

	private final UserAccountRepository users;

	private final RecoveryCodeRepository recoveryCodes;

	private final Organisations organisations;

	private final TotpCodes totp;

	private final FieldEncryptor encryptor;

	private final SecurityProperties properties;

	private final AuditTrail audit;

	private final Clock clock;

	private final PasswordEncoder passwordEncoder;

	SignIn(UserAccountRepository users, RecoveryCodeRepository recoveryCodes, Organisations organisations,
			TotpCodes totp, FieldEncryptor encryptor, SecurityProperties properties, AuditTrail audit, Clock clock,
			PasswordEncoder passwordEncoder) {
		this.passwordEncoder = passwordEncoder;
		this.dummyHash = passwordEncoder.encode(Secrets.oneTimePassword());
		this.users = users;
		this.recoveryCodes = recoveryCodes;
		this.organisations = organisations;
		this.totp = totp;
		this.encryptor = encryptor;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		UserAccount user = this.users.findByUsername(UserAccount.normalise(username))
			.orElseThrow(() -> new UsernameNotFoundException("unknown"));
		return new AccountPrincipal(actorOf(user, this.organisations), user.getPasswordHash(), user.isEnabled(),
				user.isLockedAt(Instant.now(this.clock)));
	}

	/**
	 * Counts a failed password and locks the account at the limit; audits the attempt.
	 * @param username the name as typed
	 * @param failure why sign-in failed
	 */
	@Transactional
	public void passwordFailed(String username, AuthenticationException failure) {
		var user = this.users.findByUsername(UserAccount.normalise(username));
		if (user.isEmpty()) {
			this.audit.record(AuditRecord.of("SIGN_IN_FAILED")
				.attemptedUsername(username)
				.outcome(AuditOutcome.FAILURE)
				.detail("reason", "bad_credentials"));
			return;
		}
		if (failure instanceof LockedException) {
			this.audit.record(AuditRecord.of("SIGN_IN_FAILED")
				.actor(actorOf(user.get(), this.organisations))
				.target("UserAccount", user.get().getId())
				.outcome(AuditOutcome.DENIED)
				.detail("reason", "locked"));
			return;
		}
		countFailure(user.get(), "bad_credentials");
	}

	/**
	 * Accepts a correct password: clears the failure count, audits the sign-in and
	 * returns the authentication for the next step.
	 * @param principal the user who gave the password
	 * @return the authentication in the user's next step
	 */
	@Transactional
	public StepAuthentication passwordAccepted(UserDetails principal) {
		UserAccount user = load(((AccountPrincipal) principal).actor().userId());
		user.recordSuccessfulSignIn();
		StepAuthentication next = authenticate(user, false);
		this.audit.record(AuditRecord.of("SIGN_IN")
			.actor(actorOf(user, this.organisations))
			.target("UserAccount", user.getId())
			.detail("nextStep", next.getStep().name()));
		return next;
	}

	/**
	 * Checks a second-factor code (or a recovery code) of a user in the TOTP step.
	 * @param current the user's authentication
	 * @param code the code as typed
	 * @return the authentication in the next step, or empty when the code was wrong (the
	 * failure counts toward lockout)
	 */
	@Transactional
	public Optional<StepAuthentication> verifySecondFactor(StepAuthentication current, String code) {
		UserAccount user = load(actorOfAuthentication(current).userId());
		Instant now = Instant.now(this.clock);
		if (user.isLockedAt(now) || !user.isEnabled()) {
			return Optional.empty();
		}
		if (user.isTotpEnabled() && code != null) {
			String secret = this.encryptor.decrypt(user.getTotpSecretCiphertext(), totpContext(user.getId()));
			OptionalLong step = this.totp.matchingStep(secret, code);
			if (step.isPresent() && user.useTotpStep(step.getAsLong())) {
				user.recordSuccessfulSignIn();
				this.audit.record(AuditRecord.of("SIGN_IN_SECOND_FACTOR")
					.actor(actorOf(user, this.organisations))
					.target("UserAccount", user.getId())
					.detail("method", "totp"));
				return Optional.of(authenticate(user, true));
			}
			String normalised = RecoveryCodes.normalise(code);
			var recovery = this.recoveryCodes.findByUserIdAndCodeHashAndUsedAtIsNull(user.getId(),
					Secrets.sha256(normalised));
			if (recovery.isPresent()) {
				recovery.get().use(now);
				user.recordSuccessfulSignIn();
				this.audit.record(AuditRecord.of("SIGN_IN_SECOND_FACTOR")
					.actor(actorOf(user, this.organisations))
					.target("UserAccount", user.getId())
					.detail("method", "recovery_code")
					.detail("remaining", this.recoveryCodes.countByUserIdAndUsedAtIsNull(user.getId())));
				return Optional.of(authenticate(user, true));
			}
		}
		countFailure(user, "bad_second_factor");
		return Optional.empty();
	}

	/**
	 * Checks credentials given outside the sign-in form (for an API token): password, and
	 * the second factor when the user is enrolled. Users who still must change their
	 * password or enrol an authenticator are refused. Failures count toward lockout.
	 * @param username the sign-in name
	 * @param password the password
	 * @param code the TOTP or recovery code, when enrolled
	 * @return the user's complete authentication, or empty when refused
	 */
	@Transactional(noRollbackFor = RuntimeException.class)
	public Optional<StepAuthentication> verifyCredentials(String username, String password, String code) {
		var found = this.users.findByUsername(UserAccount.normalise(username));
		if (found.isEmpty()) {
			this.passwordEncoder.matches(password == null ? "" : password, this.dummyHash);
			passwordFailed(username, new BadCredentialsException("unknown"));
			return Optional.empty();
		}
		UserAccount user = found.get();
		if (!user.isEnabled() || user.isLockedAt(Instant.now(this.clock))) {
			passwordFailed(username, new LockedException("locked"));
			return Optional.empty();
		}
		if (password == null || !this.passwordEncoder.matches(password, user.getPasswordHash())) {
			countFailure(user, "bad_credentials");
			return Optional.empty();
		}
		StepAuthentication next = authenticate(user, false);
		if (next.getStep() == SignInStep.TOTP) {
			Optional<StepAuthentication> verified = verifySecondFactor(next, code);
			if (verified.isEmpty()) {
				return verified;
			}
			next = verified.get();
		}
		if (next.getStep() != SignInStep.COMPLETE) {
			this.audit.record(AuditRecord.of("SIGN_IN_FAILED")
				.actor(actorOf(user, this.organisations))
				.target("UserAccount", user.getId())
				.outcome(AuditOutcome.DENIED)
				.detail("reason", "pending_" + next.getStep().name().toLowerCase(Locale.ROOT)));
			return Optional.empty();
		}
		user.recordSuccessfulSignIn();
		return Optional.of(next);
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
					new AccountPrincipal(actorOf(user, this.organisations), null, true, false), SignInStep.COMPLETE,
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
	static Actor actorOf(UserAccount user, Organisations organisations) {
		Organisation organisation = organisations.findUnscoped(user.getOrganisationId())
			.orElseThrow(() -> new IllegalStateException("User " + user.getId() + " has no organisation"));
		return new Actor(user.getId(), user.getUsername(), user.getDisplayName(), organisation.getId(),
				organisation.getName(), organisation.getKind(), user.getRole());
	}

	private void countFailure(UserAccount user, String reason) {
		SecurityProperties.Lockout lockout = this.properties.lockout();
		boolean locked = user.recordFailedSignIn(Instant.now(this.clock), lockout.maxAttempts(), lockout.duration());
		Actor actor = actorOf(user, this.organisations);
		this.audit.record(AuditRecord.of("SIGN_IN_FAILED")
			.actor(actor)
			.target("UserAccount", user.getId())
			.outcome(AuditOutcome.FAILURE)
			.detail("reason", reason));
		if (locked) {
			this.audit.record(AuditRecord.of("ACCOUNT_LOCKED")
				.actor(actor)
				.target("UserAccount", user.getId())
				.outcome(AuditOutcome.DENIED)
				.detail("until", user.getLockedUntil().toString()));
		}
	}

	private StepAuthentication authenticate(UserAccount user, boolean secondFactorDone) {
		AccountPrincipal principal = new AccountPrincipal(actorOf(user, this.organisations), null, user.isEnabled(),
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

}
