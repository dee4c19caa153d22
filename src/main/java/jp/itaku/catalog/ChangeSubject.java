package jp.itaku.catalog;

/**
 * What changed, for requirements due on a change.
 */
public enum ChangeSubject {

	/** SUBMITTED_DOCUMENTS */
	SUBMITTED_DOCUMENTS,

	/** ROSTER */
	ROSTER,

	/** RESPONSIBLE_PERSONS */
	RESPONSIBLE_PERSONS,

	/** WORK_SCHEDULE */
	WORK_SCHEDULE,

	/** EMERGENCY_CONTACTS */
	EMERGENCY_CONTACTS,

	/** SUBCONTRACT_STAFF */
	SUBCONTRACT_STAFF;

}
