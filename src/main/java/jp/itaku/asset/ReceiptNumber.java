package jp.itaku.asset;

/**
 * The number of a numbered record of the asset register, per contract, kind and year: a
 * custody receipt (預かり証) {@code 預-2026-0001}, a request {@code 申-2026-0001}, a shipment
 * {@code 送-2026-0001}. The prefixes are the message bundles'
 * ({@code asset.*.numberPrefix}), always in Japanese: the number is printed on the
 * Japanese written forms and stored.
 *
 * @param prefix the prefix of the kind of record
 * @param year the year of the record (Tokyo)
 * @param seq the record's place in that year, from 1
 */
record ReceiptNumber(String prefix, int year, int seq) {

	ReceiptNumber {
		if (seq < 1) {
			throw new IllegalArgumentException("seq must be positive");
		}
	}

	/**
	 * Returns the number after the last one of the year.
	 * @param prefix the prefix of the kind of record
	 * @param year the year of the record
	 * @param lastSeq the highest number issued in the year, 0 when none
	 * @return the next number
	 */
	static ReceiptNumber next(String prefix, int year, int lastSeq) {
		return new ReceiptNumber(prefix, year, lastSeq + 1);
	}

	/**
	 * Returns the number as printed.
	 * @return e.g. {@code 預-2026-0001}
	 */
	String text() {
		return this.prefix + "-" + this.year + "-" + String.format("%04d", this.seq);
	}

}
