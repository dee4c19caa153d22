package jp.itaku.catalog;

/**
 * The canonical clause categories (GLOSSARY): the thirteen items the national guideline
 * says an outsourcing contract must state, then what the seeds add. Every clause carries
 * one.
 */
public enum ClauseCategory {

	/** 情報セキュリティポリシー及び実施手順の遵守 */
	POLICY_COMPLIANCE,

	/** 責任者、委託内容、作業者の所属、作業場所の特定 */
	RESPONSIBILITY_AND_LOCATION,

	/** 提供されるサービスレベルの保証 */
	SERVICE_LEVEL,

	/** アクセスを許可する情報の種類と範囲、アクセス方法 */
	ACCESS_SCOPE,

	/** 従業員に対する教育の実施 */
	STAFF_TRAINING,

	/** 目的外利用及び受託者以外の者への提供の禁止 */
	PURPOSE_LIMITATION,

	/** 業務上知り得た情報の守秘義務 */
	CONFIDENTIALITY,

	/** 再委託に関する制限事項の遵守 */
	SUBCONTRACTING,

	/** 委託業務終了時の情報資産の返還、廃棄等 */
	RETURN_AND_DISPOSAL,

	/** 委託業務の定期報告及び緊急時報告義務 */
	REPORTING,

	/** 監査、検査 */
	AUDIT_AND_INSPECTION,

	/** 事故時等の公表 */
	INCIDENT_PUBLICATION,

	/** 遵守されなかった場合の規定（損害賠償等） */
	BREACH_REMEDIES,

	/** 情報の授受・保管・複写・持ち出し・運搬 */
	INFORMATION_HANDLING,

	/** 物的セキュリティ */
	PHYSICAL_SECURITY,

	/** 技術的セキュリティ */
	TECHNICAL_SECURITY,

	/** 事故・緊急時の対応 */
	INCIDENT_RESPONSE,

	/** 目的・定義・疑義の決定などの一般条項 */
	GENERAL;

	/**
	 * Returns whether the national guideline lists this category among what a contract
	 * must state.
	 * @return {@code true} for the first thirteen categories
	 */
	public boolean isGuidelineItem() {
		return ordinal() <= BREACH_REMEDIES.ordinal();
	}

}
