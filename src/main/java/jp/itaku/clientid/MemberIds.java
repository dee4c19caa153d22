package jp.itaku.clientid;

import java.util.List;
import java.util.stream.Stream;

import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationStatus;
import jp.itaku.roster.RosterMember;

import org.jspecify.annotations.Nullable;

/**
 * One person of a roster with the IDs the client issued to them, grouped by verification
 * ID, and — once the person is no longer active — why, and the state of the contractor's
 * report that has the IDs revoked (門真市 4(3)).
 *
 * @param member the roster member
 * @param groups each verification ID with its operator IDs, in issue order
 * @param inactiveReason why the person no longer works on the contract, or {@code null}
 * @param revocationNotice the obligation to report the departure, or {@code null} when
 * none was raised
 * @param noticeStatus its effective status today, or {@code null}
 */
public record MemberIds(RosterMember member, List<IdGroup> groups, @Nullable InactiveReason inactiveReason,
		@Nullable Obligation revocationNotice, @Nullable ObligationStatus noticeStatus) {

	public MemberIds {
		groups = List.copyOf(groups);
	}

	/**
	 * Returns every ID of the person.
	 * @return verification IDs each followed by their operator IDs
	 */
	public List<ClientIssuedId> ids() {
		return this.groups.stream()
			.flatMap((g) -> Stream.concat(Stream.of(g.verification()), g.operators().stream()))
			.toList();
	}

	/**
	 * Returns the IDs that still work.
	 * @return the IDs not revoked
	 */
	public List<ClientIssuedId> activeIds() {
		return ids().stream().filter(ClientIssuedId::isActive).toList();
	}

	/**
	 * Returns whether an ID still works for a person who no longer works on the contract.
	 * @return {@code true} for the finding
	 */
	public boolean isFinding() {
		return this.inactiveReason != null && !activeIds().isEmpty();
	}

	/**
	 * A verification ID and the operator IDs hung under it.
	 *
	 * @param verification the verification ID
	 * @param operators its operator IDs, in issue order
	 */
	public record IdGroup(ClientIssuedId verification, List<ClientIssuedId> operators) {

		public IdGroup {
			operators = List.copyOf(operators);
		}

	}

}
