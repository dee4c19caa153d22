package jp.itaku.notice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.itaku.catalog.Deliverable;
import jp.itaku.platform.Actor;

import org.jspecify.annotations.Nullable;

/**
 * A notice or report (届出・報告) of an event on a contract, numbered per contract
 * ({@code N-1}, {@code N-2} …) and dated by the day the event happened. It is a record of
 * what was reported, never changed after filing.
 */
@Entity
@Table(name = "notice")
public class Notice {

	@Id
	private UUID id;

	@Column(name = "contract_id", nullable = false, updatable = false)
	private UUID contractId;

	@Column(nullable = false, updatable = false)
	private int seq;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private NoticeKind kind;

	@Enumerated(EnumType.STRING)
	@Column(updatable = false)
	private @Nullable Deliverable deliverable;

	@Column(name = "occurred_on", nullable = false, updatable = false)
	private LocalDate occurredOn;

	@Column(nullable = false, updatable = false)
	private String description;

	@Column(name = "filed_by", nullable = false, updatable = false)
	private UUID filedBy;

	@Column(name = "filed_by_name", nullable = false, updatable = false)
	private String filedByName;

	@Column(name = "filed_by_organisation_id", nullable = false, updatable = false)
	private UUID filedByOrganisationId;

	@Column(name = "filed_at", nullable = false, updatable = false)
	private Instant filedAt;

	protected Notice() {
	}

	Notice(UUID contractId, int seq, NoticeKind kind, @Nullable Deliverable deliverable, LocalDate occurredOn,
			String description, Actor actor, Instant filedAt) {
		this.id = UUID.randomUUID();
		this.contractId = contractId;
		this.seq = seq;
		this.kind = kind;
		this.deliverable = deliverable;
		this.occurredOn = occurredOn;
		this.description = description;
		this.filedBy = actor.userId();
		this.filedByName = actor.displayName();
		this.filedByOrganisationId = actor.organisationId();
		this.filedAt = filedAt;
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getContractId() {
		return this.contractId;
	}

	public int getSeq() {
		return this.seq;
	}

	/**
	 * Returns the notice's number on its contract.
	 * @return e.g. {@code N-3}
	 */
	public String getNumber() {
		return "N-" + this.seq;
	}

	public NoticeKind getKind() {
		return this.kind;
	}

	public @Nullable Deliverable getDeliverable() {
		return this.deliverable;
	}

	public LocalDate getOccurredOn() {
		return this.occurredOn;
	}

	public String getDescription() {
		return this.description;
	}

	public UUID getFiledBy() {
		return this.filedBy;
	}

	public String getFiledByName() {
		return this.filedByName;
	}

	public UUID getFiledByOrganisationId() {
		return this.filedByOrganisationId;
	}

	public Instant getFiledAt() {
		return this.filedAt;
	}

}
