package jp.itaku.contract;

import java.util.UUID;

/**
 * Implemented by the module that knows whether a contract's end-of-contract duties are
 * met (obligations), so that a contract cannot be closed while one is open.
 */
public interface ContractClosingCheck {

	/**
	 * Returns whether nothing keeps the contract from being closed.
	 * @param contractId the contract
	 * @return {@code true} when every end-of-contract obligation is met
	 */
	boolean mayClose(UUID contractId);

}
