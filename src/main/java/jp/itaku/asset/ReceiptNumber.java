package jp.itaku.asset;

/**
 * The number of a custody receipt (預かり証), per contract and year of receipt:
 * {@code 預-2026-0001}.
 *
 * @param year the year of receipt (Tokyo)
 * @param seq the receipt's place in that year, from 1
 */
public record ReceiptNumber(int year, int seq) {

	/** The prefix of every custody receipt number. */
	public static final String PREFIX = "預";

	public ReceiptNumber {
		if (seq < 1) {
			throw new IllegalArgumentException("seq must be positive");
		}
	}

	/**
	 * Returns the number after the last one of the year.
	 * @param year the year of receipt
	 * @param lastSeq the highest number issued in the year, 0 when none
	 * @return the next number
	 */
	public static ReceiptNumber next(int year, int lastSeq) {
		return new ReceiptNumber(year, lastSeq + 1);
	}

	/**
	 * Returns the number as printed.
	 * @return e.g. {@code 預-2026-0001}
	 */
	public String text() {
		return text(PREFIX);
	}

	/**
	 * Returns the number with another prefix, for the other numbered records of the
	 * register (申 for requests, 送 for shipments).
	 * @param prefix the prefix
	 * @return e.g. {@code 申-2026-0001}
	 */
	public String text(String prefix) {
		return prefix + "-" + this.year + "-" + String.format("%04d", this.seq);
	}

}
