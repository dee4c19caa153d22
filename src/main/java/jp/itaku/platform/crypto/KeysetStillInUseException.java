package jp.itaku.platform.crypto;

import java.util.Map;

/**
 * Thrown when old keys are to be removed from the field-encryption keyset while stored
 * values still use them: the re-encryption of {@code rotate-keys} has not finished.
 */
public class KeysetStillInUseException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final transient Map<Long, Long> usage;

	/**
	 * Creates the exception.
	 * @param usage per old key id, how many stored values still use it
	 */
	public KeysetStillInUseException(Map<Long, Long> usage) {
		super("Stored values still use old keys (key id: values): " + usage
				+ "; run rotate-keys to finish re-encrypting them first");
		this.usage = Map.copyOf(usage);
	}

	/**
	 * Returns how many stored values still use each old key.
	 * @return per key id, the count
	 */
	public Map<Long, Long> usage() {
		return this.usage;
	}

}
