package jp.itaku.finding;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractScope;

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

	/**
	 * Returns which of the contracts a user sees have any finding from this source, in
	 * one read joined with the contracts, so that a list across every contract a user
	 * sees (the inbox) reads only those contracts and asks {@link #findingsOf} only of
	 * them: at 1,000 contracts one query per contract and source held the landing page's
	 * connections for seconds, and at 10,000 reading every contract to keep a few did.
	 * @param scope the contracts the user sees ({@code Contracts.scope}, a condition on
	 * alias {@code c} of the {@code contract} table)
	 * @return those of them with findings
	 */
	Set<UUID> contractsWithFindings(ContractScope scope);

}
