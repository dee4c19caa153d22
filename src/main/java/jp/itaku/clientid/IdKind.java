package jp.itaku.clientid;

/**
 * The two kinds of ID the client issues (門真市 4(2)).
 */
public enum IdKind {

	/** 照合ID: issued to the work lead and each worker, checked with biometrics. */
	VERIFICATION,

	/** 操作者ID: the permissions the work needs, hung under a verification ID. */
	OPERATOR

}
