package jp.itaku.account;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

/**
 * A personal token for the REST API ({@code Authorization: Bearer …}), stored as a
 * SHA-256 hash; it expires and can be revoked.
 */
@Entity
@Table(name = "api_token")
public class ApiToken {

	@Id
	private UUID id;

	@Column(name = "user_id", nullable = false)
	private UUID userId;

	@Column(nullable = false)
	private String name;

	@Column(name = "token_prefix", nullable = false)
	private String tokenPrefix;

	@Column(name = "token_hash", nullable = false)
	private String tokenHash;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "expires_at", nullable = false)
	private Instant expiresAt;

	@Column(name = "revoked_at")
	private @Nullable Instant revokedAt;

	/** Written only by {@link ApiTokens}' own update, never with the entity. */
	@Column(name = "last_used_at", insertable = false, updatable = false)
	private @Nullable Instant lastUsedAt;

	@Version
	private @Nullable Long version;

	protected ApiToken() {
	}

	ApiToken(UUID userId, String name, String tokenPrefix, String tokenHash, Instant now, Instant expiresAt) {
		this.id = UUID.randomUUID();
		this.userId = userId;
		this.name = name;
		this.tokenPrefix = tokenPrefix;
		this.tokenHash = tokenHash;
		this.createdAt = now;
		this.expiresAt = expiresAt;
	}

	boolean isUsableAt(Instant now) {
		return this.revokedAt == null && now.isBefore(this.expiresAt);
	}

	void revoke(Instant now) {
		if (this.revokedAt == null) {
			this.revokedAt = now;
		}
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getUserId() {
		return this.userId;
	}

	public String getName() {
		return this.name;
	}

	public String getTokenPrefix() {
		return this.tokenPrefix;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getExpiresAt() {
		return this.expiresAt;
	}

	public @Nullable Instant getRevokedAt() {
		return this.revokedAt;
	}

	public @Nullable Instant getLastUsedAt() {
		return this.lastUsedAt;
	}

}
