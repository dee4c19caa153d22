package jp.itaku.finding;

import jp.itaku.platform.InvalidInputProblem;

/**
 * Where a finding stands, whatever found it, and the one transition rule of the workflow
 * ({@link #after(FindingStep)}):
 *
 * <pre>
 * OPEN ──ACKNOWLEDGE──▶ ACKNOWLEDGED
 * OPEN, ACKNOWLEDGED, RETURNED ──EXPLAIN──▶ EXPLAINED
 * EXPLAINED ──RETURN──▶ RETURNED
 * EXPLAINED ──CLOSE──▶ CLOSED
 * </pre>
 */
public enum FindingStatus {

	/** 記録済み／未対応. */
	OPEN,
	/** 確認済み（対応依頼）: the client asked the contractor to act. */
	ACKNOWLEDGED,
	/** 回答済み（委託者の確認待ち）. */
	EXPLAINED,
	/** 差戻し: back with the contractor, with the client's comment. */
	RETURNED,
	/** 完了. */
	CLOSED;

	/**
	 * Returns whether the step may be taken from this status.
	 * @param step the step
	 * @return {@code true} when {@link #after(FindingStep)} would not throw
	 */
	public boolean allows(FindingStep step) {
		return switch (step) {
			case ACKNOWLEDGE -> this == OPEN;
			case EXPLAIN -> this == OPEN || this == ACKNOWLEDGED || this == RETURNED;
			case RETURN, CLOSE -> this == EXPLAINED;
		};
	}

	/**
	 * Returns where a finding stands after the step.
	 * @param step the step
	 * @return the next status
	 * @throws InvalidInputProblem on field {@code status} when the step does not fit this
	 * status
	 */
	public FindingStatus after(FindingStep step) {
		if (!allows(step)) {
			throw new InvalidInputProblem("status", "finding.error.transition", this.name(), step.name());
		}
		return switch (step) {
			case ACKNOWLEDGE -> ACKNOWLEDGED;
			case EXPLAIN -> EXPLAINED;
			case RETURN -> RETURNED;
			case CLOSE -> CLOSED;
		};
	}

	/**
	 * Returns whether the contractor has been asked to act and has not answered yet.
	 * @return {@code true} when acknowledged or returned
	 */
	public boolean awaitsContractor() {
		return this == ACKNOWLEDGED || this == RETURNED;
	}

	/**
	 * Returns whether the finding is done with.
	 * @return {@code true} when closed
	 */
	public boolean isClosed() {
		return this == CLOSED;
	}

}
