package jp.itaku.reminder;

/**
 * What a reminder is about; with the obligation, the date and the recipient it names one
 * reminder that is sent at most once.
 */
enum ReminderKind {

	/** The due date is near (the configured days before it). */
	BEFORE_DUE,

	/** The due date has passed without a submission (the day after it). */
	OVERDUE,

	/** The client accepted a submission. */
	ACCEPTED,

	/** The client returned a submission with a comment. */
	RETURNED

}
