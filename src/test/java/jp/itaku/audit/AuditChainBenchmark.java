package jp.itaku.audit;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import jp.itaku.ItakuApplication;
import jp.itaku.platform.Actor;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.platform.Terminal;

import org.postgresql.PGConnection;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Benchmark of the audit chain (run on its own: {@code mvn -Pbench -DskipTests verify}):
 * appends N entries (default 100,000), each in its own transaction as the application
 * does, verifies the chain (HMAC-SHA256 after the switch entry, and the newest
 * checkpoint), compares verification with {@code sha256sum} and
 * {@code openssl dgst -sha256 -hmac} over the same bytes, and times its parts alone: the
 * database's COPY received and thrown away, the stream read and assembled without
 * hashing, the hashing in memory, plain and keyed. Prints the figures.
 */
public final class AuditChainBenchmark {

	private AuditChainBenchmark() {
	}

	/**
	 * Runs the benchmark against a fresh embedded PostgreSQL.
	 * @param args ignored; {@code -Dbench.entries=N} sets the number of entries
	 * @throws Exception when the benchmark cannot run
	 */
	public static void main(String[] args) throws Exception {
		int entries = Integer.getInteger("bench.entries", 100_000);
		Path keys = Files.createTempDirectory("itaku-bench-keys");
		Path documents = Files.createTempDirectory("itaku-bench-documents");
		SpringApplication application = new SpringApplication(ItakuApplication.class);
		try (ConfigurableApplicationContext context = application.run("--itaku.database.embedded.ephemeral=true",
				"--itaku.crypto.keyset-file=" + keys.resolve("k.json"), "--itaku.documents.dir=" + documents,
				"--itaku.audit.checkpoint.enabled=false", "--logging.level.root=WARN", "--server.port=-1",
				"--logging.structured.format.console=", "--spring.main.banner-mode=off")) {
			AuditTrail trail = context.getBean(AuditTrail.class);
			TransactionOperations transactions = context.getBean(TransactionOperations.class);
			AuditRepository repository = context.getBean(AuditRepository.class);
			Terminal terminal = context.getBean(Terminal.class);
			Actor actor = new Actor(UUID.randomUUID(), "bench", "ベンチ", UUID.randomUUID(), "ベンチ市",
					OrganisationKind.CLIENT, Role.SYSTEM_ADMIN);

			for (int i = 0; i < 1_000; i++) {
				append(transactions, trail, actor, i);
			}
			long startAppend = System.nanoTime();
			for (int i = 0; i < entries; i++) {
				append(transactions, trail, actor, i);
			}
			double appendSeconds = (System.nanoTime() - startAppend) / 1e9;

			long startVerify = System.nanoTime();
			ChainVerification verification = trail.verify();
			double verifySeconds = (System.nanoTime() - startVerify) / 1e9;
			double warmVerifySeconds = best(() -> trail.verify().entries());
			double readAloneSeconds = best(() -> readAlone(transactions, repository));
			DataSource dataSource = context.getBean(javax.sql.DataSource.class);
			double copyAloneSeconds = best(() -> copyAlone(dataSource));

			Path bytes = Files.createTempFile("itaku-bench-chain", ".bin");
			long size = writeChainBytes(repository, bytes);
			double sha256sumSeconds = timed("sha256sum", bytes.toString());
			double opensslSeconds = timed("openssl", "dgst", "-sha256", "-hmac", "itaku-bench-key", bytes.toString());
			Files.deleteIfExists(bytes);

			List<AuditEntry> all = readAll(repository);
			double plainSeconds = best(() -> hashAll(all, null));
			AuditChainKey key = context.getBean(AuditChainKey.class);
			double hmacSeconds = best(() -> hashAll(all, key.mac()));

			long total = verification.entries();
			report(terminal, "entries appended (one transaction each)", entries);
			report(terminal, "append",
					String.format(Locale.ROOT, "%.1f s, %.0f entries/s", appendSeconds, entries / appendSeconds));
			report(terminal, "verify", String.format(Locale.ROOT, "%s in %.2f s, %.0f entries/s",
					verification.summary(), verifySeconds, total / verifySeconds));
			report(terminal, "verify again, warm (best of 3)", String.format(Locale.ROOT, "%.3f s", warmVerifySeconds));
			report(terminal, "sha256sum over the same bytes",
					String.format(Locale.ROOT, "%,d bytes in %.3f s", size, sha256sumSeconds));
			report(terminal, "verify / sha256sum time",
					String.format(Locale.ROOT, "%.1f", verifySeconds / sha256sumSeconds));
			report(terminal, "openssl dgst -sha256 -hmac over the same bytes",
					String.format(Locale.ROOT, "%.3f s", opensslSeconds));
			report(terminal, "verify / openssl HMAC time", String.format(Locale.ROOT, "%.1f (warm %.1f)",
					verifySeconds / opensslSeconds, warmVerifySeconds / opensslSeconds));
			report(terminal, "reading the covered bytes alone, no hashing (best of 3)",
					String.format(Locale.ROOT, "%.3f s", readAloneSeconds));
			report(terminal, "the COPY alone, received and discarded (best of 3)",
					String.format(Locale.ROOT, "%.3f s", copyAloneSeconds));
			report(terminal, "hashing alone, in memory (best of 3)",
					String.format(Locale.ROOT, "plain SHA-256 %.3f s, HMAC-SHA256 %.3f s", plainSeconds, hmacSeconds));
		}
	}

