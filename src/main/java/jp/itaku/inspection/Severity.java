package jp.itaku.inspection;

/**
 * How serious a finding is.
 */
public enum Severity {

	/** 軽微. */
	MINOR,
	/** 重要. */
	MAJOR,
	/** 重大. */
	CRITICAL

}
