package jp.itaku.platform;

/**
 * The kinds of organisation party to an outsourcing contract (GLOSSARY: parties).
 */
public enum OrganisationKind {

	/** 委託者 (甲): the public body that outsources the work and owns the information. */
	CLIENT,

	/** 受託者 (乙): the company that performs the contracted work. */
	CONTRACTOR,

	/** 再受託者: a company the contractor (or a subcontractor) passes part of the work to. */
	SUBCONTRACTOR

}
