package jp.itaku.audit;

/**
 * The result of verifying the audit chain.
 *
 * @param intact whether every entry's hash and link hold
 * @param entries how many entries were checked
 * @param firstBrokenSeq the first entry that does not hold, or {@code null}
 * @param reason why it does not hold, or {@code null}
 */
public record ChainVerification(boolean intact, long entries, Long firstBrokenSeq,
		String reason) implements java.io.Serializable {

	/**
	 * Returns the result as an operator reads it.
	 * @return e.g. {@code intact, 1234 entries} or
	 * {@code broken at entry 17: content altered}
	 */
	public String summary() {
		return this.intact ? "intact, " + this.entries + " entries"
				: "broken at entry " + this.firstBrokenSeq + ": " + this.reason;
	}

}
