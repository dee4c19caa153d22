package jp.itaku.obligation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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
	private UUID actorId;

	@Column(nullable = false)
	private String action;

	private String comment;

	protected ObligationEvent() {
	}

	ObligationEvent(UUID obligationId, Instant occurredAt, UUID actorId, String action, String comment) {
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

	public UUID getActorId() {
		return this.actorId;
	}

	public String getAction() {
		return this.action;
	}

	public String getComment() {
		return this.comment;
	}

}
