package jp.itaku.catalog;

/**
 * Who a requirement binds (GLOSSARY: parties).
 */
public enum Party {

	/** 受託者 */
	CONTRACTOR,

	/** 委託者 */
	CLIENT,

	/** 再受託者 */
	SUBCONTRACTOR;

}
