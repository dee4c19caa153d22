package jp.itaku.platform.database;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Notices when the embedded server's postmaster has died (checked every
 * {@code itaku.database.embedded.watchdog-interval}, 2 s by default) and starts it again
 * on the same port: PostgreSQL's crash recovery replays the WAL, so every confirmed
 * commit is back, and the pool's connections are renewed. This is what a supervisor would
 * do by restarting the whole node, only faster, and it also works where nothing
 * supervises the node (the demo, a plain {@code java -jar}). When the server cannot be
 * started {@code max-restarts} times in a row, the node's liveness becomes {@code BROKEN}
 * ({@code /actuator/health/liveness} answers 503) for a supervisor to restart the node.
 * Meanwhile readiness is DOWN, as the database check fails. Not for a server this process
 * attached to: its node watches it.
 */
final class DatabaseWatchdog implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DatabaseWatchdog.class);

	private final EmbeddedPostgresServer server;

	private final HikariDataSource pool;

	private final Duration interval;

	private final int maxRestarts;

	private final ApplicationEventPublisher events;

	private @Nullable ScheduledExecutorService executor;

	private int failures;

	private boolean broken;

	DatabaseWatchdog(EmbeddedPostgresServer server, HikariDataSource pool, Duration interval, int maxRestarts,
			ApplicationEventPublisher events) {
		this.server = server;
		this.pool = pool;
		this.interval = interval;
		this.maxRestarts = maxRestarts;
		this.events = events;
	}

	@Override
	public synchronized void start() {
		if (this.interval.isZero() || this.interval.isNegative() || this.server.isAttached() || this.executor != null) {
			return;
		}
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "itaku-database-watchdog");
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.interval.toMillis();
		this.executor.scheduleWithFixedDelay(this::check, millis, millis, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

	/**
	 * Checks the postmaster once and starts it again when it has died.
	 */
	void check() {
		try {
			if (this.server.restartIfDead()) {
				HikariPoolMXBean bean = this.pool.getHikariPoolMXBean();
				if (bean != null) {
					bean.softEvictConnections();
				}
				log.warn("The embedded PostgreSQL server runs again (pid {})", this.server.pid());
				this.failures = 0;
				if (this.broken) {
					this.broken = false;
					AvailabilityChangeEvent.publish(this.events, this, LivenessState.CORRECT);
				}
			}
		}
		catch (RuntimeException ex) {
			this.failures++;
			log.error("The embedded PostgreSQL server cannot be started again (attempt {} of {})", this.failures,
					this.maxRestarts, ex);
			if (this.failures >= this.maxRestarts && !this.broken) {
				this.broken = true;
				log.error("Reporting the node as not live: it needs to be restarted");
				AvailabilityChangeEvent.publish(this.events, this, LivenessState.BROKEN);
			}
		}
	}

}
