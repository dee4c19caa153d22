package jp.itaku.audit;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jp.itaku.ItakuApplication;
import jp.itaku.platform.Actor;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.platform.Terminal;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark of the audit chain (run on its own: {@code mvn -Pbench -DskipTests verify}):
 * appends N entries (default 100,000), each in its own transaction as the application
 * does, verifies the chain, and compares verification with {@code sha256sum} over the
 * same bytes. Prints the figures.
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
		SpringApplication application = new SpringApplication(ItakuApplication.class);
		try (ConfigurableApplicationContext context = application.run("--itaku.database.embedded.ephemeral=true",
				"--itaku.crypto.keyset-file=" + keys.resolve("k.json"), "--logging.level.root=WARN", "--server.port=-1",
				"--logging.structured.format.console=", "--spring.main.banner-mode=off")) {
			AuditTrail trail = context.getBean(AuditTrail.class);
			AuditRepository repository = context.getBean(AuditRepository.class);
			Terminal terminal = context.getBean(Terminal.class);
			Actor actor = new Actor(UUID.randomUUID(), "bench", "ベンチ", UUID.randomUUID(), "ベンチ市",
					OrganisationKind.CLIENT, Role.SYSTEM_ADMIN);

			for (int i = 0; i < 1_000; i++) {
				append(trail, actor, i);
			}
			long startAppend = System.nanoTime();
			for (int i = 0; i < entries; i++) {
				append(trail, actor, i);
			}
			double appendSeconds = (System.nanoTime() - startAppend) / 1e9;

			long startVerify = System.nanoTime();
			ChainVerification verification = trail.verify();
			double verifySeconds = (System.nanoTime() - startVerify) / 1e9;

			Path bytes = Files.createTempFile("itaku-bench-chain", ".bin");
			long size = writeChainBytes(repository, bytes);
			double sha256sumSeconds = sha256sum(bytes);
			Files.deleteIfExists(bytes);

			long total = verification.entries();
			report(terminal, "entries appended (one transaction each)", entries);
			report(terminal, "append",
					String.format(Locale.ROOT, "%.1f s, %.0f entries/s", appendSeconds, entries / appendSeconds));
			report(terminal, "verify", String.format(Locale.ROOT, "%s in %.2f s, %.0f entries/s",
					verification.summary(), verifySeconds, total / verifySeconds));
			report(terminal, "sha256sum over the same bytes",
					String.format(Locale.ROOT, "%,d bytes in %.3f s", size, sha256sumSeconds));
			report(terminal, "verify / sha256sum time",
					String.format(Locale.ROOT, "%.1f", verifySeconds / sha256sumSeconds));
		}
	}

	private static void append(AuditTrail trail, Actor actor, int i) {
		trail.record(AuditRecord.of("BENCH_ENTRY").actor(actor).target("Bench", i).detail("i", i));
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

	private static double sha256sum(Path file) throws IOException, InterruptedException {
		long start = System.nanoTime();
		Process process = new ProcessBuilder("sha256sum", file.toString()).redirectErrorStream(true).start();
		process.getInputStream().readAllBytes();
		if (process.waitFor() != 0) {
			throw new IllegalStateException("sha256sum failed");
		}
		return (System.nanoTime() - start) / 1e9;
	}

	private static void report(Terminal terminal, String what, Object value) {
		terminal.line("audit-chain benchmark | " + what + ": " + value);
	}

}
