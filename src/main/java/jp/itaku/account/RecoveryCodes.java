package jp.itaku.account;

import java.util.Locale;

/**
 * The format of recovery codes: ten characters in two groups, e.g. {@code k7pm2-x9qrt}.
 */
final class RecoveryCodes {

	static final int COUNT = 10;

	private RecoveryCodes() {
	}

	static String generate() {
		String raw = Secrets.readable(10);
		return raw.substring(0, 5) + "-" + raw.substring(5);
	}

	/**
	 * Returns a code as stored: lower case, without spaces or hyphens.
	 * @param code the code as typed
	 * @return the normalised code
	 */
	static String normalise(String code) {
		return (code == null) ? "" : code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
	}

}
