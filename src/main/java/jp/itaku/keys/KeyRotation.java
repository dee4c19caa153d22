package jp.itaku.keys;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.platform.crypto.EncryptedColumn;
import jp.itaku.platform.crypto.FieldKeyset;
import jp.itaku.platform.crypto.KeysetStillInUseException;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rotation of the field-encryption keyset (Tink: a new primary key is added, the old ones
 * stay for decryption) and re-encryption of every stored encrypted field with the new
 * key, in batches of one transaction each, each batch audited with the values it
 * re-encrypted. An interrupted run is resumed by running it again: while stored values
 * still use an older key, it re-encrypts them instead of adding yet another key. The old
 * keys are removed by {@link #retire} only when no stored value uses them.
 */
@Service
class KeyRotation {

	private final FieldKeyset keyset;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	KeyRotation(FieldKeyset keyset, AuditTrail audit, PlatformTransactionManager transactions) {
		this.keyset = keyset;
		this.audit = audit;
		this.transactions = new TransactionTemplate(transactions);
	}

	/**
	 * Rotates the keyset, unless an earlier rotation's re-encryption is unfinished, and
	 * re-encrypts every stored value that another key made.
	 * @param batchSize rows per transaction
	 * @param progress receives a line per step, for the operator
	 * @return what was done
	 */
	public Outcome rotate(int batchSize, Consumer<String> progress) {
		long oldValues = olderValues();
		FieldKeyset.@Nullable Rotation rotation = null;
		if (oldValues > 0) {
			progress.accept("Resuming the last rotation: " + oldValues
					+ " stored value(s) still use older keys; no new key is added");
		}
		else {
			rotation = this.transactions.execute((status) -> {
				FieldKeyset.Rotation made = this.keyset.rotate();
				this.audit.record(AuditRecord.of("KEYSET_ROTATED")
					.target("FieldKeyset", made.newPrimary())
					.detail("previousPrimary", made.previousPrimary())
					.detail("newPrimary", made.newPrimary())
					.detail("newKeyId", made.newKeyId())
					.detail("keysetFile", this.keyset.file().toString()));
				return made;
			});
			progress.accept("New primary key " + rotation.newPrimary() + " (key id " + rotation.newKeyId()
					+ ") written to " + this.keyset.file());
		}
		Map<String, Long> reencrypted = new LinkedHashMap<>();
		for (EncryptedColumn column : this.keyset.columns()) {
			long count = reencrypt(column, batchSize);
			reencrypted.put(column.name(), count);
			progress.accept("Re-encrypted " + count + " value(s) of " + column.name());
		}
		return new Outcome(rotation, reencrypted, olderValues());
	}

	/**
	 * Removes the old keys from the keyset, provided no stored value uses them.
	 * @return the fingerprints of the keys removed
	 * @throws KeysetStillInUseException when stored values still use an old key
	 */
	public List<String> retire() {
		return this.transactions.execute((status) -> {
			List<String> removed = this.keyset.retire();
			if (!removed.isEmpty()) {
				this.audit.record(AuditRecord.of("KEYS_RETIRED")
					.target("FieldKeyset", this.keyset.fingerprint())
					.detail("removed", removed)
					.detail("primary", this.keyset.fingerprint())
					.detail("keysetFile", this.keyset.file().toString()));
			}
			return removed;
		});
	}

	/**
	 * Counts the stored values that a key other than the primary made.
	 * @return how many
	 */
	public long olderValues() {
		long primary = this.keyset.primaryKeyId();
		return this.keyset.usage()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getKey() != primary)
			.mapToLong(Map.Entry::getValue)
			.sum();
	}

	private long reencrypt(EncryptedColumn column, int batchSize) {
		long total = 0;
		Object after = null;
		while (true) {
			Object start = after;
			FieldKeyset.Batch batch = this.transactions.execute((status) -> {
				FieldKeyset.Batch done = this.keyset.reencrypt(column, start, batchSize);
				if (done.reencrypted() > 0) {
					this.audit.record(AuditRecord.of("FIELDS_REENCRYPTED")
						.target("EncryptedColumn", column.name())
						.detail("reencrypted", done.reencrypted())
						.detail("read", done.read())
						.detail("primary", this.keyset.fingerprint()));
				}
				return done;
			});
			total += batch.reencrypted();
			if (batch.last()) {
				return total;
			}
			after = batch.lastId();
		}
	}

	/**
	 * What a rotation did.
	 *
	 * @param rotation the new key, or {@code null} when an unfinished rotation was
	 * resumed
	 * @param reencrypted per column ({@code table.column}), the values re-encrypted
	 * @param remaining the stored values that still use an older key (changed while the
	 * command ran); 0 when done
	 */
	public record Outcome(FieldKeyset.@Nullable Rotation rotation, Map<String, Long> reencrypted, long remaining) {
	}

}
