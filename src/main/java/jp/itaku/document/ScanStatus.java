package jp.itaku.document;

/**
 * The outcome of a virus check, as the user sees it (label {@code scanStatus.<NAME>}).
 * Only {@link #CLEAN} proves that a check happened; the others say honestly that it did
 * not, or could not.
 */
public enum ScanStatus {

	/** Scanned; nothing found. */
	CLEAN,

	/** Scanned; a virus was found. Such content is never kept. */
	INFECTED,

	/** Not scanned: no scanner is configured. */
	NOT_SCANNED,

	/** The scanner could not be reached or reported an error. */
	FAILED;

	/**
	 * The message key of the label.
	 * @return {@code scanStatus.<NAME>}
	 */
	public String labelKey() {
		return "scanStatus." + name();
	}

}
