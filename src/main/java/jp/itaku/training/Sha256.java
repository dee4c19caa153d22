package jp.itaku.training;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 in lower-case hex, the form the document store records.
 */
final class Sha256 {

	private Sha256() {
	}

	static String of(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String of(String text) {
		return of(text.getBytes(StandardCharsets.UTF_8));
	}

}
