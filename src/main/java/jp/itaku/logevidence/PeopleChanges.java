package jp.itaku.logevidence;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jp.itaku.clientid.ClientIdEvents;
import jp.itaku.roster.RosterEvents;
import jp.itaku.worksite.WorkScheduleEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs a contract's log checks again when what they check against changes — a worker
 * joins, changes or leaves the roster, a client-issued ID is issued or revoked, a month's
 * work schedule is saved — once the change is committed, on a background thread of its
 * own: a contract with millions of log lines takes tens of seconds, which the user who
 * made the change does not wait for. Re-runs are one at a time. The page's 再チェック (or
 * {@code POST …/logs/recheck}) runs them on demand.
 */
@Component
class PeopleChanges {

	private static final Logger log = LoggerFactory.getLogger(PeopleChanges.class);

	private final LogEvidence logs;

	private final ExecutorService background = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "itaku-log-recheck");
		thread.setDaemon(true);
		return thread;
	});

	PeopleChanges(LogEvidence logs) {
		this.logs = logs;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void workerLeft(RosterEvents.WorkerLeft event) {
		this.background.execute(() -> recheck(event.contractId()));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void workerJoined(RosterEvents.WorkerJoined event) {
		this.background.execute(() -> recheck(event.contractId()));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void workerChanged(RosterEvents.WorkerChanged event) {
		this.background.execute(() -> recheck(event.contractId()));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void idsChanged(ClientIdEvents.IdsChanged event) {
		this.background.execute(() -> recheck(event.contractId()));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void scheduleChanged(WorkScheduleEvents.ScheduleChanged event) {
		this.background.execute(() -> recheck(event.contractId()));
	}

	@PreDestroy
	void stop() {
		this.background.shutdownNow();
	}

	private void recheck(java.util.UUID contractId) {
		try {
			CheckOutcome outcome = this.logs.recheckUnscoped(contractId);
			if (outcome.found() > 0 || outcome.withdrawn() > 0) {
				log.info(
						"Log checks of contract {} re-run after a change of roster, IDs or schedule: {} found, {} withdrawn",
						contractId, outcome.found(), outcome.withdrawn());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Log checks of contract {} could not be re-run after a change of roster, IDs or schedule",
					contractId, ex);
		}
	}

}
