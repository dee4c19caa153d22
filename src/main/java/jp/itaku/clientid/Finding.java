package jp.itaku.clientid;

import java.util.List;

import jp.itaku.contract.Contract;

/**
 * "An ID still active for a person no longer active" on one contract (門真市 4(3)): the
 * client must revoke these IDs.
 *
 * @param contract the contract
 * @param member the person with their IDs, the reason and the state of the report
 */
public record Finding(Contract contract, MemberIds member) {

	/**
	 * Returns the IDs to revoke.
	 * @return the person's IDs that still work
	 */
	public List<ClientIssuedId> activeIds() {
		return this.member.activeIds();
	}

}
