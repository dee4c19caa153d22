package jp.itaku.logevidence;

/**
 * The checks run over a contract's log lines, each with the clause it enforces and the
 * severity of what it finds.
 */
public enum LogRule {

	/** An ID that was never issued to anyone on the roster (Kadoma 4(2)). */
	ID_UNKNOWN("門真市 4(2)", Severity.HIGH),

	/** An ID used after the day it was revoked (Kadoma 4(3)). */
	ID_REVOKED("門真市 4(3)", Severity.HIGH),

	/** An ID used when its holder was not on the roster that day (Kadoma 4(3)). */
	HOLDER_INACTIVE("門真市 4(3)", Severity.HIGH),

	/**
	 * Activity of a worker on a day the schedule does not have them working (Kadoma
	 * 2(2)).
	 */
	NOT_SCHEDULED("門真市 2(2)", Severity.MEDIUM),

	/** Activity outside the allowed hours or the day's shift (Kadoma 2(2)). */
	OUTSIDE_HOURS("門真市 2(2)", Severity.MEDIUM),

	/** An operation the contract forbids, e.g. a search by 住民票コード (Kadoma 14(8)). */
	FORBIDDEN_OPERATION("門真市 14(8)", Severity.HIGH),

	/** More lines of one user in an hour than the threshold (Setagaya 17, Gunma 3ウ). */
	BULK_ACCESS("世田谷区 17・群馬県 3ウ", Severity.MEDIUM),

	/** A burst of failed sign-ins of one user (Setagaya 15, Kadoma 14(9)). */
	FAILED_LOGIN_BURST("世田谷区 15・門真市 14(9)", Severity.MEDIUM),

	/**
	 * A roster member entered the work area on a day they were not scheduled (Kadoma
	 * 14(4)).
	 */
	ENTRY_WITHOUT_SCHEDULE("門真市 14(4)・2(2)", Severity.LOW),

	/**
	 * Activity without an entry in the entry log that day, where the site requires it
	 * (Kadoma 14(4)).
	 */
	ACTIVITY_WITHOUT_ENTRY("門真市 14(4)", Severity.MEDIUM),

	/** Timestamps later than the batch's arrival beyond the tolerance (Setagaya 18). */
	CLOCK_FUTURE("世田谷区 18", Severity.MEDIUM),

	/** Timestamps going back beyond the tolerance within a batch (Setagaya 18). */
	CLOCK_ORDER("世田谷区 18", Severity.LOW);

	private final String clause;

	private final Severity severity;

	LogRule(String clause, Severity severity) {
		this.clause = clause;
		this.severity = severity;
	}

	public String clause() {
		return this.clause;
	}

	public Severity severity() {
		return this.severity;
	}

	/** How serious a finding is. */
	public enum Severity {

		/** Access the contract forbids outright. */
		HIGH,

		/** Access that needs an explanation. */
		MEDIUM,

		/** A record that does not add up. */
		LOW

	}

}
