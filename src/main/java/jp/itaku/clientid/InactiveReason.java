package jp.itaku.clientid;

import java.time.LocalDate;
import java.util.Optional;

import jp.itaku.roster.MemberStatus;
import jp.itaku.roster.RosterMember;

import org.jspecify.annotations.Nullable;

/**
 * Why a person on a roster no longer works on the contract, so that an ID still active
 * for them is a finding (門真市 4(3): the IDs of a person who leaves are to be removed).
 */
public enum InactiveReason {

	/** The contractor recorded the departure on the roster. */
	LEFT,

	/** The day the person stopped working (actual or planned end) has passed. */
	PERIOD_ENDED;

	/**
	 * Returns why a roster member is no longer active.
	 * @param member the member
	 * @param today today in Tokyo
	 * @return the reason, or empty while the member is (or will be) active
	 */
	public static Optional<InactiveReason> of(RosterMember member, LocalDate today) {
		return of(member.getStatus(), member.getActualEnd(), member.getPlannedEnd(), today);
	}

	/**
	 * Returns why a person with this status and period is no longer active.
	 * @param status the roster status
	 * @param actualEnd the last day actually worked, or {@code null}
	 * @param plannedEnd the planned last day, or {@code null}
	 * @param today today in Tokyo
	 * @return the reason, or empty while the person is (or will be) active
	 */
	static Optional<InactiveReason> of(MemberStatus status, @Nullable LocalDate actualEnd,
			@Nullable LocalDate plannedEnd, LocalDate today) {
		if (status == MemberStatus.LEFT) {
			return Optional.of(LEFT);
		}
		if ((actualEnd != null && actualEnd.isBefore(today)) || (plannedEnd != null && plannedEnd.isBefore(today))) {
			return Optional.of(PERIOD_ENDED);
		}
		return Optional.empty();
	}

}
