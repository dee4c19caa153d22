package jp.itaku.platform.crypto;

/**
 * Thrown at start-up when a node's keys do not fit the database: a keyset missing or
 * different from the one the database records, or a new keyset that would be created for
 * a database already holding encrypted data. The application does not start; the operator
 * reads {@link #getMessage()} (what is wrong) and {@link #action()} (what to do).
 */
public class KeysetRefusedException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final String action;

	/**
	 * Creates the refusal.
	 * @param description what is wrong
	 * @param action what the operator should do
	 */
	public KeysetRefusedException(String description, String action) {
		super(description);
		this.action = action;
	}

	/**
	 * Returns what the operator should do.
	 * @return the action
	 */
	public String action() {
		return this.action;
	}

}
