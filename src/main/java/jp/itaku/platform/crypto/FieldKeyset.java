package jp.itaku.platform.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The field-encryption keyset of this node, checked against the database: one key for all
 * nodes.
 * <ul>
 * <li>At start-up, in one transaction under a lock shared by all nodes: a missing keyset
 * file is created only when the database records no key and no column holds encrypted
 * data (a new installation, and {@code itaku.crypto.generate-if-missing}); otherwise the
 * node refuses to start ({@link KeysetRefusedException}). An existing keyset must hold
 * every key the database records as in use and have the recorded primary as its primary
 * (or a newer primary: a rotation, recorded then), else the node refuses to start. The
 * first node records the keyset's keys by fingerprint; on a database from before the
 * record, it first checks that the keyset holds the key of every stored ciphertext.</li>
 * <li>{@link #rotate} adds a new primary key, keeping the old ones for decryption;
 * {@link #reencrypt} moves the stored values to it batch by batch; {@link #retire}
 * removes the old keys once no stored value uses them.</li>
 * </ul>
 * The keyset's fingerprint ({@link #fingerprint}) is that of its primary key.
 */
@Component
public class FieldKeyset {

	private static final Logger log = LoggerFactory.getLogger(FieldKeyset.class);

	private final Path file;

	private final boolean generateIfMissing;

	private final KeyRecords records;

	private final List<EncryptedColumn> columns;

	private final Clock clock;

	private volatile Loaded current;

	FieldKeyset(CryptoProperties properties, KeyRecords records, List<EncryptedColumn> columns,
			PlatformTransactionManager transactions, Clock clock) {
		this.file = properties.keysetFile().toAbsolutePath();
		this.generateIfMissing = properties.generateIfMissing();
		this.records = records;
		this.columns = List.copyOf(columns);
		this.clock = clock;
		try {
			AeadConfig.register();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot register Tink's AEAD primitives", ex);
		}
		this.current = new TransactionTemplate(transactions).execute((status) -> start());
	}

	/**
	 * Returns the keyset's fingerprint: the fingerprint of its primary key, the one that
	 * encrypts (see {@link KeysetFiles} for how a key's fingerprint is made). It is the
	 * same on every node sharing the keyset, survives restarts, and changes only when
	 * {@code rotate-keys} makes a new primary.
	 * @return 64 lower-case hex digits
	 */
	public String fingerprint() {
		return this.current.primaryFingerprint();
	}

	/**
	 * Tells whether this keyset holds a key, e.g. the primary key named in a backup taken
	 * before a rotation (the old keys stay in the keyset until {@code retire-keys}).
	 * @param fingerprint a key's fingerprint
	 * @return whether the keyset holds it
	 */
	public boolean holdsKey(String fingerprint) {
		return this.current.fingerprints().containsKey(fingerprint);
	}

	/**
	 * Returns the primary key's Tink id.
	 * @return the id, unsigned
	 */
	public long primaryKeyId() {
		return KeysetFiles.unsigned(this.current.handle().getPrimary().getId());
	}

	/**
	 * Returns the keyset file.
	 * @return its absolute path
	 */
	public Path file() {
		return this.file;
	}

	/**
	 * Returns the columns that hold encrypted values.
	 * @return the columns
	 */
	public List<EncryptedColumn> columns() {
		return this.columns;
	}

	Aead aead() {
		return this.current.aead();
	}

	/**
	 * Counts the stored encrypted values by the key that made them.
	 * @return per Tink key id (unsigned), how many values; -1 for values without a key id
	 */
	public Map<Long, Long> usage() {
		return this.records.usage(this.columns);
	}

	/**
	 * Returns the key id a ciphertext names.
	 * @param ciphertext a Base64 ciphertext of {@link FieldEncryptor}
	 * @return the Tink key id, unsigned, or -1 when it names none
	 */
	public static long keyIdOf(String ciphertext) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(ciphertext.substring(0, Math.min(ciphertext.length(), 8)));
		}
		catch (IllegalArgumentException ex) {
			return -1;
		}
		if (bytes.length < 5) {
			return -1;
		}
		return KeyRecords.keyIdOf(HexFormat.of().formatHex(bytes, 0, 5));
	}

	/**
	 * Adds a new primary key to the keyset, keeping the old keys for decryption: writes
	 * the keyset file atomically and records the key, in the caller's transaction. Every
	 * node must then be given the new keyset file before it starts again.
	 * @return the rotation
	 * @throws KeysetRefusedException when the keyset file changed since this node read it
	 */
	public Rotation rotate() {
		this.records.lock();
		Loaded before = this.current;
		requireFileUnchanged(before);
		try {
			KeysetHandle rotated = KeysetHandle.newBuilder(before.handle())
				.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
					.withRandomId()
					.makePrimary())
				.build();
			Loaded after = Loaded.of(rotated);
			KeysetFiles.replace(this.file, rotated);
			this.records.record(after.primaryFingerprint(), KeysetFiles.unsigned(rotated.getPrimary().getId()),
					Instant.now(this.clock), true);
			this.current = after;
			log.warn("Rotated the field-encryption keyset {}: new primary key {}", this.file,
					after.primaryFingerprint());
			return new Rotation(before.primaryFingerprint(), after.primaryFingerprint(),
					KeysetFiles.unsigned(rotated.getPrimary().getId()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot rotate the field-encryption keyset", ex);
		}
	}

	/**
	 * Re-encrypts with the primary key the values of one column that another key made,
	 * for a batch of rows in id order, in the caller's transaction. A value changed since
	 * it was read is left for the next pass.
	 * @param column the column
	 * @param afterId start after this row id, {@code null} for the first batch
	 * @param limit at most this many rows
	 * @return how far the batch went and how many values it re-encrypted
	 */
	public Batch reencrypt(EncryptedColumn column, @Nullable Object afterId, int limit) {
		Loaded keys = this.current;
		long primary = KeysetFiles.unsigned(keys.handle().getPrimary().getId());
		List<KeyRecords.StoredValue> values = this.records.batch(column, afterId, limit);
		int reencrypted = 0;
		for (KeyRecords.StoredValue value : values) {
			if (keyIdOf(value.ciphertext()) == primary) {
				continue;
			}
			String context = column.context(value.id());
			String plaintext = FieldEncryptor.decrypt(keys.aead(), value.ciphertext(), context);
			if (this.records.replace(column, value, FieldEncryptor.encrypt(keys.aead(), plaintext, context))) {
				reencrypted++;
			}
		}
		Object last = values.isEmpty() ? afterId : values.get(values.size() - 1).id();
		return new Batch(last, values.size(), reencrypted, values.size() < limit);
	}

	/**
	 * Removes from the keyset every key but the primary, provided no stored value uses
	 * them any more: writes the keyset file atomically and marks them retired in the
	 * database, in the caller's transaction.
	 * @return the fingerprints of the keys removed (empty when there were none)
	 * @throws KeysetStillInUseException when a stored value still uses an old key
	 */
	public List<String> retire() {
		this.records.lock();
		Loaded before = this.current;
		requireFileUnchanged(before);
		long primary = KeysetFiles.unsigned(before.handle().getPrimary().getId());
		Map<Long, Long> usage = this.records.usage(this.columns);
		Map<Long, Long> old = new LinkedHashMap<>(usage);
		old.remove(primary);
		if (!old.isEmpty()) {
			throw new KeysetStillInUseException(old);
		}
		List<String> removed = new ArrayList<>();
		try {
			KeysetHandle.Builder builder = KeysetHandle.newBuilder(before.handle());
			for (int i = builder.size() - 1; i >= 0; i--) {
				if (!builder.getAt(i).isPrimary()) {
					builder.deleteAt(i);
				}
			}
			KeysetHandle retired = builder.build();
			for (Map.Entry<String, Long> key : before.fingerprints().entrySet()) {
				if (key.getValue() != primary) {
					removed.add(key.getKey());
				}
			}
			if (removed.isEmpty()) {
				return removed;
			}
			KeysetFiles.replace(this.file, retired);
			Instant now = Instant.now(this.clock);
			removed.forEach((fingerprint) -> this.records.retire(fingerprint, now));
			this.current = Loaded.of(retired);
			log.warn("Removed {} old key(s) from the field-encryption keyset {}", removed.size(), this.file);
			return removed;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot remove the old keys from the field-encryption keyset", ex);
		}
	}

	private Loaded start() {
		this.records.lock();
		List<KeyRecords.RecordedKey> recorded = this.records.inUse();
		Loaded loaded = Files.exists(this.file) ? read() : create(recorded);
		Instant now = Instant.now(this.clock);
		if (recorded.isEmpty()) {
			requireEveryStoredKey(loaded);
			for (Map.Entry<String, Long> key : loaded.fingerprints().entrySet()) {
				boolean primary = key.getKey().equals(loaded.primaryFingerprint());
				this.records.record(key.getKey(), key.getValue(), now, primary);
			}
			log.info("Recorded the field-encryption keyset {} (primary key {}) in the database", this.file,
					loaded.primaryFingerprint());
			return loaded;
		}
		List<String> missing = recorded.stream()
			.filter((key) -> !loaded.fingerprints().containsKey(key.fingerprint()))
			.map((key) -> describe(key))
			.toList();
		if (!missing.isEmpty()) {
			throw new KeysetRefusedException("The field-encryption keyset at " + this.file
					+ " does not hold the key(s) the database records as in use: " + String.join("; ", missing)
					+ ". This node has a different keyset (created on its own, or another installation's) "
					+ "or an older one (from before the last rotate-keys).", copyAction());
		}
		KeyRecords.RecordedKey currentPrimary = recorded.get(recorded.size() - 1);
		Set<String> known = recorded.stream()
			.map(KeyRecords.RecordedKey::fingerprint)
			.collect(Collectors.toCollection(TreeSet::new));
		String primary = loaded.primaryFingerprint();
		if (known.contains(primary) && currentPrimary.primaryFrom() != null
				&& !primary.equals(currentPrimary.fingerprint())) {
			throw new KeysetRefusedException("The field-encryption keyset at " + this.file + " encrypts with key "
					+ primary + ", but the database records key " + describe(currentPrimary)
					+ " as the primary: the keyset file is from before the last rotate-keys.", copyAction());
		}
		for (Map.Entry<String, Long> key : loaded.fingerprints().entrySet()) {
			if (!known.contains(key.getKey())) {
				boolean isPrimary = key.getKey().equals(primary);
				this.records.record(key.getKey(), key.getValue(), now, isPrimary);
				if (isPrimary) {
					log.warn("The field-encryption keyset {} has a new primary key {}, not recorded before: "
							+ "recorded now; give every node this keyset file", this.file, primary);
				}
			}
		}
		if (known.contains(primary) && currentPrimary.primaryFrom() == null) {
			this.records.makePrimary(primary, now);
		}
		return loaded;
	}

	private void requireEveryStoredKey(Loaded loaded) {
		Map<Long, Long> usage = this.records.usage(this.columns);
		Set<Long> held = Set.copyOf(loaded.fingerprints().values());
		List<String> foreign = usage.entrySet()
			.stream()
			.filter((entry) -> !held.contains(entry.getKey()))
			.map((entry) -> entry.getValue() + " value(s) of key id " + entry.getKey())
			.toList();
		if (!foreign.isEmpty()) {
			throw new KeysetRefusedException("The database holds encrypted fields that the field-encryption keyset at "
					+ this.file + " cannot decrypt: " + String.join(", ", foreign)
					+ ". This node has a different keyset from the one that encrypted them.", copyAction());
		}
	}

	private Loaded read() {
		try {
			return Loaded.of(KeysetFiles.read(this.file));
		}
		catch (GeneralSecurityException ex) {
			throw new KeysetRefusedException(
					"The field-encryption keyset " + this.file + " is not a valid Tink AEAD keyset: " + ex.getMessage(),
					copyAction());
		}
	}

	private Loaded create(List<KeyRecords.RecordedKey> recorded) {
		boolean encryptedData = this.records.holdsEncryptedData(this.columns);
		if (!recorded.isEmpty() || encryptedData) {
			String what = recorded.isEmpty() ? "holds encrypted fields"
					: "records the keyset's key(s) "
							+ recorded.stream().map(FieldKeyset::describe).collect(Collectors.joining("; "))
							+ (encryptedData ? " and holds encrypted fields" : "");
			throw new KeysetRefusedException(
					"No field-encryption keyset at " + this.file + ", but the database " + what
							+ ". A new keyset is never created for such a database: it could not decrypt "
							+ "what is stored (a restore without its keyset, or a node without the shared keyset).",
					copyAction());
		}
		if (!this.generateIfMissing) {
			throw new KeysetRefusedException(
					"No field-encryption keyset at " + this.file + " and itaku.crypto.generate-if-missing=false.",
					"Put the keyset file at " + this.file
							+ " (ITAKU_KEYSET_FILE), or, for a new installation, let it be created with "
							+ "itaku.crypto.generate-if-missing=true.");
		}
		try {
			KeysetHandle created = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
			if (!KeysetFiles.create(this.file, created)) {
				return read();
			}
			log.warn("Created a new field-encryption keyset at {}: back it up, keep it off the database server, "
					+ "and give every node the same file", this.file);
			return Loaded.of(created);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot create a field-encryption keyset", ex);
		}
	}

	private void requireFileUnchanged(Loaded loaded) {
		Loaded onDisk = read();
		if (!onDisk.fingerprints().equals(loaded.fingerprints())
				|| !onDisk.primaryFingerprint().equals(loaded.primaryFingerprint())) {
			throw new KeysetRefusedException(
					"The field-encryption keyset file " + this.file + " changed since this process read it.",
					"Run the command again.");
		}
	}

	private String copyAction() {
		return "Copy the keyset file that the other nodes use (or the one kept with the backup) to " + this.file
				+ " (or point ITAKU_KEYSET_FILE at it) and start again; the keys directory holds audit-chain.json too, "
				+ "which every node needs as well. Never give a node a keyset of its own on a shared database.";
	}

	private static String describe(KeyRecords.RecordedKey key) {
		return key.fingerprint() + " (key id " + key.keyId() + ", recorded " + key.recordedAt()
				+ ((key.primaryFrom() != null) ? ", primary from " + key.primaryFrom() : "") + ")";
	}

	/**
	 * A rotation of the keyset.
	 *
	 * @param previousPrimary the fingerprint of the key that encrypted until now
	 * @param newPrimary the fingerprint of the new primary key
	 * @param newKeyId the new key's Tink id
	 */
	public record Rotation(String previousPrimary, String newPrimary, long newKeyId) {
	}

	/**
	 * One batch of a re-encryption.
	 *
	 * @param lastId the id of the last row read, where the next batch starts
	 * @param read how many rows were read
	 * @param reencrypted how many values were re-encrypted
	 * @param last whether the column has no more rows
	 */
	public record Batch(@Nullable Object lastId, int read, int reencrypted, boolean last) {
	}

	/**
	 * The keyset as loaded: the handle, its primitive and the fingerprints of its enabled
	 * keys.
	 */
	private record Loaded(KeysetHandle handle, Aead aead, Map<String, Long> fingerprints, String primaryFingerprint) {

		static Loaded of(KeysetHandle handle) throws GeneralSecurityException {
			Map<String, Long> fingerprints = new LinkedHashMap<>();
			for (int i = 0; i < handle.size(); i++) {
				KeysetHandle.Entry entry = handle.getAt(i);
				if (entry.getStatus() == KeyStatus.ENABLED) {
					fingerprints.put(KeysetFiles.fingerprint(entry.getKey()), KeysetFiles.unsigned(entry.getId()));
				}
			}
			return new Loaded(handle, handle.getPrimitive(RegistryConfiguration.get(), Aead.class),
					Map.copyOf(fingerprints), KeysetFiles.fingerprint(handle.getPrimary().getKey()));
		}

	}

}
