package jp.itaku.logevidence;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

import jp.itaku.clientid.ClientIdEvents;
import jp.itaku.roster.RosterEvents;
import jp.itaku.worksite.WorkScheduleEvents;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Re-runs of a contract's log checks after changes of roster, IDs or schedules are
 * coalesced per contract while they wait, and never lost while one runs.
 */
class PeopleChangesTests {

	private final List<UUID> rechecked = new ArrayList<>();

	private final QueuedExecutor background = new QueuedExecutor();

	private final PeopleChanges changes = new PeopleChanges((contractId) -> {
		this.rechecked.add(contractId);
		return new CheckOutcome(0, 0, 0);
	}, this.background);

	private final UUID contractA = UUID.randomUUID();

	private final UUID contractB = UUID.randomUUID();

	@Test
	void changesWaitingForTheSameContractRunTheChecksOnce() {
		for (int i = 0; i < 50; i++) {
			this.changes.workerJoined(new RosterEvents.WorkerJoined(this.contractA, UUID.randomUUID(), day()));
		}
		this.changes.idsChanged(new ClientIdEvents.IdsChanged(this.contractA));
		this.changes.scheduleChanged(new WorkScheduleEvents.ScheduleChanged(this.contractB, YearMonth.of(2026, 12)));
		this.changes.workerLeft(new RosterEvents.WorkerLeft(this.contractB, UUID.randomUUID(), day()));

		assertThat(this.background.queued()).isEqualTo(2);
		this.background.runAll();
		assertThat(this.rechecked).containsExactly(this.contractA, this.contractB);
	}

	@Test
	void aChangeDuringARunQueuesOneMore() {
		this.changes.workerChanged(new RosterEvents.WorkerChanged(this.contractA, UUID.randomUUID(), List.of("name")));
		Runnable first = this.background.take();
		first.run();
		this.changes.workerChanged(new RosterEvents.WorkerChanged(this.contractA, UUID.randomUUID(), List.of("name")));
		this.changes.workerChanged(new RosterEvents.WorkerChanged(this.contractA, UUID.randomUUID(), List.of("name")));

		assertThat(this.background.queued()).isEqualTo(1);
		this.background.runAll();
		assertThat(this.rechecked).containsExactly(this.contractA, this.contractA);
	}

	@Test
	void aFailedRunDoesNotBlockTheNextChange() {
		PeopleChanges failing = new PeopleChanges((contractId) -> {
			this.rechecked.add(contractId);
			throw new IllegalStateException("database gone");
		}, this.background);
		failing.idsChanged(new ClientIdEvents.IdsChanged(this.contractA));
		this.background.runAll();
		failing.idsChanged(new ClientIdEvents.IdsChanged(this.contractA));
		this.background.runAll();
		assertThat(this.rechecked).containsExactly(this.contractA, this.contractA);
	}

	private static LocalDate day() {
		return LocalDate.of(2026, 12, 4);
	}

	/** An executor whose tasks run only when the test says so. */
	static class QueuedExecutor extends AbstractExecutorService {

		private final Deque<Runnable> tasks = new ArrayDeque<>();

		@Override
		public void execute(Runnable command) {
			this.tasks.add(command);
		}

		int queued() {
			return this.tasks.size();
		}

		Runnable take() {
			return this.tasks.poll();
		}

		void runAll() {
			while (!this.tasks.isEmpty()) {
				this.tasks.poll().run();
			}
		}

		@Override
		public void shutdown() {
		}

		@Override
		public List<Runnable> shutdownNow() {
			return List.of();
		}

		@Override
		public boolean isShutdown() {
			return false;
		}

		@Override
		public boolean isTerminated() {
			return false;
		}

		@Override
		public boolean awaitTermination(long timeout, TimeUnit unit) {
			return true;
		}

	}

}
