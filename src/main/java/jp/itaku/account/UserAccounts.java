package jp.itaku.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.organisation.Organisation;
import jp.itaku.organisation.OrganisationSystemReads;
import jp.itaku.organisation.Organisations;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.DataScope;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.Role;

import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The user directory and its administration. Every read is scoped by {@link DataScope}: a
 * user sees the accounts of the organisations their own may see, nothing else, whatever
 * the route. Only the system administrator creates and changes other users; everyone
 * changes their own password and language. Every change is audited. Disabling a user,
 * changing their role, changing or resetting their password and signing them out
 * everywhere end their sessions on every node and revoke their tokens
 * ({@link UserSessions}), in the same transaction as the change.
 */
@Service
public class UserAccounts {

	private static final String WHAT = "user.entity";

	private final UserAccountRepository repository;

	private final RecoveryCodeRepository recoveryCodes;

	private final Organisations organisations;

	private final OrganisationSystemReads organisationReads;

	private final DataScope scope;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy passwordPolicy;

	private final AuditTrail audit;

	private final Clock clock;

	private final SignInThrottle throttle;

	private final UserSessions sessions;

	UserAccounts(UserAccountRepository repository, RecoveryCodeRepository recoveryCodes, Organisations organisations,
			DataScope scope, PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy, AuditTrail audit,
			Clock clock, SignInThrottle throttle, UserSessions sessions, OrganisationSystemReads organisationReads) {
		this.organisationReads = organisationReads;
		this.throttle = throttle;
		this.sessions = sessions;
		this.repository = repository;
		this.recoveryCodes = recoveryCodes;
		this.organisations = organisations;
		this.scope = scope;
		this.passwordEncoder = passwordEncoder;
		this.passwordPolicy = passwordPolicy;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Lists the users the actor may see.
	 * @param actor the acting user
	 * @return the users, by user name
	 */
	@Transactional(readOnly = true)
	public List<UserAccount> list(Actor actor) {
		if (this.scope.isUnrestricted(actor)) {
			return this.repository.findAllByOrderByUsernameAsc();
		}
		return this.repository.findByOrganisationIdInOrderByUsernameAsc(this.scope.visibleOrganisationIds(actor));
	}

	/**
	 * Lists the users of one organisation the actor may see.
	 * @param actor the acting user
	 * @param organisationId the organisation
	 * @return its users
	 * @throws NotFoundProblem when the organisation is not visible
	 */
	@Transactional(readOnly = true)
	public List<UserAccount> listOf(Actor actor, UUID organisationId) {
		this.scope.requireVisible(actor, organisationId, "organisation.entity");
		return this.repository.findByOrganisationIdOrderByUsernameAsc(organisationId);
	}

	/**
	 * Returns a user the actor may see.
	 * @param actor the acting user
	 * @param id the user's id
	 * @return the user
	 * @throws NotFoundProblem when the user does not exist or is not visible
	 */
	@Transactional(readOnly = true)
	public UserAccount get(Actor actor, UUID id) {
		UserAccount user = this.repository.findById(id).orElseThrow(() -> new NotFoundProblem(WHAT));
		this.scope.requireVisible(actor, user.getOrganisationId(), WHAT);
		return user;
	}

	/**
	 * Returns whether the actor sees more of a user than name, organisation and role:
	 * user ID, e-mail, whether the account is enabled, locked or enrolled in two-factor
	 * sign-in. Only their own organisation's users, and the system administrator every
	 * user; other organisations' users (a contractor looking at the client's
	 * administrators, a client at a contractor's staff) show only who they are.
	 * @param actor the acting user
	 * @param user a user the actor may see
	 * @return {@code true} when the actor sees the details
	 */
	public boolean showsDetails(Actor actor, UserAccount user) {
		return this.scope.isUnrestricted(actor) || user.getOrganisationId().equals(actor.organisationId());
	}

	/**
	 * Creates a user with a one-time password they must change at first sign-in.
	 * @param actor the acting user, a system administrator ({@code null} for operator
	 * commands)
	 * @param form the user's data
	 * @return the user and the one-time password
	 * @throws InvalidInputProblem when the name is taken or the role does not fit the
	 * organisation
	 */
	@Transactional
	public CreatedUser create(@Nullable Actor actor, UserForm form) {
		requireAdmin(actor);
		String username = UserAccount.normalise(form.getUsername());
		if (this.repository.existsByUsername(username)) {
			throw new InvalidInputProblem("username", "user.username.taken");
		}
		Organisation organisation = organisationFor(actor, form.getOrganisationId());
		requireRoleFits(form.getRole(), organisation);
		String password = Secrets.oneTimePassword();
		UserAccount user = new UserAccount(username, form.getDisplayName().strip(), blankToNull(form.getEmail()),
				organisation.getId(), form.getRole(), this.passwordEncoder.encode(password), true,
				Instant.now(this.clock));
		if (!form.isEnabled()) {
			user.update(user.getDisplayName(), user.getEmail(), user.getRole(), false, Instant.now(this.clock));
		}
		this.repository.save(user);
		this.audit.record(AuditRecord.of("USER_CREATED")
			.actor(actor)
			.target("UserAccount", user.getId())
			.detail("username", username)
			.detail("organisationId", organisation.getId())
			.detail("role", form.getRole().name()));
		return new CreatedUser(user, password);
	}

	/**
	 * Creates a user with a chosen password, for seeding the demo data and tests. The
	 * password is set as given, not checked against the password rules: the demo's shared
	 * password is made of the product's own words, which the rules refuse for real users.
	 * @param form the user's data
	 * @param password the password
	 * @return the user
	 */
	@Transactional
	public UserAccount createWithPassword(UserForm form, String password) {
		return create(form, this.passwordEncoder.encode(password));
	}

	/**
	 * Creates users who share a chosen password, for seeding the demo data: as
	 * {@link #createWithPassword} for each, in the order given, but their hashes (Argon2,
	 * each with a salt of its own) are computed first and in parallel, on this thread and
	 * the common pool's, rather than one after the other.
	 * @param forms the users' data
	 * @param password the shared password
	 * @return the users, in the order of the forms
	 */
	@Transactional
	public List<UserAccount> createAllWithPassword(List<UserForm> forms, String password) {
		List<String> hashes = forms.parallelStream().map((form) -> this.passwordEncoder.encode(password)).toList();
		List<UserAccount> users = new ArrayList<>();
		for (int i = 0; i < forms.size(); i++) {
			users.add(create(forms.get(i), hashes.get(i)));
		}
		return users;
	}

	private UserAccount create(UserForm form, String passwordHash) {
		Organisation organisation = this.organisationReads.findUnscoped(form.getOrganisationId())
			.orElseThrow(() -> new NotFoundProblem("organisation.entity"));
		requireRoleFits(form.getRole(), organisation);
		UserAccount user = this.repository
			.save(new UserAccount(form.getUsername(), form.getDisplayName(), blankToNull(form.getEmail()),
					organisation.getId(), form.getRole(), passwordHash, false, Instant.now(this.clock)));
		this.audit.record(AuditRecord.of("USER_CREATED")
			.target("UserAccount", user.getId())
			.detail("username", user.getUsername())
			.detail("role", user.getRole().name()));
		return user;
	}

	/**
	 * Changes a user's name, e-mail, role and whether they may sign in. Disabling the
	 * user or changing their role ends their sessions and revokes their tokens.
	 * @param actor the acting user, a system administrator
	 * @param id the user's id
	 * @param form the new data (user name and organisation are ignored: they never
	 * change)
	 * @return the user
	 */
	@Transactional
	public UserAccount update(Actor actor, UUID id, UserForm form) {
		requireAdmin(actor);
		UserAccount user = get(actor, id);
		Organisation organisation = organisationFor(actor, user.getOrganisationId());
		requireRoleFits(form.getRole(), organisation);
		if (user.getId().equals(actor.userId()) && (!form.isEnabled() || form.getRole() != Role.SYSTEM_ADMIN)) {
			throw new InvalidInputProblem("role", "user.selfDemotion");
		}
		String before = user.getRole() + (user.isEnabled() ? "" : " (disabled)");
		String cut = (user.isEnabled() && !form.isEnabled()) ? "disabled"
				: (user.getRole() != form.getRole()) ? "role_changed" : null;
		user.update(form.getDisplayName().strip(), blankToNull(form.getEmail()), form.getRole(), form.isEnabled(),
				Instant.now(this.clock));
		this.audit.record(AuditRecord.of("USER_UPDATED")
			.actor(actor)
			.target("UserAccount", id)
			.detail("before", before)
			.detail("after", user.getRole() + (user.isEnabled() ? "" : " (disabled)")));
		if (cut != null) {
			this.sessions.revoke(actor, user, cut, null);
		}
		return user;
	}

	/**
	 * Replaces a user's password with a one-time password they must change at next
	 * sign-in.
	 * @param actor the acting user, a system administrator
	 * @param id the user's id
	 * @return the user and the one-time password
	 */
	@Transactional
	public CreatedUser resetPassword(Actor actor, UUID id) {
		requireAdmin(actor);
		UserAccount user = get(actor, id);
		String password = Secrets.oneTimePassword();
		user.changePassword(this.passwordEncoder.encode(password), true, Instant.now(this.clock));
		this.audit.record(AuditRecord.of("USER_PASSWORD_RESET").actor(actor).target("UserAccount", id));
		this.sessions.revoke(actor, user, "password_reset", null);
		return new CreatedUser(user, password);
	}

	/**
	 * Signs a user out everywhere: ends all their sessions on every node and revokes
	 * their API tokens and calendar feeds, e.g. after a lost device.
	 * @param actor the acting user, a system administrator
	 * @param id the user's id
	 * @return what was ended
	 */
	@Transactional
	public UserSessions.Revoked signOutEverywhere(Actor actor, UUID id) {
		requireAdmin(actor);
		UserAccount user = get(actor, id);
		return this.sessions.revoke(actor, user, "signed_out_everywhere", null);
	}

	/**
	 * Lifts a lockout before it expires and forgets the failures counted for the user
	 * name from every source.
	 * @param actor the acting user, a system administrator
	 * @param id the user's id
	 */
	@Transactional
	public void unlock(Actor actor, UUID id) {
		requireAdmin(actor);
		UserAccount user = get(actor, id);
		user.unlock(Instant.now(this.clock));
		this.throttle.unlocked(user.getUsername());
		this.audit.record(AuditRecord.of("USER_UNLOCKED").actor(actor).target("UserAccount", id));
	}

	/**
	 * Removes a user's authenticator enrolment and recovery codes, e.g. after a lost
	 * phone; the user enrols again at next sign-in when their role requires it.
	 * @param actor the acting user, a system administrator
	 * @param id the user's id
	 */
	@Transactional
	public void resetTwoFactor(Actor actor, UUID id) {
		requireAdmin(actor);
		UserAccount user = get(actor, id);
		user.resetTotp(Instant.now(this.clock));
		this.recoveryCodes.deleteByUserId(id);
		this.audit.record(AuditRecord.of("USER_TOTP_RESET").actor(actor).target("UserAccount", id));
	}

	/**
	 * Changes the user's own password and ends all their sessions.
	 * @param userId the signed-in user (possibly still in the password-change step)
	 * @param currentPassword their current password
	 * @param newPassword the new password
	 * @throws InvalidInputProblem when the current password is wrong or the new one too
	 * weak
	 */
	@Transactional
	public void changeOwnPassword(UUID userId, String currentPassword, String newPassword) {
		changeOwnPassword(userId, currentPassword, newPassword, null);
	}

	/**
	 * Changes the user's own password; ends their other sessions on every node and
	 * revokes their API tokens and calendar feeds, keeping only the session that made the
	 * change.
	 * @param userId the signed-in user (possibly still in the password-change step)
	 * @param currentPassword their current password
	 * @param newPassword the new password
	 * @param currentSessionId the session that made the change, kept; {@code null} to end
	 * all
	 * @throws InvalidInputProblem when the current password is wrong or the new one too
	 * weak
	 */
	@Transactional
	public void changeOwnPassword(UUID userId, String currentPassword, String newPassword,
			@Nullable String currentSessionId) {
		UserAccount user = this.repository.findById(userId).orElseThrow(() -> new NotFoundProblem(WHAT));
		if (currentPassword == null || !this.passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
			throw new InvalidInputProblem("currentPassword", "password.currentWrong");
		}
		if (currentPassword.equals(newPassword)) {
			throw new InvalidInputProblem("newPassword", "password.sameAsCurrent");
		}
		String organisationName = this.organisationReads.findUnscoped(user.getOrganisationId())
			.map(Organisation::getName)
			.orElse(null);
		this.passwordPolicy.check("newPassword", newPassword, GuessableWords.of(user.getUsername(),
				user.getDisplayName(), user.getEmail(), organisationName, ItakuTime.today(this.clock).getYear()));
		user.changePassword(this.passwordEncoder.encode(newPassword), false, Instant.now(this.clock));
		Actor self = SignIn.actorOf(user, this.organisationReads);
		this.audit.record(AuditRecord.of("PASSWORD_CHANGED").actor(self).target("UserAccount", userId));
		this.sessions.revoke(self, user, "password_changed", currentSessionId);
	}

	/**
	 * Saves the user's language.
	 * @param actor the acting user
	 * @param locale the language
	 */
	@Transactional
	public void preferLocale(Actor actor, Locale locale) {
		UserAccount user = this.repository.findById(actor.userId()).orElseThrow(() -> new NotFoundProblem(WHAT));
		user.preferLocale(locale.getLanguage(), Instant.now(this.clock));
		this.audit.record(AuditRecord.of("USER_LANGUAGE_CHANGED")
			.target("UserAccount", user.getId())
			.detail("language", locale.getLanguage()));
	}

	/**
	 * Returns the language the signed-in user chose for the UI, to apply at sign-in.
	 * @param actor the signed-in user
	 * @return the language tag, when the user chose one
	 */
	@Transactional(readOnly = true)
	public Optional<String> preferredLanguage(Actor actor) {
		return this.repository.findById(actor.userId()).map(UserAccount::getPreferredLocale);
	}

	private Organisation organisationFor(@Nullable Actor actor, UUID organisationId) {
		if (actor == null) {
			return this.organisationReads.findUnscoped(organisationId)
				.orElseThrow(() -> new InvalidInputProblem("organisationId", "validation.required"));
		}
		try {
			return this.organisations.get(actor, organisationId);
		}
		catch (NotFoundProblem ex) {
			throw new InvalidInputProblem("organisationId", "validation.required");
		}
	}

	private static void requireRoleFits(Role role, Organisation organisation) {
		if (!role.fits(organisation.getKind())) {
			throw new InvalidInputProblem("role", "user.role.mismatch");
		}
	}

	private static void requireAdmin(@Nullable Actor actor) {
		if (actor != null && !actor.is(Role.SYSTEM_ADMIN)) {
			throw new AccessDeniedProblem("error.forbidden");
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
