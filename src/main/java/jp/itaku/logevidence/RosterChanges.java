package jp.itaku.logevidence;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jp.itaku.roster.RosterEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs a contract's log checks again when its roster changes (a worker joins, changes or
 * leaves), once the change is committed, on a background thread of its own: a contract
 * with millions of log lines takes tens of seconds, which the lead who changed the roster
 * does not wait for. Re-runs are one at a time. The client-issued IDs and the work
 * schedules publish no events: after changing them, the page's 再チェック (or
 * {@code POST …/logs/recheck}) runs the checks again.
 */
@Component
class RosterChanges {

	private static final Logger log = LoggerFactory.getLogger(RosterChanges.class);

	private final LogEvidence logs;

	private final ExecutorService background = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "itaku-log-recheck");
		thread.setDaemon(true);
		return thread;
	});

	RosterChanges(LogEvidence logs) {
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

	@PreDestroy
	void stop() {
		this.background.shutdownNow();
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
