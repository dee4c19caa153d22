package jp.itaku.account;

import jp.itaku.platform.Sha256;
import java.security.SecureRandom;

/**
 * Random secrets (one-time passwords, recovery codes, API tokens) and their SHA-256
 * digests. The secrets have enough entropy that a fast hash is safe; passwords chosen by
 * people use Argon2id.
 */
final class Secrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final char[] READABLE = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

	private static final char[] PASSWORD = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789-_.!%".toCharArray();

	private Secrets() {
	}

	/**
	 * Returns random characters from an alphabet that avoids look-alikes (0/O, 1/l).
	 * @param length how many
	 * @return the string
	 */
	static String readable(int length) {
		return random(READABLE, length);
	}

	/**
	 * Returns a random one-time password.
	 * @return 20 characters of mixed case, digits and symbols
	 */
	static String oneTimePassword() {
		return random(PASSWORD, 20);
	}

	static String sha256(String value) {
		return Sha256.of(value);
	}

	private static String random(char[] alphabet, int length) {
		StringBuilder builder = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			builder.append(alphabet[RANDOM.nextInt(alphabet.length)]);
		}
		return builder.toString();
	}

}
