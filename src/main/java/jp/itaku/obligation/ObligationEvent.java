package jp.itaku.obligation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/**
 * One step in an obligation's history, which both parties see: planned, submitted,
 * accepted, returned, waived, rescheduled, withdrawn…
 */
@Entity
@Table(name = "obligation_event")
class ObligationEvent {

	@Id
	private UUID id;

	@Column(name = "obligation_id", nullable = false)
	private UUID obligationId;

	@Column(name = "occurred_at", nullable = false)
	private Instant occurredAt;

	@Column(name = "actor_id")
	private @Nullable UUID actorId;

	@Column(nullable = false)
	private String action;

	private @Nullable String comment;

	protected ObligationEvent() {
	}

	ObligationEvent(UUID obligationId, Instant occurredAt, @Nullable UUID actorId, String action,
			@Nullable String comment) {
		this.id = UUID.randomUUID();
		this.obligationId = obligationId;
		this.occurredAt = occurredAt;
		this.actorId = actorId;
		this.action = action;
		this.comment = comment;
	}

	public Instant getOccurredAt() {
		return this.occurredAt;
	}

	public @Nullable UUID getActorId() {
		return this.actorId;
	}

	public String getAction() {
		return this.action;
	}

	public @Nullable String getComment() {
		return this.comment;
	}

}
