package jp.itaku.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import jp.itaku.ItakuApplication;
import jp.itaku.backup.BackupManifest;
import jp.itaku.backup.Backups;
import jp.itaku.support.ChildNode;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Backup and restore times (its own command: {@code mvn -Pbench-operations -DskipTests
 * verify}): for the demo data, and for the dashboard benchmark's 1,000 contracts (with
 * their obligations and 200,000 submissions). The backup is taken while the application
 * runs, as the {@code backup} command does; the restore is the {@code restore} command of
 * the packaged application into a new, empty data directory and document store (the
 * restore itself, then {@code verify-restore}: audit chain, documents, encrypted fields).
 */
final class BackupBenchmark {

	private BackupBenchmark() {
	}

	/**
	 * Runs the benchmark.
	 * @param args ignored
	 * @throws Exception when it cannot run
	 */
	public static void main(String[] args) throws Exception {
		Path work = Files.createTempDirectory("itaku-backup-bench-");
		Path demoHome = work.resolve("demo");
		try (ConfigurableApplicationContext demo = new SpringApplication(ItakuApplication.class).run(
				"--spring.profiles.active=demo", "--server.port=0", "--server.address=127.0.0.1",
				"--itaku.data-dir=" + demoHome, "--spring.datasource.url=", "--logging.level.root=WARN",
				"--logging.structured.format.console=", "--spring.main.banner-mode=off",
				"--itaku.reminders.enabled=false")) {
			measure(demo, "demo data", work);
		}
		try (BenchServer server = BenchServer.start()) {
			server.growTo(1_000);
			measure(server.context(), "1,000 contracts", work);
		}
	}

	private static void measure(ConfigurableApplicationContext context, String what, Path work) {
		String label = what.replaceAll("[^a-z0-9]", "");
		Path set = work.resolve(label + "-set");
		Backups backups = context.getBean(Backups.class);
		long start = System.nanoTime();
		BackupManifest manifest = backups.backUp(set);
		double backup = (System.nanoTime() - start) / 1e9;
		long databaseBytes = manifest.database().files().stream().mapToLong(BackupManifest.Entry::size).sum();
		long documentBytes = manifest.documents().stream().mapToLong(BackupManifest.Entry::size).sum();
		report(what, "backup while running",
				String.format(Locale.ROOT,
						"%.1f s (database %,d files, %,d MB; %,d documents, %,d kB; %,d named objects)", backup,
						manifest.database().files().size(), databaseBytes >> 20, manifest.documents().size(),
						documentBytes >> 10, manifest.objects().size()));

		String keyset = context.getEnvironment().getRequiredProperty("itaku.crypto.keyset-file");
		ChildNode target = new ChildNode(work.resolve(label + "-restored"));
		ChildNode.Result restore = target.command("--itaku.command=restore", "--from=" + set,
				"--itaku.crypto.keyset-file=" + Path.of(keyset).toAbsolutePath());
		report(what, "restore command (two JVM starts, restore, verify-restore)",
				String.format(Locale.ROOT, "%.1f s, exit %d", restore.took().toMillis() / 1e3, restore.exit()));
		restore.output()
			.lines()
			.filter((line) -> line.startsWith("Restored the backup") || line.startsWith("Audit trail")
					|| line.startsWith("Documents:") || line.startsWith("Encrypted fields")
					|| line.startsWith("The data is"))
			.forEach((line) -> report(what, "  ", line));
		if (restore.exit() != 0) {
			report(what, "restore output", restore.output());
		}
	}

	private static void report(String what, String step, String value) {
		System.out.println("backup benchmark | " + what + " | " + step + " | " + value);
	}

}
