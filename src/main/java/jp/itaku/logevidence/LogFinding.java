package jp.itaku.logevidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.itaku.platform.InvalidInputProblem;

/**
 * What a check found, with its clause, severity and evidence lines, and its workflow:
 * open → acknowledged → explained (the contractor's explanation) → closed (by the
 * client).
 */
public class LogFinding {

	/** Where a finding stands. */
	public enum Status {

		/** Found, nobody has looked at it yet. */
		OPEN,

		/** Someone has seen it. */
		ACKNOWLEDGED,

		/** The contractor has explained it. */
		EXPLAINED,

		/** The client closed it. */
		CLOSED

	}

	static final int EXPLANATION_MAX = 2000;

	private final UUID id;

	private final UUID contractId;

	private final LogRule rule;

	private final String clauseRef;

	private final String subject;

	private final String userRef;

	private final LocalDate occurredOn;

	private final int lineCount;

	private final List<Map<String, Object>> evidence;

	private Status status;

	private String explanation;

	private final Instant foundAt;

	private Instant changedAt;

	private UUID changedBy;

	LogFinding(UUID id, UUID contractId, LogRule rule, String clauseRef, String subject, String userRef,
			LocalDate occurredOn, int lineCount, List<Map<String, Object>> evidence, Status status, String explanation,
			Instant foundAt, Instant changedAt, UUID changedBy) {
		this.id = id;
		this.contractId = contractId;
		this.rule = rule;
		this.clauseRef = clauseRef;
		this.subject = subject;
		this.userRef = userRef;
		this.occurredOn = occurredOn;
		this.lineCount = lineCount;
		this.evidence = evidence;
		this.status = status;
		this.explanation = explanation;
		this.foundAt = foundAt;
		this.changedAt = changedAt;
		this.changedBy = changedBy;
	}

	/**
	 * Marks an open finding as seen.
	 * @throws InvalidInputProblem unless it is open
	 */
	void acknowledge(UUID by, Instant at) {
		if (this.status != Status.OPEN) {
			throw new InvalidInputProblem("status", "logevidence.error.transition");
		}
		move(Status.ACKNOWLEDGED, by, at);
	}

	/**
	 * Records the explanation of an open or acknowledged finding.
	 * @throws InvalidInputProblem when it is closed or the text is blank or too long
	 */
	void explain(String text, UUID by, Instant at) {
		if (this.status == Status.CLOSED) {
			throw new InvalidInputProblem("status", "logevidence.error.transition");
		}
		String value = (text != null) ? text.strip() : "";
		if (value.isEmpty()) {
			throw new InvalidInputProblem("explanation", "logevidence.error.explanation");
		}
		if (value.length() > EXPLANATION_MAX) {
			throw new InvalidInputProblem("explanation", "logevidence.error.explanationLength",
					String.valueOf(EXPLANATION_MAX));
		}
		this.explanation = value;
		move(Status.EXPLAINED, by, at);
	}

	/**
	 * Closes an explained finding.
	 * @throws InvalidInputProblem unless it is explained
	 */
	void close(UUID by, Instant at) {
		if (this.status != Status.EXPLAINED) {
			throw new InvalidInputProblem("status", "logevidence.error.transition");
		}
		move(Status.CLOSED, by, at);
	}

	private void move(Status to, UUID by, Instant at) {
		this.status = to;
		this.changedBy = by;
		this.changedAt = at;
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getContractId() {
		return this.contractId;
	}

	public LogRule getRule() {
		return this.rule;
	}

	public String getClauseRef() {
		return this.clauseRef;
	}

	public LogRule.Severity getSeverity() {
		return this.rule.severity();
	}

	public String getSubject() {
		return this.subject;
	}

	public String getUserRef() {
		return this.userRef;
	}

	public LocalDate getOccurredOn() {
		return this.occurredOn;
	}

	public int getLineCount() {
		return this.lineCount;
	}

	public List<Map<String, Object>> getEvidence() {
		return this.evidence;
	}

	public Status getStatus() {
		return this.status;
	}

	public String getExplanation() {
		return this.explanation;
	}

	public Instant getFoundAt() {
		return this.foundAt;
	}

	public Instant getChangedAt() {
		return this.changedAt;
	}

	public UUID getChangedBy() {
		return this.changedBy;
	}

}
