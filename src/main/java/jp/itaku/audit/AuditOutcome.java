package jp.itaku.audit;

/**
 * How an audited action ended.
 */
public enum AuditOutcome {

	/** The action was carried out. */
	SUCCESS,

	/** The action was attempted and failed (e.g. a wrong password). */
	FAILURE,

	/** The action was refused by a rule (e.g. a locked account). */
	DENIED

}
