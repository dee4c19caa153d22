package jp.itaku.platform.web;

import java.sql.SQLException;

/**
 * Tells a failure that lost a race to a concurrent request from other failures of the
 * database.
 */
final class Conflicts {

	/** PostgreSQL's unique_violation. */
	private static final String UNIQUE_VIOLATION = "23505";

	private Conflicts() {
	}

	/**
	 * Returns whether a failure is a unique key taken by another transaction meanwhile
	 * (two requests numbering or keying the same record at once).
	 * @param failure the failure
	 * @return whether it is a unique violation
	 */
	static boolean isUniqueViolation(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
