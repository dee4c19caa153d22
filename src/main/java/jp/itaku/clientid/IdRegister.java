package jp.itaku.clientid;

import java.util.List;

import jp.itaku.contract.Contract;

/**
 * A contract's IDs as one actor may see them: every person of the roster with their IDs,
 * and whether the actor may issue and revoke.
 *
 * @param contract the contract
 * @param members each visible roster member with their IDs, by start and name
 * @param mayIssue whether the actor records IDs for the client
 */
public record IdRegister(Contract contract, List<MemberIds> members, boolean mayIssue) {

	public IdRegister {
		members = List.copyOf(members);
	}

	/**
	 * Returns the findings: people no longer active whose IDs still work.
	 * @return those members, in roster order
	 */
	public List<MemberIds> findings() {
		return this.members.stream().filter(MemberIds::isFinding).toList();
	}

	/**
	 * Returns the verification IDs an operator ID may be hung under.
	 * @return the active verification IDs with their holder
	 */
	public List<Holder> activeVerificationIds() {
		return this.members.stream()
			.filter((m) -> m.inactiveReason() == null)
			.flatMap((m) -> m.groups()
				.stream()
				.filter((g) -> g.verification().isActive())
				.map((g) -> new Holder(m, g.verification())))
			.toList();
	}

	/**
	 * A verification ID with the person it was issued to.
	 *
	 * @param member the person
	 * @param id the verification ID
	 */
	public record Holder(MemberIds member, ClientIssuedId id) {
	}

}
