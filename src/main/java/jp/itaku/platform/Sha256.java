package jp.itaku.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 in lower-case hex, the form the document store records: for the hashes written
 * into the audit trail (generated PDFs, pledge texts) and the hashes stored instead of
 * secrets (tokens, recovery codes).
 */
public final class Sha256 {

	private Sha256() {
	}

	/**
	 * Returns the SHA-256 of bytes.
	 * @param content the bytes
	 * @return 64 lower-case hex digits
	 */
	public static String of(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Returns the SHA-256 of a text's UTF-8 bytes.
	 * @param text the text
	 * @return 64 lower-case hex digits
	 */
	public static String of(String text) {
		return of(text.getBytes(StandardCharsets.UTF_8));
	}

}
