package jp.itaku.asset;

import java.util.UUID;

import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.roster.MemberStatus;
import jp.itaku.roster.RosterMember;

import org.jspecify.annotations.Nullable;

/**
 * Who may receive and hold information assets: the receiver must be an active member of
 * the contract's roster named as handover person (授受担当者, Setagaya 26); a holder must be
 * an active member of the roster.
 */
final class ReceiverRule {

	private ReceiverRule() {
	}

	/**
	 * Checks the receiver.
	 * @param contractId the contract
	 * @param member the member's contract, name, status and handover flag
	 * @throws InvalidInputProblem on the field {@code receiverId} otherwise
	 */
	static void requireReceiver(UUID contractId, @Nullable Person member) {
		if (member == null || !member.contractId().equals(contractId)) {
			throw new InvalidInputProblem("receiverId", "asset.error.receiver.notOnRoster");
		}
		if (member.status() != MemberStatus.ACTIVE) {
			throw new InvalidInputProblem("receiverId", "asset.error.receiver.notActive", member.name());
		}
		if (!member.handoverPerson()) {
			throw new InvalidInputProblem("receiverId", "asset.error.receiver.notHandover", member.name());
		}
	}

	/**
	 * Checks a holder.
	 * @param contractId the contract
	 * @param field the field naming the holder
	 * @param member the member
	 * @throws InvalidInputProblem on the field otherwise
	 */
	static void requireHolder(UUID contractId, String field, @Nullable Person member) {
		if (member == null || !member.contractId().equals(contractId)) {
			throw new InvalidInputProblem(field, "asset.error.holder.notOnRoster");
		}
		if (member.status() != MemberStatus.ACTIVE) {
			throw new InvalidInputProblem(field, "asset.error.holder.notActive", member.name());
		}
	}

	/**
	 * What the rule needs of a roster member.
	 *
	 * @param contractId the member's contract
	 * @param name the name
	 * @param status the status
	 * @param handoverPerson whether the member is a handover person
	 */
	record Person(UUID contractId, String name, MemberStatus status, boolean handoverPerson) {

		static @Nullable Person of(@Nullable RosterMember member) {
			return (member != null) ? new Person(member.getContractId(), member.getName(), member.getStatus(),
					member.isHandoverPerson()) : null;
		}

	}

}
