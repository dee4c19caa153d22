package jp.itaku.reminder;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import jp.itaku.support.IntegrationTest;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scheduled job's lock while its node lives and after the node is killed: a second JVM
 * takes the watched log folder's lock as the application does, with the shortest
 * lock-at-most-for the keep-alive accepts (30 s; the default is 2 minutes). While it
 * runs, the lock is extended beyond that time and this node cannot take it; after
 * {@code kill -9}, the lock lapses within lock-at-most-for and this node takes it.
 */
@IntegrationTest
@DisabledIfEnvironmentVariable(named = "ITAKU_DB_URL", matches = ".+",
		disabledReason = "a process-death test that waits out lock-at-most-for: run once, in the embedded pass")
class SchedulerLockLapseIT {

	private static final String JOB = "itaku-log-folder";

	private static final Duration AT_MOST = ReminderConfiguration.SHORTEST_LOCK;

	@Autowired
	DataSource dataSource;

	@Autowired
	LockProvider locks;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLiveNodesLockIsKeptBeyondLockAtMostForAndAKilledNodesLockLapsesWithinIt() throws Exception {
		HikariDataSource database = (HikariDataSource) this.dataSource;
		Process node = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
				System.getProperty("java.class.path"), LockHolder.class.getName(), database.getJdbcUrl(),
				database.getUsername(), Objects.toString(database.getPassword(), ""), JOB, AT_MOST.toString())
			.redirectErrorStream(true)
			.start();
		try {
			BufferedReader output = new BufferedReader(
					new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
			String first = CompletableFuture.supplyAsync(() -> {
				try {
					for (String line = output.readLine(); line != null; line = output.readLine()) {
						if (line.equals("LOCKED") || line.equals("BUSY")) {
							return line;
						}
					}
					return "exited";
				}
				catch (java.io.IOException ex) {
					return ex.toString();
				}
			}).get(60, TimeUnit.SECONDS);
			assertThat(first).isEqualTo("LOCKED");
			CompletableFuture.runAsync(() -> output.lines().forEach((line) -> {
			}));

			// Alive: past the first extension, the lock is held beyond lock-at-most-for.
			Thread.sleep(AT_MOST.dividedBy(2).plusSeconds(3).toMillis());
			assertThat(tryLock()).isEmpty();
			assertThat(this.jdbc.sql("select extract(epoch from lock_until - locked_at) from shedlock where name = ?")
				.param(JOB)
				.query(Double.class)
				.single()).isGreaterThan(AT_MOST.toSeconds());

			// Killed mid-job: nobody extends or releases the lock; it lapses within the
			// time.
			node.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			Instant killed = Instant.now();
			Optional<SimpleLock> taken = Optional.empty();
			while (taken.isEmpty() && Duration.between(killed, Instant.now()).compareTo(AT_MOST.plusSeconds(10)) < 0) {
				Thread.sleep(250);
				taken = tryLock();
			}
			Duration lapse = Duration.between(killed, Instant.now());
			assertThat(taken).as("the lock lapsed").isPresent();
			assertThat(lapse).isLessThanOrEqualTo(AT_MOST.plusSeconds(2));
			taken.get().unlock();
		}
		finally {
			node.destroyForcibly();
		}
	}

	private Optional<SimpleLock> tryLock() {
		return this.locks.lock(new LockConfiguration(Instant.now(), JOB, AT_MOST, Duration.ZERO));
	}

}
