package jp.itaku.clientrequest;

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
 * The client's request for a report or material (報告・資料の請求) on a contract, numbered per
 * contract ({@code REQ-1}, {@code REQ-2} …): the requirement of the profile it invokes
 * (e.g. Nerima 第22条第2項: the subcontractors' compliance), what exactly is asked, by when,
 * optionally the period it covers (Gunma 9: at least the past three months) and the level
 * of the subcontracting chain it concerns. It is a record of what was asked, never
 * changed; where it stands is read from the obligation it raised.
 */
@Entity
@Table(name = "client_request")
public class ClientRequest {

	@Id
	private UUID id;

	@Column(name = "contract_id", nullable = false, updatable = false)
	private UUID contractId;

	@Column(nullable = false, updatable = false)
	private int seq;

	@Column(name = "requirement_key", nullable = false, updatable = false)
	private String requirementKey;

	@Column(name = "clause_ref", nullable = false, updatable = false)
	private String clauseRef;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private Deliverable deliverable;

	@Column(nullable = false, updatable = false)
	private String description;

	@Column(name = "due_on", nullable = false, updatable = false)
	private LocalDate dueOn;

	@Column(name = "period_from", updatable = false)
	private @Nullable LocalDate periodFrom;

	@Column(name = "period_to", updatable = false)
	private @Nullable LocalDate periodTo;

	@Column(name = "chain_level", updatable = false)
	private @Nullable Integer chainLevel;

	@Column(name = "requested_by", nullable = false, updatable = false)
	private UUID requestedBy;

	@Column(name = "requested_by_name", nullable = false, updatable = false)
	private String requestedByName;

	@Column(name = "requested_at", nullable = false, updatable = false)
	private Instant requestedAt;

	protected ClientRequest() {
	}

	ClientRequest(UUID contractId, int seq, ClientRequests.Requestable what, String description, LocalDate dueOn,
			@Nullable LocalDate periodFrom, @Nullable LocalDate periodTo, @Nullable Integer chainLevel, Actor actor,
			Instant requestedAt) {
		this.id = UUID.randomUUID();
		this.contractId = contractId;
		this.seq = seq;
		this.requirementKey = what.key();
		this.clauseRef = what.clauseRef();
		this.deliverable = what.deliverable();
		this.description = description;
		this.dueOn = dueOn;
		this.periodFrom = periodFrom;
		this.periodTo = periodTo;
		this.chainLevel = chainLevel;
		this.requestedBy = actor.userId();
		this.requestedByName = actor.displayName();
		this.requestedAt = requestedAt;
	}

	/**
	 * Returns the request's number on its contract, also the occurrence key of the
	 * obligation it raised.
	 * @return e.g. {@code REQ-2}
	 */
	public String getNumber() {
		return "REQ-" + this.seq;
	}

	/**
	 * Returns the source the raised obligation names.
	 * @return {@code ClientRequest:<id>}
	 */
	String source() {
		return "ClientRequest:" + this.id;
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

	public String getRequirementKey() {
		return this.requirementKey;
	}

	public String getClauseRef() {
		return this.clauseRef;
	}

	public Deliverable getDeliverable() {
		return this.deliverable;
	}

	public String getDescription() {
		return this.description;
	}

	public LocalDate getDueOn() {
		return this.dueOn;
	}

	public @Nullable LocalDate getPeriodFrom() {
		return this.periodFrom;
	}

	public @Nullable LocalDate getPeriodTo() {
		return this.periodTo;
	}

	public @Nullable Integer getChainLevel() {
		return this.chainLevel;
	}

	public UUID getRequestedBy() {
		return this.requestedBy;
	}

	public String getRequestedByName() {
		return this.requestedByName;
	}

	public Instant getRequestedAt() {
		return this.requestedAt;
	}

}
