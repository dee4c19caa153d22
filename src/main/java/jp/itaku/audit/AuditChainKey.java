package jp.itaku.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.mac.HmacParameters;
import com.google.crypto.tink.mac.MacConfig;
import jp.itaku.platform.crypto.CryptoProperties;
import jp.itaku.platform.crypto.KeysetFiles;
import jp.itaku.platform.crypto.KeysetRefusedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The key of the audit chain: a Tink HMAC-SHA256 keyset (one 32-byte key, no output
 * prefix, so that a tag is plain HMAC-SHA256 and {@code openssl} computes the same) in
 * the keys directory beside the field-encryption keyset ({@code audit-chain.json}), never
 * in the database. It follows the field-encryption keyset's rules:
 * <ul>
 * <li>At start-up, under the chain's append lock: when the chain is not keyed yet, the
 * key is created if its file is missing ({@code itaku.crypto.generate-if-missing}), and
 * the switch entry {@code AUDIT_CHAIN_KEYED} is appended, still hashed with plain
 * SHA-256, naming a new chain id and the key's fingerprint; table {@code audit_chain_key}
 * records both. Every later entry is keyed.</li>
 * <li>Once the chain is keyed, a node whose key file is missing or holds another key
 * refuses to start ({@link KeysetRefusedException}): it could neither verify the chain
 * nor append to it.</li>
 * </ul>
 */
@Component
class AuditChainKey {

	private static final Logger log = LoggerFactory.getLogger(AuditChainKey.class);

	static final String ALGORITHM = "HmacSHA256";

	/** The action of the entry after which the chain is keyed. */
	static final String SWITCH_ACTION = "AUDIT_CHAIN_KEYED";

	private static final HmacParameters PARAMETERS;

