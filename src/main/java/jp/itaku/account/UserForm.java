package jp.itaku.account;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.itaku.platform.Role;

import org.jspecify.annotations.Nullable;

/**
 * What an administrator enters for a user, in the UI or the API.
 */
// Bound from the request by Spring's data binder (or Jackson), which leaves a missing
// value
// null; problems() or Bean Validation rejects a missing required value before it is read.
@SuppressWarnings("NullAway.Init")
public class UserForm {

	/** The sign-in name (letters, digits, {@code . _ -}); fixed once created. */
	@NotBlank(message = "{validation.required}")
	@Size(min = 3, max = 64, message = "{validation.lengthBetween}")
	@Pattern(regexp = "[A-Za-z0-9._-]*", message = "{user.username.pattern}")
	private String username;

	/** The name shown to others. */
	@NotBlank(message = "{validation.required}")
	@Size(max = 200, message = "{validation.maxLength}")
	private String displayName;

	/** Where reminders go. */
	@Email(message = "{validation.email}")
	@Size(max = 320, message = "{validation.maxLength}")
	private @Nullable String email;

	/** The user's organisation; fixed once created. */
	@NotNull(message = "{validation.required}")
	private UUID organisationId;

	/** The user's role, which must fit the organisation's kind. */
	@NotNull(message = "{validation.required}")
	private Role role;

	/** Whether the user may sign in. */
	private boolean enabled = true;

	public UserForm() {
	}

	/**
	 * Returns a filled form (a factory rather than a constructor, so that JSON binds
	 * through the setters and an absent {@code enabled} means "may sign in").
	 * @param username the sign-in name
	 * @param displayName the name shown
	 * @param email the e-mail address
	 * @param organisationId the organisation
	 * @param role the role
	 * @param enabled whether the user may sign in
	 * @return the form
	 */
	public static UserForm filled(String username, String displayName, @Nullable String email, UUID organisationId,
			Role role, boolean enabled) {
		UserForm form = new UserForm();
		form.username = username;
		form.displayName = displayName;
		form.email = email;
		form.organisationId = organisationId;
		form.role = role;
		form.enabled = enabled;
		return form;
	}

	/**
	 * Returns a form filled with a user's data, for editing.
	 * @param user the user
	 * @return the form
	 */
	public static UserForm of(UserAccount user) {
		return filled(user.getUsername(), user.getDisplayName(), user.getEmail(), user.getOrganisationId(),
				user.getRole(), user.isEnabled());
	}

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public @Nullable String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public UUID getOrganisationId() {
		return this.organisationId;
	}

	public void setOrganisationId(UUID organisationId) {
		this.organisationId = organisationId;
	}

	public Role getRole() {
		return this.role;
	}

	public void setRole(Role role) {
		this.role = role;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
