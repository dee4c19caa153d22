package jp.itaku.logevidence;

import jp.itaku.roster.RosterEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs a contract's log checks again when its roster changes (a worker joins or leaves),
 * once the change is committed. The client-issued IDs and the work schedules publish no
 * events: after changing them, the page's 再チェック (or {@code POST …/logs/recheck}) runs the
 * checks again.
 */
@Component
class RosterChanges {

	private static final Logger log = LoggerFactory.getLogger(RosterChanges.class);

	private final LogEvidence logs;

	RosterChanges(LogEvidence logs) {
		this.logs = logs;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void workerLeft(RosterEvents.WorkerLeft event) {
		recheck(event.contractId());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void workerJoined(RosterEvents.WorkerJoined event) {
		recheck(event.contractId());
	}

	private void recheck(java.util.UUID contractId) {
		try {
			CheckOutcome outcome = this.logs.recheckUnscoped(contractId);
			if (outcome.found() > 0 || outcome.withdrawn() > 0) {
				log.info("Log checks of contract {} re-run after a roster change: {} found, {} withdrawn", contractId,
						outcome.found(), outcome.withdrawn());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Log checks of contract {} could not be re-run after a roster change", contractId, ex);
		}
	}

}
