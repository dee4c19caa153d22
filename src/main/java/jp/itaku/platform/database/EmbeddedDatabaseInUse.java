package jp.itaku.platform.database;

/**
 * The embedded database's data directory is held by another live process (a running node,
 * or an operator command).
 */
public class EmbeddedDatabaseInUse extends IllegalStateException {

	private final String action;

	EmbeddedDatabaseInUse(String message, String action) {
		super(message);
		this.action = action;
	}

	/**
	 * Returns what the operator can do about it.
	 * @return the advice
	 */
	public String action() {
		return this.action;
	}

}
