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

/**
 * A person who signs in: identity, organisation, role, and the state of their
 * credentials. The sign-in rules (lockout, one-time use of TOTP codes) are transitions of
 * this entity.
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

	private String email;

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

	@Column(name = "failed_attempts", nullable = false)
	private int failedAttempts;

	@Column(name = "locked_until")
	private Instant lockedUntil;

	@Column(name = "totp_secret_ciphertext")
	private String totpSecretCiphertext;

	@Column(name = "totp_enabled", nullable = false)
	private boolean totpEnabled;

	@Column(name = "totp_last_used_step")
	private Long totpLastUsedStep;

	@Column(name = "preferred_locale")
	private String preferredLocale;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	private Long version;

	protected UserAccount() {
	}

	UserAccount(String username, String displayName, String email, UUID organisationId, Role role, String passwordHash,
			boolean passwordChangeRequired, Instant now) {
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
	 * Counts a failed sign-in and locks the account once the limit is reached.
	 * @param now the current instant
	 * @param maxAttempts failures that lock the account
	 * @param lockout how long the lock lasts
	 * @return {@code true} when this failure locked the account
	 */
	boolean recordFailedSignIn(Instant now, int maxAttempts, Duration lockout) {
		if (this.lockedUntil != null && !now.isBefore(this.lockedUntil)) {
			this.failedAttempts = 0;
			this.lockedUntil = null;
		}
		this.failedAttempts++;
		if (this.failedAttempts >= maxAttempts && !isLockedAt(now)) {
			this.lockedUntil = now.plus(lockout);
			this.failedAttempts = 0;
			return true;
		}
		return false;
	}

	void recordSuccessfulSignIn() {
		this.failedAttempts = 0;
		this.lockedUntil = null;
	}

	void unlock(Instant now) {
		this.failedAttempts = 0;
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

	void update(String displayName, String email, Role role, boolean enabled, Instant now) {
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

	public String getEmail() {
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

	public int getFailedAttempts() {
		return this.failedAttempts;
	}

	public Instant getLockedUntil() {
		return this.lockedUntil;
	}

	String getTotpSecretCiphertext() {
		return this.totpSecretCiphertext;
	}

	public boolean isTotpEnabled() {
		return this.totpEnabled;
	}

	public String getPreferredLocale() {
		return this.preferredLocale;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
