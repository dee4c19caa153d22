package jp.itaku.platform.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What durability costs (its own command: {@code mvn -Pbench-operations -DskipTests
 * verify}, {@code -Dbench.seconds=N}, default 10): two embedded servers on the same
 * machine in the same run, one with PostgreSQL's durable defaults (fsync, synchronous
 * commit and full-page writes on, as Itaku now runs) and one with the old setting (fsync
 * off, synchronous commit off). Each takes single-row INSERT transactions, each committed
 * on its own (as every confirmed write of the application is), from 1 and from 4 threads;
 * two rounds, alternating the servers.
 */
final class DurabilityBenchmark {

	private DurabilityBenchmark() {
	}

	/**
	 * Runs the benchmark.
	 * @param args ignored
	 * @throws Exception when it cannot run
	 */
	public static void main(String[] args) throws Exception {
		int seconds = Integer.getInteger("bench.seconds", 10);
		Path dir = Files.createTempDirectory("itaku-durability-");
		try (EmbeddedPostgresServer durable = start(dir.resolve("durable"), true);
				EmbeddedPostgresServer relaxed = start(dir.resolve("relaxed"), false)) {
			for (EmbeddedPostgresServer server : List.of(durable, relaxed)) {
				try (Connection connection = server.superuserConnection();
						Statement statement = connection.createStatement()) {
					statement.execute("create table bench_commit (id bigserial primary key,"
							+ " at timestamptz not null default now(), payload text not null)");
				}
			}
			for (int round = 1; round <= 2; round++) {
				for (int threads : List.of(1, 4)) {
					report(round, threads, "durable (fsync on, synchronous_commit on)",
							measure(durable, threads, seconds));
					report(round, threads, "old setting (fsync off, synchronous_commit off)",
							measure(relaxed, threads, seconds));
				}
			}
		}
		finally {
			PostgresBinaries.deleteTree(dir);
		}
	}

	private static EmbeddedPostgresServer start(Path dataDir, boolean durable) {
		return EmbeddedPostgresServer.startOrAttach(new EmbeddedPostgresServer.Settings(dataDir, 0, durable,
				Duration.ofMinutes(2), Duration.ZERO, EmbeddedPostgresServer.Settings.SHARED_BUFFERS),
				EmbeddedCredentials.random(), false);
	}

	private static double measure(EmbeddedPostgresServer server, int threads, int seconds) throws Exception {
		AtomicLong commits = new AtomicLong();
		long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		List<Thread> writers = new ArrayList<>();
		List<Exception> failures = new ArrayList<>();
		String payload = "x".repeat(200);
		for (int t = 0; t < threads; t++) {
			Thread writer = new Thread(() -> {
				try (Connection connection = server.superuserConnection();
						PreparedStatement insert = connection
							.prepareStatement("insert into bench_commit (payload) values (?)")) {
					connection.setAutoCommit(true);
					insert.setString(1, payload);
					while (System.nanoTime() < deadline) {
						insert.executeUpdate();
						commits.incrementAndGet();
					}
				}
				catch (Exception ex) {
					synchronized (failures) {
						failures.add(ex);
					}
				}
			});
			writers.add(writer);
			writer.start();
		}
		for (Thread writer : writers) {
			writer.join();
		}
		if (!failures.isEmpty()) {
			throw failures.get(0);
		}
		return commits.get() / (double) seconds;
	}

	private static void report(int round, int threads, String setting, double perSecond) {
		System.out.println(
				String.format(Locale.ROOT, "durability benchmark | round %d | %d thread%s | %-48s | %,9.0f commits/s",
						round, threads, (threads == 1) ? " " : "s", setting, perSecond));
	}

}
