package jp.itaku.catalog;

/**
 * Scope attributes of a contract that decide whether a requirement applies.
 */
public enum ContractAttribute {

	/** 個人情報を取り扱う */
	HANDLES_PERSONAL_INFORMATION,

	/** 特定個人情報（個人番号）を取り扱う */
	HANDLES_MY_NUMBER,

	/** クラウドサービスを利用する */
	USES_CLOUD_SERVICES,

	/** 委託者の施設で作業する */
	WORKS_AT_CLIENT_SITE,

	/** 情報システムの開発・保守を行う */
	DEVELOPS_OR_MAINTAINS_SYSTEM,

	/** 再委託がある */
	HAS_SUBCONTRACTORS,

	/** 委託者が運用する情報システムのサーバ等を委託者の庁舎外に設置する (Setagaya 10) */
	SERVERS_OUTSIDE_CLIENT_PREMISES;

}
