package jp.itaku.logevidence;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import jp.itaku.clientid.ClientIdEvents;
import jp.itaku.roster.RosterEvents;
import jp.itaku.worksite.WorkScheduleEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs a contract's log checks again when what they check against changes — a worker
 * joins, changes or leaves the roster, a client-issued ID is issued or revoked, a month's
 * work schedule is saved — once the change is committed, on a background thread of its
 * own: a contract with millions of log lines takes tens of seconds, which the user who
 * made the change does not wait for. Re-runs are one at a time, and coalesced per
 * contract: changes that arrive while a contract's re-run is still waiting join it (a
 * roster import of 50 workers runs the checks once or twice, not 50 times); a change that
 * arrives while it runs queues one more, since the running one may have read the old
 * data. The page's 再チェック (or {@code POST …/logs/recheck}) runs them on demand.
 */
@Component
class PeopleChanges {

	private static final Logger log = LoggerFactory.getLogger(PeopleChanges.class);

	private final Function<UUID, CheckOutcome> recheck;

	private final ExecutorService background;

	/** Contracts whose re-run is queued and not started yet. */
	private final Set<UUID> waiting = ConcurrentHashMap.newKeySet();

	@Autowired
	PeopleChanges(LogEvidence logs) {
		this(logs::recheckUnscoped, Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "itaku-log-recheck");
			thread.setDaemon(true);
			return thread;
		}));
	}

	PeopleChanges(Function<UUID, CheckOutcome> recheck, ExecutorService background) {
		this.recheck = recheck;
		this.background = background;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void workerLeft(RosterEvents.WorkerLeft event) {
		changed(event.contractId());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void workerJoined(RosterEvents.WorkerJoined event) {
		changed(event.contractId());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void workerChanged(RosterEvents.WorkerChanged event) {
		changed(event.contractId());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void idsChanged(ClientIdEvents.IdsChanged event) {
		changed(event.contractId());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void scheduleChanged(WorkScheduleEvents.ScheduleChanged event) {
		changed(event.contractId());
	}

	@PreDestroy
	void stop() {
		this.background.shutdownNow();
	}

	private void changed(UUID contractId) {
		if (this.waiting.add(contractId)) {
			this.background.execute(() -> recheck(contractId));
		}
	}

	private void recheck(UUID contractId) {
		this.waiting.remove(contractId);
		try {
			CheckOutcome outcome = this.recheck.apply(contractId);
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
