package jp.itaku.platform;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a user may do. Each role belongs to organisations of certain kinds only.
 */
public enum Role {

	/** Operates the system: organisations, users, audit trail. */
	SYSTEM_ADMIN(EnumSet.of(OrganisationKind.CLIENT)),

	/** The client's security administrator (情報セキュリティ管理者). */
	CLIENT_SECURITY_ADMIN(EnumSet.of(OrganisationKind.CLIENT)),

	/** A client officer (担当職員) who manages contracts and reviews submissions. */
	CLIENT_OFFICER(EnumSet.of(OrganisationKind.CLIENT)),

	/** The contractor's (or subcontractor's) lead: security, contract or work lead. */
	CONTRACTOR_LEAD(EnumSet.of(OrganisationKind.CONTRACTOR, OrganisationKind.SUBCONTRACTOR)),

	/** A worker (従事者) of a contractor or subcontractor. */
	CONTRACTOR_WORKER(EnumSet.of(OrganisationKind.CONTRACTOR, OrganisationKind.SUBCONTRACTOR)),

	/** Reads everything its organisation may see, changes nothing. */
	AUDITOR(EnumSet.of(OrganisationKind.CLIENT));

	private final Set<OrganisationKind> allowedKinds;

	Role(Set<OrganisationKind> allowedKinds) {
		this.allowedKinds = allowedKinds;
	}

	/**
	 * Returns whether a user of an organisation of the given kind may hold this role.
	 * @param kind the organisation's kind
	 * @return {@code true} when the role fits the organisation
	 */
	public boolean fits(OrganisationKind kind) {
		return this.allowedKinds.contains(kind);
	}

	/**
	 * Returns the Spring Security authority name of this role.
	 * @return {@code ROLE_} followed by the role's name
	 */
	/**
	 * Returns whether the role reads the audit trail: the system administrator, the
	 * client's security administrator and the auditor.
	 * @return {@code true} for the audit trail's readers
	 */
	public boolean readsAuditTrail() {
		return this == SYSTEM_ADMIN || this == CLIENT_SECURITY_ADMIN || this == AUDITOR;
	}

	/**
	 * Returns whether the role works on the contractor's side (a lead or a worker of a
	 * contractor or subcontractor).
	 * @return {@code true} for leads and workers
	 */
	public boolean isContractorSide() {
		return this == CONTRACTOR_LEAD || this == CONTRACTOR_WORKER;
	}

	public String authority() {
		return "ROLE_" + name();
	}

}
