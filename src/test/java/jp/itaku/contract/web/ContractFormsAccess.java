package jp.itaku.contract.web;

import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;

/**
 * Gives tests the form the edit page starts from.
 */
public final class ContractFormsAccess {

	private ContractFormsAccess() {
	}

	/**
	 * Returns the form of a stored contract.
	 * @param contract the contract
	 * @return its form
	 */
	public static ContractForm of(Contract contract) {
		return ContractForms.of(contract);
	}

}
