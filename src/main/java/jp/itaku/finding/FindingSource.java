package jp.itaku.finding;

import java.util.List;

import jp.itaku.contract.Contract;

import org.springframework.modulith.NamedInterface;

/**
 * A module that finds things on a contract (inspections, log checks) and lists them for
 * the contract's one list of findings ({@link Findings}). The caller has already checked
 * that the reader is a party to the contract ({@code Contracts.get(actor, id)}); every
 * party reads every finding of its contract.
 */
@NamedInterface("sources")
public interface FindingSource {

	/**
	 * Returns the contract's findings from this source.
	 * @param contract the contract, already scoped to the reader
	 * @return its findings, in any order
	 */
	List<FindingSummary> findingsOf(Contract contract);

}
