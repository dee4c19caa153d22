package jp.itaku.backup;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import jp.itaku.platform.ItakuCommand;
import jp.itaku.platform.Terminal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.ApplicationArguments;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The operator commands {@code backup --to=DIR}, {@code restore --from=DIR} (followed by
 * {@code verify-restore} on the restored data) and {@code verify-restore}.
 */
@Configuration(proxyBeanMethods = false)
class BackupCommands {

	@Bean
	ItakuCommand backupCommand(Backups backups, Terminal terminal) {
		return new Command("backup") {
			@Override
			public int run(ApplicationArguments arguments) {
				Path target = path(arguments, "to", terminal);
				if (target == null) {
					return 2;
				}
				long started = System.nanoTime();
				BackupManifest manifest;
				try {
					manifest = backups.backUp(target);
				}
				catch (IllegalArgumentException ex) {
					terminal.line("Backup refused: " + ex.getMessage());
					return 2;
				}
				long bytes = (manifest.database() != null)
						? manifest.database().files().stream().mapToLong(BackupManifest.Entry::size).sum() : 0;
				terminal.line(String.format(Locale.ROOT,
						"Backup written to %s in %.1f s: %s database%s, %d documents, %d named objects, keyset %s",
						target.toAbsolutePath().normalize(), (System.nanoTime() - started) / 1e9, manifest.mode(),
						(manifest.database() != null) ? " (" + manifest.database().files().size() + " files, " + bytes
								+ " bytes, to " + manifest.database().stopLsn() + ")" : "",
						manifest.documents().size(), manifest.objects().size(),
						manifest.keysetFingerprint().substring(0, 16)));
				if (manifest.database() == null) {
					terminal.line("The database is on an external server: back it up with pg_dump as the README's "
							+ "Operations section shows, at the same time.");
				}
				return 0;
			}
		};
	}

	@Bean
	ItakuCommand restoreCommand(Backups backups, Terminal terminal) {
		return new Command("restore") {
			@Override
			public int run(ApplicationArguments arguments) {
				Path source = path(arguments, "from", terminal);
				if (source == null) {
					return 2;
				}
				long started = System.nanoTime();
				try {
					Backups.Restored restored = backups.restore(source);
					terminal.line(String.format(Locale.ROOT,
							"Restored the backup of %s in %.1f s: %s database, %d documents added (%d already "
									+ "stored), %d named objects (%d others removed)",
							restored.manifest().createdAt(), (System.nanoTime() - started) / 1e9,
							restored.manifest().mode(), restored.documentsAdded(), restored.documentsPresent(),
							restored.objects(), restored.objectsRemoved()));
					if (restored.formerDataDirectory() != null) {
						terminal.line("The former data directory was moved to " + restored.formerDataDirectory()
								+ " (remove it once the restored node works)");
					}
					terminal.line("Verifying the restored data…");
					return 0;
				}
				catch (BackupRefused ex) {
					terminal.line("Restore refused, nothing was changed: " + ex.getMessage());
					return 1;
				}
			}
		};
	}

	@Bean
	ItakuCommand verifyRestoreCommand(Backups backups, Terminal terminal) {
		return new Command("verify-restore") {
			@Override
			public int run(ApplicationArguments arguments) {
				Backups.Verification verification = backups.verify();
				terminal.line("Audit trail: " + verification.chain().summary());
				terminal.line("Documents: " + verification.documents() + " referenced, "
						+ verification.documentProblems().size() + " missing or altered");
				verification.documentProblems().stream().limit(20).forEach((p) -> terminal.line("  " + p));
				terminal.line("Encrypted fields: " + verification.encryptedFields() + " decrypted, "
						+ verification.fieldProblems().size() + " failed");
				verification.fieldProblems().stream().limit(20).forEach((p) -> terminal.line("  " + p));
				List<String> from = arguments.getOptionValues("from");
				if (from != null && !from.isEmpty()) {
					backups.recordRestore(Path.of(from.get(0)), verification);
				}
				terminal.line(verification.whole() ? "The data is whole." : "The data is NOT whole.");
				return verification.whole() ? 0 : 1;
			}
		};
	}

	private static @Nullable Path path(ApplicationArguments arguments, String option, Terminal terminal) {
		List<String> values = arguments.getOptionValues(option);
		if (values == null || values.size() != 1 || values.get(0).isBlank()) {
			terminal.line("Give the backup set's directory with --" + option + "=DIR");
			return null;
		}
		return Path.of(values.get(0));
	}

	/** A command with its name. */
	private abstract static class Command implements ItakuCommand {

		private final String name;

		Command(String name) {
			this.name = name;
		}

		@Override
		public String name() {
			return this.name;
		}

	}

}
