package jp.itaku.logevidence;

/**
 * The formats a log source sends: CSV with a header row, JSON Lines (one object a line),
 * and syslog as RFC 5424 defines it.
 */
public enum LogFormat {

	/** Comma-separated values, the first line naming the columns. */
	CSV,

	/** One JSON object a line. */
	JSONL,

	/** RFC 5424 syslog messages, one a line. */
	SYSLOG

}