	private static void append(TransactionOperations transactions, AuditTrail trail, Actor actor, int i) {
		transactions.executeWithoutResult(
				(status) -> trail.record(AuditRecord.of("BENCH_ENTRY").actor(actor).target("Bench", i).detail("i", i)));
	}

	/**
	 * Streams the chain as verification does, but takes each row without hashing it.
	 */
	private static long readAlone(TransactionOperations transactions, AuditRepository repository) {
		long[] bytes = new long[1];
		transactions.executeWithoutResult((status) -> repository.streamChain(0, Integer.MAX_VALUE,
				(seq, covered, length, hash, hashLength, target) -> {
					bytes[0] += length;
					return true;
				}));
		return bytes[0];
	}

	/**
	 * The database's part alone: the same COPY, received by the driver and thrown away.
	 */
	private static long copyAlone(DataSource dataSource) {
		try (Connection c = dataSource.getConnection()) {
			return c.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyOut(ChainCopy.copy(0, AuditTrail.VERIFY_WINDOW), OutputStream.nullOutputStream());
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<AuditEntry> readAll(AuditRepository repository) {
		List<AuditEntry> all = new java.util.ArrayList<>();
		List<AuditEntry> slice = repository.chainSlice(0, 5_000);
		while (!slice.isEmpty()) {
			all.addAll(slice);
			slice = repository.chainSlice(slice.get(slice.size() - 1).seq(), 5_000);
		}
		return all;
	}

	/**
	 * Hashes every entry as verification does, plain or keyed.
	 */
	private static long hashAll(List<AuditEntry> entries, javax.crypto.Mac mac) {
		long sum = 0;
		for (AuditEntry entry : entries) {
			String hash = (mac != null) ? AuditChain.hmac(mac, entry.previousHash(), entry.canonicalContent())
					: AuditChain.hash(entry.previousHash(), entry.canonicalContent());
			sum += hash.charAt(0);
		}
		return sum;
	}

	private static double best(java.util.function.LongSupplier run) {
		double best = Double.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			long start = System.nanoTime();
			run.getAsLong();
			best = Math.min(best, (System.nanoTime() - start) / 1e9);
		}
		return best;
	}

	private static long writeChainBytes(AuditRepository repository, Path file) throws IOException {
		long size = 0;
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
			long after = 0;
			List<AuditEntry> slice = repository.chainSlice(after, 5_000);
			while (!slice.isEmpty()) {
				for (AuditEntry entry : slice) {
					byte[] line = (entry.previousHash() + "\u001e" + entry.canonicalContent())
						.getBytes(StandardCharsets.UTF_8);
					out.write(line);
					size += line.length;
					after = entry.seq();
				}
				slice = repository.chainSlice(after, 5_000);
			}
		}
		return size;
	}

	private static double timed(String... command) throws IOException, InterruptedException {
		long start = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		process.getInputStream().readAllBytes();
		if (process.waitFor() != 0) {
			throw new IllegalStateException(command[0] + " failed");
		}
		return (System.nanoTime() - start) / 1e9;
	}

	private static void report(Terminal terminal, String what, Object value) {
		terminal.line("audit-chain benchmark | " + what + ": " + value);
	}

}
