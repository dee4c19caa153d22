package jp.itaku.contract;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What happened to contracts, for the modules that react (obligations are planned from
 * them).
 */
public final class ContractEvents {

	private ContractEvents() {
	}

	/**
	 * A contract was registered.
	 *
	 * @param contractId the contract
	 */
	public record ContractRegistered(UUID contractId) {
	}

	/**
	 * A contract's scope attributes, period or deadline durations changed: its
	 * obligations must be planned again, keeping history and evidence.
	 *
	 * @param contractId the contract
	 */
	public record ContractScopeChanged(UUID contractId) {
	}

	/**
	 * A contract was ended: the work is over, and the duties due at its end that depend
	 * on what happened (returns, disposals, copies) can be raised.
	 *
	 * @param contractId the contract
	 * @param endedOn the day it was ended, in Tokyo
	 */
	public record ContractEnded(UUID contractId, LocalDate endedOn) {
	}

}
