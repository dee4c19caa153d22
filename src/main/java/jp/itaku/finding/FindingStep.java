package jp.itaku.finding;

/**
 * A step of a finding's workflow, and which side of the contract takes it: the client
 * acknowledges (asks for action, e.g. an improvement instruction), returns an explanation
 * with a comment or closes the finding; the contractor explains (responds with what was
 * done).
 */
public enum FindingStep {

	/** The client has seen the finding and asks the contractor to act (対応依頼・改善指示). */
	ACKNOWLEDGE(Side.CLIENT),

	/** The contractor explains the finding or reports what it did (回答). */
	EXPLAIN(Side.CONTRACTOR),

	/** The client returns the explanation with a comment (差戻し). */
	RETURN(Side.CLIENT),

	/** The client accepts the explanation: the finding is closed (完了). */
	CLOSE(Side.CLIENT);

	private final Side side;

	FindingStep(Side side) {
		this.side = side;
	}

	/**
	 * Returns the side of the contract that takes this step.
	 * @return the client or the contractor
	 */
	public Side side() {
		return this.side;
	}

	/** A side of the contract. */
	public enum Side {

		/** The client's officers and security administrators. */
		CLIENT,

		/** The contractor's leads. */
		CONTRACTOR

	}

}
