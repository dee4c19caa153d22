package jp.itaku.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import javax.crypto.Mac;

import org.jspecify.annotations.Nullable;

/**
 * The hash chain: each entry's hash covers the previous entry's hash and the entry's
 * canonical content, so changing, removing or reordering any entry breaks every hash
 * after it. Up to the switch entry ({@code AUDIT_CHAIN_KEYED}) the hash is plain SHA-256;
 * after it, HMAC-SHA256 with the chain key kept outside the database
 * ({@link AuditChainKey}), so that nobody without the key can recompute the hashes of a
 * rewritten chain. Both hash the same bytes: the previous hash in ASCII, the byte
 * {@code 0x1e}, the canonical content in UTF-8.
 */
final class AuditChain {

	/** The previous hash of the very first entry. */
	static final String GENESIS = "0".repeat(64);

	private static final DateTimeFormatter INSTANT = new DateTimeFormatterBuilder().appendInstant(6).toFormatter();

	private static final byte SEPARATOR = 0x1e;

	private AuditChain() {
	}

	/**
	 * Returns the instant as stored: PostgreSQL keeps microseconds.
	 * @param instant the instant
	 * @return the instant truncated to microseconds
	 */
	static Instant storable(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS);
	}

	static String formatInstant(Instant instant) {
		return INSTANT.format(instant);
	}

	/**
	 * Computes an entry's plain hash, as before the chain was keyed.
	 * @param previousHash the previous entry's hash
	 * @param canonicalContent the entry's canonical content
	 * @return the SHA-256 in lower-case hex
	 */
	static String hash(String previousHash, String canonicalContent) {
		MessageDigest digest = sha256();
		digest.update(previousHash.getBytes(StandardCharsets.US_ASCII));
		digest.update(SEPARATOR);
		digest.update(canonicalContent.getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(digest.digest());
	}

	/**
	 * Computes an entry's keyed hash.
	 * @param mac an HMAC-SHA256 initialised with the chain key; reset when this returns
	 * @param previousHash the previous entry's hash
	 * @param canonicalContent the entry's canonical content
	 * @return the HMAC-SHA256 in lower-case hex
	 */
	static String hmac(Mac mac, String previousHash, String canonicalContent) {
		mac.update(previousHash.getBytes(StandardCharsets.US_ASCII));
		mac.update(SEPARATOR);
		mac.update(canonicalContent.getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(mac.doFinal());
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	}

}
