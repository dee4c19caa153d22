package jp.itaku.incident;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/**
 * One line of an incident's timeline: the report, an update by the contractor's side, an
 * instruction by the client (Setagaya 35, Kadoma 12(1)ア), acknowledgement, cause and
 * prevention, closure, the publication decision. Never changed once written.
 */
@Entity
@Table(name = "incident_update")
public class IncidentUpdate {

	/** What a line of the timeline records. */
	public enum Kind {

		/** The report. */
		REPORTED,

		/** An update of the contractor's side. */
		UPDATE,

		/** An instruction of the client. */
		INSTRUCTION,

		/** The acknowledgement. */
		ACKNOWLEDGED,

		/** The cause and recurrence prevention. */
		CAUSE,

		/** The closure. */
		CLOSED,

		/** The publication decision. */
		PUBLICATION

	}

	@Id
	private UUID id;

	@Column(name = "incident_id", nullable = false, updatable = false)
	private UUID incidentId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private Kind kind;

	@Column(updatable = false)
	private @Nullable String text;

	@Column(name = "author_id", nullable = false, updatable = false)
	private UUID authorId;

	@Column(name = "author_name", nullable = false, updatable = false)
	private String authorName;

	@Column(name = "client_side", nullable = false, updatable = false)
	private boolean clientSide;

	@Column(name = "occurred_at", nullable = false, updatable = false)
	private Instant occurredAt;

	protected IncidentUpdate() {
	}

	IncidentUpdate(UUID incidentId, Kind kind, @Nullable String text, UUID authorId, String authorName,
			boolean clientSide, Instant occurredAt) {
		this.id = UUID.randomUUID();
		this.incidentId = incidentId;
		this.kind = kind;
		this.text = text;
		this.authorId = authorId;
		this.authorName = authorName;
		this.clientSide = clientSide;
		this.occurredAt = occurredAt;
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getIncidentId() {
		return this.incidentId;
	}

	public Kind getKind() {
		return this.kind;
	}

	public @Nullable String getText() {
		return this.text;
	}

	public UUID getAuthorId() {
		return this.authorId;
	}

	public String getAuthorName() {
		return this.authorName;
	}

	public boolean isClientSide() {
		return this.clientSide;
	}

	public Instant getOccurredAt() {
		return this.occurredAt;
	}

}
