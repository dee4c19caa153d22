package jp.itaku.roster;

/**
 * A worker's role on a contract, as the clauses name them.
 */
public enum WorkerRole {

	/** 統括責任者: accountable for information security on the contract. */
	SECURITY_LEAD,

	/** 契約責任者: accountable for the contract. */
	CONTRACT_LEAD,

	/** 業務責任者: manages the work. */
	WORK_LEAD,

	/** 管理責任者: manages the personal information (Nerima 第6条). */
	DATA_CUSTODIAN,

	/** 監督者: checks the deliverables (Gunma 第4条). */
	REVIEWER,

	/** 従事者: performs the work. */
	WORKER;

	/**
	 * Returns whether the role is one of the responsible persons whose change some
	 * profiles ask to be notified on its own (責任者の変更).
	 * @return {@code true} for every role but a worker
	 */
	public boolean isResponsible() {
		return this != WORKER;
	}

}
