package jp.itaku.logevidence;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
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
 * made the change does not wait for. A re-run reads only the lines and days of the people
 * the change concerns ({@link LogChecks#recheckChanged}), and nothing when a batch's
 * checks (of any node) have already found and re-checked the change. Re-runs are one at a
 * time, and coalesced per contract: changes that arrive while a contract's re-run is
 * still waiting join it (a roster import of 50 workers runs the checks once or twice, not
 * 50 times); a change that arrives while it runs queues one more, since the running one
 * may have read the old data. The page's 再チェック (or {@code POST …/logs/recheck}) runs them
 * on demand.
 * <p>
 * Each change is kept in the event publication registry until the re-run that covers it
 * has finished: the listeners return that re-run's future, and the registry completes the
 * publication when it completes (or leaves it failed when the re-run failed). A change
 * whose re-run was lost (the node stopped) or failed is resubmitted and queues a re-run
 * again. These listeners are not {@code @ApplicationModuleListener}s on purpose: that
 * would run each change on the shared asynchronous executor, one re-run per change, where
 * the coalescing queue here runs one per contract.
 */
@Component
class PeopleChanges {

	private static final Logger log = LoggerFactory.getLogger(PeopleChanges.class);

	/** Milliseconds of the last re-run, commit included (the benchmark reads it). */
	static final AtomicLong LAST_MILLIS = new AtomicLong(-1);

	private final Function<UUID, CheckOutcome> recheck;

	private final ExecutorService background;

	/** Contracts whose re-run is queued and not started yet, with that re-run. */
	private final Map<UUID, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

	@Autowired
	PeopleChanges(LogEvidence logs) {
		this(logs::recheckChangedUnscoped, Executors.newSingleThreadExecutor((task) -> {
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
	CompletableFuture<Void> workerLeft(RosterEvents.WorkerLeft event) {
		return changed(event.contractId());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	CompletableFuture<Void> workerJoined(RosterEvents.WorkerJoined event) {
		return changed(event.contractId());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	CompletableFuture<Void> workerChanged(RosterEvents.WorkerChanged event) {
		return changed(event.contractId());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	CompletableFuture<Void> idsChanged(ClientIdEvents.IdsChanged event) {
		return changed(event.contractId());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	CompletableFuture<Void> scheduleChanged(WorkScheduleEvents.ScheduleChanged event) {
		return changed(event.contractId());
	}

	@PreDestroy
	void stop() {
		this.background.shutdownNow();
	}

	/**
	 * Queues a re-run of a contract's checks, unless one is queued and not started yet.
	 * @return the re-run that covers the change: done when it has finished, failed when
	 * it failed
	 */
	private CompletableFuture<Void> changed(UUID contractId) {
		return this.waiting.computeIfAbsent(contractId, (id) -> {
			CompletableFuture<Void> done = new CompletableFuture<>();
			this.background.execute(() -> recheck(id, done));
			return done;
		});
	}

	private void recheck(UUID contractId, CompletableFuture<Void> done) {
		this.waiting.remove(contractId, done);
		try {
			long started = System.nanoTime();
			CheckOutcome outcome = this.recheck.apply(contractId);
			LAST_MILLIS.set((System.nanoTime() - started) / 1_000_000);
			if (outcome.found() > 0 || outcome.withdrawn() > 0) {
				log.info(
						"Log checks of contract {} re-run after a change of roster, IDs or schedule: {} found, {} withdrawn",
						contractId, outcome.found(), outcome.withdrawn());
			}
			done.complete(null);
		}
		catch (RuntimeException ex) {
			log.warn("Log checks of contract {} could not be re-run after a change of roster, IDs or schedule; "
					+ "they are re-run when the change is resubmitted", contractId, ex);
			done.completeExceptionally(ex);
		}
	}

}
