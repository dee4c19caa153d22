package jp.itaku.backup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.document.DocumentStore;
import jp.itaku.platform.crypto.FieldEncryptor;
import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A backup set and what a restore checks before it changes anything: the set's files
 * against the manifest, the keyset's fingerprint, and that only the restore command
 * replaces a data directory. (The whole round trip with the packaged application while
 * the node runs: {@code CrashAndBackupIT}.)
 */
@IntegrationTest
class BackupsIT {

	@Autowired
	TransactionOperations transactions;

	@Autowired
	Backups backups;

	@Autowired
	DocumentStore store;

	@Autowired
	FieldEncryptor encryptor;

	@Autowired
	AuditTrail audit;

	@TempDir
	Path work;

	@Test
	void aSetHoldsTheDatabaseTheDocumentsAndTheKeysetsFingerprintButNotTheKeyset() throws IOException {
		String key = store("backup me");
		BackupManifest manifest = this.backups.backUp(this.work.resolve("set"));
		assertThat(manifest.keysetFingerprint()).isEqualTo(this.encryptor.fingerprint()).hasSize(64);
		assertThat(manifest.documents()).anySatisfy((d) -> assertThat(d.name()).isEqualTo(key));
		assertThat(this.work.resolve("set").resolve("documents").resolve(key.substring(0, 2)).resolve(key))
			.hasContent("backup me");
		if (this.backups.isEmbedded()) {
			assertThat(manifest.mode()).isEqualTo("embedded");
			assertThat(manifest.database().files()).anySatisfy((f) -> assertThat(f.name()).isEqualTo("backup_label"))
				.anySatisfy((f) -> assertThat(f.name()).startsWith("pg_wal/0"))
				.noneSatisfy((f) -> assertThat(f.name()).isIn("postmaster.pid", "itaku-roles"));
		}
		else {
			assertThat(manifest.mode()).isEqualTo("external");
			assertThat(manifest.database()).isNull();
		}
		try (Stream<Path> files = Files.walk(this.work.resolve("set"))) {
			assertThat(files.map(Path::toString)).noneMatch((f) -> f.endsWith("field-encryption.json"))
				.noneMatch((f) -> f.endsWith("database-credentials.properties"));
		}
		assertThatThrownBy(() -> this.backups.backUp(this.work.resolve("set")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("not empty");
	}

	@Test
	void aRestoreRefusesADamagedSetOrAnotherKeysetBeforeChangingAnything() throws IOException {
		this.transactions.executeWithoutResult((status) -> this.audit.record(AuditRecord.of("TEST_ENTRY")));
		String key = store("keep me intact");
		Path set = this.work.resolve("set");
		this.backups.backUp(set);

		Path document = set.resolve("documents").resolve(key.substring(0, 2)).resolve(key);
		Files.writeString(document, "keep me altered");
		assertThatThrownBy(() -> this.backups.restore(set)).isInstanceOfSatisfying(BackupRefused.class,
				(refused) -> assertThat(refused.reasons()).anySatisfy((r) -> assertThat(r).contains(key)));
		Files.writeString(document, "keep me intact");

		Path manifest = set.resolve(BackupManifest.FILE);
		String original = Files.readString(manifest);
		Files.writeString(manifest, original.replace(this.encryptor.fingerprint(), "0".repeat(64)));
		assertThatThrownBy(() -> this.backups.restore(set)).isInstanceOf(BackupRefused.class)
			.hasMessageContaining("another field-encryption keyset");
		Files.writeString(manifest, original);

		if (this.backups.isEmbedded()) {
			assertThatThrownBy(() -> this.backups.restore(set)).isInstanceOf(BackupRefused.class)
				.hasMessageContaining("only by the restore command");
		}
		else {
			assertThat(this.backups.restore(set).documentsAdded()).isZero();
		}
		assertThat(this.audit.verify().intact()).isTrue();
		assertThat(this.store.exists(key)).isTrue();
		Files.delete(manifest);
		assertThatThrownBy(() -> this.backups.restore(set)).isInstanceOf(BackupRefused.class)
			.hasMessageContaining("No backup set");
	}

	private String store(String content) {
		return this.store.store(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), 100).key();
	}

}