	static {
		try {
			MacConfig.register();
			PARAMETERS = HmacParameters.builder()
				.setKeySizeBytes(32)
				.setTagSizeBytes(32)
				.setHashType(HmacParameters.HashType.SHA256)
				.setVariant(HmacParameters.Variant.NO_PREFIX)
				.build();
		}
		catch (GeneralSecurityException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final Path file;

	private final boolean generateIfMissing;

	private final AuditRepository repository;

	private final JsonMapper json;

	private final Clock clock;

	/** The keys the file holds, by fingerprint. */
	private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

	private final String primary;

	private final List<AuditRepository.ChainKeyRecord> switches;

	AuditChainKey(CryptoProperties crypto, AuditProperties properties, AuditRepository repository, JsonMapper json,
			PlatformTransactionManager transactions, Clock clock) {
		this.file = ((properties.keyFile() != null) ? properties.keyFile()
				: Objects.requireNonNull(crypto.keysDirectory(), "itaku.crypto.keyset-file has no directory")
					.resolve("audit-chain.json"))
			.toAbsolutePath();
		this.generateIfMissing = crypto.generateIfMissing();
		this.repository = repository;
		this.json = json;
		this.clock = clock;
		this.switches = new TransactionTemplate(transactions).execute((status) -> start());
		this.primary = this.switches.get(this.switches.size() - 1).fingerprint();
	}

	/**
	 * Returns the chain's id, which names its checkpoints.
	 * @return the id of the current chain
	 */
	UUID chainId() {
		return this.switches.get(this.switches.size() - 1).chainId();
	}

	/**
	 * Returns the fingerprint of the key that keys new entries and checkpoints.
	 * @return the SHA-256 of the raw key, lower-case hex
	 */
	String fingerprint() {
		return this.primary;
	}

	/**
	 * Returns where the chain became keyed.
	 * @return the switches, oldest first
	 */
	List<AuditRepository.ChainKeyRecord> switches() {
		return this.switches;
	}

	/**
	 * Returns the key file.
	 * @return its absolute path
	 */
	Path file() {
		return this.file;
	}

	/**
	 * Returns a new HMAC-SHA256 with a key of this file.
	 * @param fingerprint the key's fingerprint
	 * @return the MAC, or {@code null} when the file does not hold that key
	 */
	@Nullable Mac mac(String fingerprint) {
		SecretKeySpec key = this.keys.get(fingerprint);
		if (key == null) {
			return null;
		}
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac;
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is required of every Java platform", ex);
		}
	}

	/**
	 * Returns a new HMAC-SHA256 with the current key.
	 * @return the MAC
	 */
	@Nullable Mac mac() {
		return mac(this.primary);
	}

	/**
	 * Computes the HMAC-SHA256 of a text with a key of this file.
	 * @param fingerprint the key's fingerprint
	 * @param text the text, hashed as UTF-8
	 * @return the HMAC in lower-case hex, or {@code null} when the file does not hold
	 * that key
	 */
	@Nullable String hmacOf(String fingerprint, String text) {
		Mac mac = mac(fingerprint);
		return (mac != null) ? HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8))) : null;
	}

	/**
	 * Compares two hex MACs in constant time.
	 * @param expected the MAC computed
	 * @param actual the MAC found
	 * @return whether they are equal
	 */
	static boolean sameMac(@Nullable String expected, @Nullable String actual) {
		return expected != null && actual != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				actual.getBytes(StandardCharsets.US_ASCII));
	}

	private List<AuditRepository.ChainKeyRecord> start() {
		AuditRepository.ChainHead head = this.repository.lockHead();
		List<AuditRepository.ChainKeyRecord> recorded = this.repository.chainKeys();
		KeysetHandle keyset = Files.exists(this.file) ? read() : create(recorded);
		String keyFingerprint;
		long keyId;
		try {
			for (int i = 0; i < keyset.size(); i++) {
				KeysetHandle.Entry entry = keyset.getAt(i);
				if (entry.getStatus() == KeyStatus.ENABLED) {
					this.keys.put(KeysetFiles.fingerprint(entry.getKey()),
							new SecretKeySpec(KeysetFiles.keyBytes(entry.getKey()), ALGORITHM));
				}
			}
			keyFingerprint = KeysetFiles.fingerprint(keyset.getPrimary().getKey());
			keyId = KeysetFiles.unsigned(keyset.getPrimary().getId());
		}
		catch (IllegalArgumentException ex) {
			throw new KeysetRefusedException("The audit chain key " + this.file + " is not an HMAC keyset.",
					copyAction());
		}
		if (recorded.isEmpty()) {
			return List.of(keyTheChain(head, keyFingerprint, keyId));
		}
		AuditRepository.ChainKeyRecord current = recorded.get(recorded.size() - 1);
		List<String> missing = recorded.stream()
			.filter((key) -> !this.keys.containsKey(key.fingerprint()))
			.map(AuditChainKey::describe)
			.toList();
		if (!missing.isEmpty() || !current.fingerprint().equals(keyFingerprint)) {
			throw new KeysetRefusedException(
					"The audit chain key at " + this.file + " is not the key the audit trail is keyed with: "
							+ (missing.isEmpty() ? describe(current) : String.join("; ", missing))
							+ ". This node has another installation's key or one created on its own.",
					copyAction());
		}
		return List.copyOf(recorded);
	}

	private AuditRepository.ChainKeyRecord keyTheChain(AuditRepository.ChainHead head, String keyFingerprint,
			long keyId) {
		UUID chainId = UUID.randomUUID();
		Instant now = AuditChain.storable(Instant.now(this.clock));
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("algorithm", "HMAC-SHA256");
		details.put("chain", chainId.toString());
		details.put("key", keyFingerprint);
		details.put("keyId", keyId);
		AuditEntry draft = new AuditEntry(head.seq() + 1, now, null, null, null, SWITCH_ACTION, "AuditChain",
				chainId.toString(), null, AuditOutcome.SUCCESS, this.json.writeValueAsString(details), head.hash(),
				null);
		AuditEntry entry = new AuditEntry(draft.seq(), draft.occurredAt(), null, null, null, draft.action(),
				draft.targetType(), draft.targetId(), null, draft.outcome(), draft.details(), draft.previousHash(),
				AuditChain.hash(draft.previousHash(), draft.canonicalContent()));
		this.repository.insert(entry);
		AuditRepository.ChainKeyRecord key = new AuditRepository.ChainKeyRecord(entry.seq(), chainId, keyId,
				keyFingerprint, now);
		this.repository.insertChainKey(key);
		log.info("The audit chain is keyed with HMAC-SHA256 after entry {} (chain {}, key {} in {})", entry.seq(),
				chainId, keyFingerprint, this.file);
		return key;
	}

	private KeysetHandle read() {
		try {
			return KeysetFiles.read(this.file);
		}
		catch (GeneralSecurityException ex) {
			throw new KeysetRefusedException(
					"The audit chain key " + this.file + " is not a valid Tink keyset: " + ex.getMessage(),
					copyAction());
		}
	}

	private KeysetHandle create(List<AuditRepository.ChainKeyRecord> recorded) {
		if (!recorded.isEmpty()) {
			throw new KeysetRefusedException("No audit chain key at " + this.file
					+ ", but the audit trail is keyed with key " + describe(recorded.get(recorded.size() - 1))
					+ ". A new key is never created for a keyed chain: the chain could no longer be verified, "
					+ "nor appended to.", copyAction());
		}
		if (!this.generateIfMissing) {
			throw new KeysetRefusedException(
					"No audit chain key at " + this.file + " and itaku.crypto.generate-if-missing=false.",
					"Put the key file at " + this.file + " (itaku.audit.key-file), or, for a new installation, let "
							+ "it be created with itaku.crypto.generate-if-missing=true.");
		}
		try {
			KeysetHandle created = KeysetHandle.generateNew(PARAMETERS);
			if (!KeysetFiles.create(this.file, created)) {
				return read();
			}
			log.warn("Created the audit chain key at {}: back it up with the field-encryption keyset, keep it off "
					+ "the database server, and give every node the same file", this.file);
			return created;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot create the audit chain key", ex);
		}
	}

	private String copyAction() {
		return "Copy audit-chain.json from the keys directory of the other nodes (or the one kept with the backup) to "
				+ this.file + " (itaku.audit.key-file) and start again; the keys directory holds field-encryption.json "
				+ "too, which every node needs as well.";
	}

	private static String describe(AuditRepository.ChainKeyRecord key) {
		return key.fingerprint() + " (key id " + key.keyId() + ", since entry " + key.seq() + " of " + key.keyedAt()
				+ ")";
	}

}
