package jp.itaku.catalog;

/**
 * What proves a requirement is met: a written submission (書面) or a register (管理簿). A
 * closed list; labels are in the message bundles ({@code deliverable.NAME}).
 */
public enum Deliverable {

	/** A written submission. */
	SECURITY_RULES(Form.DOCUMENT),

	/** A written submission. */
	ROSTER(Form.DOCUMENT),

	/** A written submission. */
	EMERGENCY_CONTACTS(Form.DOCUMENT),

	/** A written submission. */
	IMPLEMENTATION_SCHEDULE(Form.DOCUMENT),

	/** A written submission. */
	NETWORK_DIAGRAM(Form.DOCUMENT),

	/** A written submission. */
	SECURITY_SPECIFICATION(Form.DOCUMENT),

	/** A written submission. */
	CLOUD_RISK_MEASURES(Form.DOCUMENT),

	/** A written submission. */
	PLEDGE(Form.DOCUMENT),

	/** A written submission. */
	PROTECTION_MEASURES_EXPLANATION(Form.DOCUMENT),

	/** A written submission. */
	RESPONSIBLE_PERSONS_NOTICE(Form.DOCUMENT),

	/** A written submission. */
	WORK_SCHEDULE(Form.DOCUMENT),

	/** A written submission. */
	TRAINING_RECORD(Form.DOCUMENT),

	/** A written submission. */
	DRILL_RECORD(Form.DOCUMENT),

	/** A written submission. */
	SUBCONTRACT_APPLICATION(Form.DOCUMENT),

	/** A written submission. */
	SUBCONTRACT_STAFF_NOTICE(Form.DOCUMENT),

	/** A written submission. */
	SUBCONTRACT_SUPERVISION_REPORT(Form.DOCUMENT),

	/** A written submission. */
	COPY_REQUEST(Form.DOCUMENT),

	/** A written submission. */
	TAKE_OUT_REQUEST(Form.DOCUMENT),

	/** A written submission. */
	BRING_IN_REQUEST(Form.DOCUMENT),

	/** A written submission. */
	WORK_LOCATION_REQUEST(Form.DOCUMENT),

	/** A written submission. */
	THIRD_PARTY_PROVISION_REQUEST(Form.DOCUMENT),

	/** A written submission. */
	DISPOSAL_APPLICATION(Form.DOCUMENT),

	/** A written submission. */
	DISPOSAL_REPORT(Form.DOCUMENT),

	/** A written submission. */
	RETURN_RECORD(Form.DOCUMENT),

	/** A written submission. */
	CUSTODY_RECEIPT(Form.DOCUMENT),

	/** A written submission. */
	INCIDENT_REPORT(Form.DOCUMENT),

	/** A written submission. */
	RECURRENCE_PREVENTION_REPORT(Form.DOCUMENT),

	/** A written submission. */
	EMERGENCY_RESPONSE_PLAN(Form.DOCUMENT),

	/** A written submission. */
	SELF_INSPECTION_REPORT(Form.DOCUMENT),

	/** A written submission. */
	PERIODIC_REPORT(Form.DOCUMENT),

	/** A written submission. */
	STATUS_REPORT(Form.DOCUMENT),

	/** A written submission. */
	IMPROVEMENT_REPORT(Form.DOCUMENT),

	/** A written submission. */
	AUDIT_MATERIALS(Form.DOCUMENT),

	/** A written submission. */
	LOG_SUBMISSION(Form.DOCUMENT),

	/** A written submission. */
	ID_REVOCATION_NOTICE(Form.DOCUMENT),

	/** A written submission. */
	CREDENTIAL_LEAK_REPORT(Form.DOCUMENT),

	/** A written submission. */
	VULNERABILITY_RESPONSE(Form.DOCUMENT),

	/** A written submission. */
	WRITTEN_NOTICE(Form.DOCUMENT),

	/**
	 * A written record that a periodic duty was carried out on its planned date (a check,
	 * a backup, a log analysis, a patch round): the evidence of an occurrence of the
	 * contract's implementation plan (実施計画).
	 */
	IMPLEMENTATION_RECORD(Form.DOCUMENT),

	/** A register kept by the contractor. */
	RECEIPT_REGISTER(Form.REGISTER),

	/** A register kept by the contractor. */
	COPY_REGISTER(Form.REGISTER),

	/** A register kept by the contractor. */
	TAKE_OUT_REGISTER(Form.REGISTER),

	/** A register kept by the contractor. */
	SHIPMENT_REGISTER(Form.REGISTER),

	/** A register kept by the contractor. */
	BRING_IN_REGISTER(Form.REGISTER),

	/** A register kept by the contractor. */
	DISPOSAL_REGISTER(Form.REGISTER),

	/** A register kept by the contractor. */
	ASSET_REGISTER(Form.REGISTER),

	/** A register kept by the contractor. */
	ENTRY_LOG(Form.REGISTER),

	/** A register kept by the contractor. */
	ACCESS_LOG(Form.REGISTER),

	/** A register kept by the contractor. */
	OPERATION_LOG(Form.REGISTER),

	/** A register kept by the contractor. */
	WORK_RECORD(Form.REGISTER),

	/** A register kept by the contractor. */
	ID_REGISTER(Form.REGISTER);

	private final Form form;

	Deliverable(Form form) {
		this.form = form;
	}

	/**
	 * Returns whether this is a document or a register.
	 * @return the form
	 */
	public Form form() {
		return this.form;
	}

	/** The two forms of evidence. */
	public enum Form {

		/** A written submission, reviewed by the client. */
		DOCUMENT,

		/** A register kept by the contractor. */
		REGISTER

	}

}
