package jp.itaku.catalog;

/**
 * What a requirement asks.
 */
public enum RequirementKind {

	/** Submit a document (書面の提出). */
	SUBMIT_DOCUMENT,

	/** Keep a record or register. */
	KEEP_RECORD,

	/** Obtain the client's prior approval (承認). */
	OBTAIN_APPROVAL,

	/** Notify or report (通知・報告). */
	NOTIFY,

	/** Must not do something. */
	PROHIBITION,

	/** Implement a control. */
	IMPLEMENT_CONTROL,

	/** A right of the client (audit, instruction, publication, remedies). */
	CLIENT_RIGHT,

	/** Binds nobody to an action. */
	INFORMATIONAL;

}
