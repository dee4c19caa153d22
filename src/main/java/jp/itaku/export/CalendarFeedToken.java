package jp.itaku.export;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

/**
 * The secret of a user's calendar feed URL, stored as a SHA-256 hash; valid until revoked
 * (by the user, or by issuing a new one).
 */
@Entity
@Table(name = "calendar_feed_token")
class CalendarFeedToken {

	@Id
	private UUID id;

	@Column(name = "user_id", nullable = false)
	private UUID userId;

	@Column(name = "token_hash", nullable = false)
	private String tokenHash;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "revoked_at")
	private @Nullable Instant revokedAt;

	@Version
	private @Nullable Long version;

	protected CalendarFeedToken() {
	}

	CalendarFeedToken(UUID userId, String tokenHash, Instant now) {
		this.id = UUID.randomUUID();
		this.userId = userId;
		this.tokenHash = tokenHash;
		this.createdAt = now;
	}

	boolean isActive() {
		return this.revokedAt == null;
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

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public @Nullable Instant getRevokedAt() {
		return this.revokedAt;
	}

}
