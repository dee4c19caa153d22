package jp.itaku.account;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/**
 * One single-use recovery code for two-factor sign-in, stored as a SHA-256 hash.
 */
@Entity
@Table(name = "recovery_code")
class RecoveryCode {

	@Id
	private UUID id;

	@Column(name = "user_id", nullable = false)
	private UUID userId;

	@Column(name = "code_hash", nullable = false)
	private String codeHash;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "used_at")
	private @Nullable Instant usedAt;

	protected RecoveryCode() {
	}

	RecoveryCode(UUID userId, String codeHash, Instant now) {
		this.id = UUID.randomUUID();
		this.userId = userId;
		this.codeHash = codeHash;
		this.createdAt = now;
	}

	void use(Instant now) {
		if (this.usedAt != null) {
			throw new IllegalStateException("Recovery code already used");
		}
		this.usedAt = now;
	}

}
