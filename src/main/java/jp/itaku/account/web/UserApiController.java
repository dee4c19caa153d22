package jp.itaku.account.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jp.itaku.account.CreatedUser;
import jp.itaku.account.UserAccount;
import jp.itaku.account.UserAccounts;
import jp.itaku.account.UserForm;
import jp.itaku.account.UserSessions;
import jp.itaku.platform.Actor;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Users over the REST API, scoped exactly as in the UI.
 */
@RestController
@RequestMapping("/api/v1")
class UserApiController {

	private final UserAccounts users;

	private final Clock clock;

	UserApiController(UserAccounts users, Clock clock) {
		this.users = users;
		this.clock = clock;
	}

	@GetMapping("/me")
	Me me() {
		Actor actor = CurrentActor.require();
		return new Me(actor.userId(), actor.username(), actor.displayName(), actor.role(), actor.organisationId(),
				actor.organisationName(), actor.organisationKind());
	}

	@GetMapping("/users")
	List<UserView> list() {
		Actor actor = CurrentActor.require();
		return this.users.list(actor).stream().map((user) -> view(actor, user)).toList();
	}

	@GetMapping("/users/{id}")
	UserView get(@PathVariable("id") UUID id) {
		Actor actor = CurrentActor.require();
		return view(actor, this.users.get(actor, id));
	}

	@GetMapping("/organisations/{id}/users")
	List<UserView> ofOrganisation(@PathVariable("id") UUID id) {
		Actor actor = CurrentActor.require();
		return this.users.listOf(actor, id).stream().map((user) -> view(actor, user)).toList();
	}

	/**
	 * A user in full for their own organisation and the system administrator, else who
	 * they are.
	 */
	private UserView view(Actor actor, UserAccount user) {
		return this.users.showsDetails(actor, user) ? UserView.of(this.clock, user) : UserView.identity(user);
	}

	@PostMapping("/users")
	ResponseEntity<CreatedUserView> create(@Valid @RequestBody UserForm form) {
		CreatedUser created = this.users.create(CurrentActor.require(), form);
		return ResponseEntity.created(URI.create("/api/v1/users/" + created.user().getId()))
			.body(new CreatedUserView(UserView.of(this.clock, created.user()), created.oneTimePassword()));
	}

	@PutMapping("/users/{id}")
	UserView update(@PathVariable("id") UUID id, @Valid @RequestBody UserForm form) {
		return UserView.of(this.clock, this.users.update(CurrentActor.require(), id, form));
	}

	@PostMapping("/users/{id}/sign-out-everywhere")
	SignedOut signOutEverywhere(@PathVariable("id") UUID id) {
		UserSessions.Revoked revoked = this.users.signOutEverywhere(CurrentActor.require(), id);
		return new SignedOut(revoked.sessions(), revoked.apiTokens());
	}

	/**
	 * What signing a user out everywhere ended (their calendar feeds are revoked too).
	 *
	 * @param sessionsEnded the web sessions ended, on every node
	 * @param apiTokensRevoked the API tokens revoked
	 */
	record SignedOut(int sessionsEnded, int apiTokensRevoked) {
	}

	/**
	 * The signed-in user.
	 *
	 * @param id the user's id
	 * @param username the sign-in name
	 * @param displayName the name shown
	 * @param role the role
	 * @param organisationId the organisation's id
	 * @param organisationName the organisation's name
	 * @param organisationKind the organisation's kind
	 */
	record Me(UUID id, String username, String displayName, Role role, UUID organisationId, String organisationName,
			OrganisationKind organisationKind) {
	}

	/**
	 * A user as the API shows it: never a password hash, secret or failure count. Users
	 * of other organisations show only id, name, organisation and role; the other fields
	 * are left out.
	 *
	 * @param id the id
	 * @param username the sign-in name
	 * @param displayName the name shown
	 * @param email the e-mail address
	 * @param organisationId the organisation
	 * @param role the role
	 * @param enabled whether the user may sign in
	 * @param locked whether sign-in is locked after failures
	 * @param twoFactorEnrolled whether an authenticator is enrolled
	 * @param createdAt when the user was created
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record UserView(UUID id, @Nullable String username, String displayName, @Nullable String email, UUID organisationId,
			Role role, @Nullable Boolean enabled, @Nullable Boolean locked, @Nullable Boolean twoFactorEnrolled,
			@Nullable Instant createdAt) {

		static UserView identity(UserAccount user) {
			return new UserView(user.getId(), null, user.getDisplayName(), null, user.getOrganisationId(),
					user.getRole(), null, null, null, null);
		}

		static UserView of(Clock clock, UserAccount user) {
			return new UserView(user.getId(), user.getUsername(), user.getDisplayName(), user.getEmail(),
					user.getOrganisationId(), user.getRole(), user.isEnabled(),
					user.getLockedUntil() != null && user.getLockedUntil().isAfter(clock.instant()),
					user.isTotpEnabled(), user.getCreatedAt());
		}

	}

	/**
	 * A user just created and their one-time password, shown once.
	 *
	 * @param user the user
	 * @param oneTimePassword the password they must change at first sign-in
	 */
	record CreatedUserView(UserView user, String oneTimePassword) {
	}

}
