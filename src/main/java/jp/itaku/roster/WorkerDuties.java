package jp.itaku.roster;

import jp.itaku.catalog.TriggerEvent;
import jp.itaku.obligation.ObligationTrigger;
import jp.itaku.obligation.Obligations;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Raises the obligations a worker joining or leaving creates (the profile's
 * {@code WORKER_JOINED} and {@code WORKER_LEFT} requirements, e.g. a pledge of a worker
 * who joined after the first roster notice, or the revocation notice of a leaver's IDs,
 * Kadoma 4(3)), as the roster's own reaction to its {@link RosterEvents}: the event is
 * the one statement of the fact, and every reaction to it listens. This reaction runs in
 * the transaction of the change, not after it: the duty and the change are committed
 * together or not at all, its due date counts from the day of the change, and the pages
 * the user goes to next (the contract's obligations, the leaver's IDs, the newcomer's
 * pledge) already show it.
 */
@Component
class WorkerDuties {

	private final RosterMemberRepository members;

	private final RosterNoticeRepository notices;

	private final Obligations obligations;

	WorkerDuties(RosterMemberRepository members, RosterNoticeRepository notices, Obligations obligations) {
		this.members = members;
		this.notices = notices;
		this.obligations = obligations;
	}

	/**
	 * A worker who joins after the roster was first notified is a change the client must
	 * be told of: raises what the profile asks on a worker joining (key
	 * {@code JOIN-<memberId>}).
	 * @param event the worker joined
	 */
	@EventListener
	void joined(RosterEvents.WorkerJoined event) {
		if (this.notices.countByContractId(event.contractId()) == 0) {
			return;
		}
		this.members.findById(event.memberId())
			.ifPresent((member) -> this.obligations.raise(event.contractId(),
					ObligationTrigger.event(TriggerEvent.WORKER_JOINED), new Obligations.Occurrence(
							"JOIN-" + member.getId(), event.on(), member.getName(), "RosterMember:" + member.getId())));
	}

	/**
	 * Raises what the profile asks on a worker leaving (key {@code LEFT-<memberId>}),
	 * from the last day of work.
	 * @param event the worker left
	 */
	// RosterMember.leave refuses a missing last day before WorkerLeft is published
	@SuppressWarnings("NullAway")
	@EventListener
	void left(RosterEvents.WorkerLeft event) {
		this.members.findById(event.memberId())
			.ifPresent((member) -> this.obligations.raise(event.contractId(),
					ObligationTrigger.event(TriggerEvent.WORKER_LEFT),
					new Obligations.Occurrence("LEFT-" + member.getId(), event.lastDay(), member.getName(),
							"RosterMember:" + member.getId())));
	}

}
