package jp.itaku.finding;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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

	/**
	 * Returns which of some contracts have any finding from this source, in one read, so
	 * that a list across every contract a user sees (the inbox) asks {@link #findingsOf}
	 * only of those: at 1,000 contracts one query per contract and source held the
	 * landing page's connections for seconds.
	 * @param contractIds the contracts, already scoped to the reader
	 * @return those of them with findings; by default all of them
	 */
	default Set<UUID> contractsWithFindings(Collection<UUID> contractIds) {
		return Set.copyOf(contractIds);
	}

}
