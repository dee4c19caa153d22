package jp.itaku.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jp.itaku.platform.Role;

import org.jspecify.annotations.Nullable;

/**
 * A person who signs in: identity, organisation, role, and the state of their
 * credentials. The lock and the one-time use of TOTP codes are transitions of this
 * entity; the failures that lead to a lock are counted by {@link SignInThrottle}.
 */
@Entity
@Table(name = "user_account")
public class UserAccount {

	@Id
	private UUID id;

	@Column(nullable = false)
	private String username;

	@Column(name = "display_name", nullable = false)
	private String displayName;

	private @Nullable String email;

	@Column(name = "organisation_id", nullable = false)
	private UUID organisationId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Role role;

	@Column(nullable = false)
	private boolean enabled = true;

	@Column(name = "password_hash", nullable = false)
	private String passwordHash;

	@Column(name = "password_changed_at", nullable = false)
	private Instant passwordChangedAt;

	@Column(name = "password_change_required", nullable = false)
	private boolean passwordChangeRequired;

	@Column(name = "locked_until")
	private @Nullable Instant lockedUntil;

	@Column(name = "totp_secret_ciphertext")
	private @Nullable String totpSecretCiphertext;

	@Column(name = "totp_enabled", nullable = false)
	private boolean totpEnabled;

	@Column(name = "totp_last_used_step")
	private @Nullable Long totpLastUsedStep;

	@Column(name = "preferred_locale")
	private @Nullable String preferredLocale;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	private @Nullable Long version;

	protected UserAccount() {
	}

	UserAccount(String username, String displayName, @Nullable String email, UUID organisationId, Role role,
			String passwordHash, boolean passwordChangeRequired, Instant now) {
		this.id = UUID.randomUUID();
		this.username = normalise(username);
		this.displayName = displayName;
		this.email = email;
		this.organisationId = organisationId;
		this.role = role;
		this.passwordHash = passwordHash;
		this.passwordChangedAt = now;
		this.passwordChangeRequired = passwordChangeRequired;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * Returns a user name as stored: trimmed and in lower case.
	 * @param username the name as typed
	 * @return the normalised name
	 */
	static String normalise(String username) {
		return (username == null) ? "" : username.strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * Returns whether sign-in is refused because of too many failed attempts.
	 * @param now the current instant
	 * @return {@code true} while the lockout lasts
	 */
	boolean isLockedAt(Instant now) {
		return this.lockedUntil != null && now.isBefore(this.lockedUntil);
	}

	/**
	 * Locks sign-in from every source until an instant, after too many failures.
	 * @param until the end of the lock
	 * @param now the current instant
	 */
	void lockUntil(Instant until, Instant now) {
		this.lockedUntil = until;
		this.updatedAt = now;
	}

	void unlock(Instant now) {
		this.lockedUntil = null;
		this.updatedAt = now;
	}

	void changePassword(String newHash, boolean changeRequired, Instant now) {
		this.passwordHash = newHash;
		this.passwordChangeRequired = changeRequired;
		this.passwordChangedAt = now;
		this.updatedAt = now;
	}

	void enrolTotp(String secretCiphertext, long usedStep, Instant now) {
		this.totpSecretCiphertext = secretCiphertext;
		this.totpEnabled = true;
		this.totpLastUsedStep = usedStep;
		this.updatedAt = now;
	}

	void resetTotp(Instant now) {
		this.totpSecretCiphertext = null;
		this.totpEnabled = false;
		this.totpLastUsedStep = null;
		this.updatedAt = now;
	}

	/**
	 * Accepts a TOTP time step once: a code cannot be used twice, nor an older one after
	 * it.
	 * @param step the time step the code matched
	 * @return {@code true} when the step was not used before
	 */
	boolean useTotpStep(long step) {
		if (this.totpLastUsedStep != null && step <= this.totpLastUsedStep) {
			return false;
		}
		this.totpLastUsedStep = step;
		return true;
	}

	void update(String displayName, @Nullable String email, Role role, boolean enabled, Instant now) {
		this.displayName = displayName;
		this.email = email;
		this.role = role;
		this.enabled = enabled;
		this.updatedAt = now;
	}

	void preferLocale(String language, Instant now) {
		this.preferredLocale = language;
		this.updatedAt = now;
	}

	public UUID getId() {
		return this.id;
	}

	public String getUsername() {
		return this.username;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public @Nullable String getEmail() {
		return this.email;
	}

	public UUID getOrganisationId() {
		return this.organisationId;
	}

	public Role getRole() {
		return this.role;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	public boolean isPasswordChangeRequired() {
		return this.passwordChangeRequired;
	}

	public Instant getPasswordChangedAt() {
		return this.passwordChangedAt;
	}

	public @Nullable Instant getLockedUntil() {
		return this.lockedUntil;
	}

	@Nullable String getTotpSecretCiphertext() {
		return this.totpSecretCiphertext;
	}

	public boolean isTotpEnabled() {
		return this.totpEnabled;
	}

	public @Nullable String getPreferredLocale() {
		return this.preferredLocale;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
