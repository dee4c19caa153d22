package jp.itaku.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash chain: each entry's hash is SHA-256 over the previous entry's hash and the
 * entry's canonical content, so changing, removing or reordering any entry breaks every
 * hash after it.
 */
final class AuditChain {

	/** The previous hash of the very first entry. */
	static final String GENESIS = "0".repeat(64);

	private static final DateTimeFormatter INSTANT = new DateTimeFormatterBuilder().appendInstant(6).toFormatter();

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
	 * Computes an entry's hash.
	 * @param previousHash the previous entry's hash
	 * @param canonicalContent the entry's canonical content
	 * @return the SHA-256 in lower-case hex
	 */
	static String hash(String previousHash, String canonicalContent) {
		MessageDigest digest = sha256();
		digest.update(previousHash.getBytes(StandardCharsets.US_ASCII));
		digest.update((byte) 0x1e);
		digest.update(canonicalContent.getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(digest.digest());
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
