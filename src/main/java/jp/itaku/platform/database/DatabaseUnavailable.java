package jp.itaku.platform.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure because the database is away (not reachable, shutting down, starting up
 * or recovering, a connection lost, a statement that timed out) from any other: the
 * former is answered 503 "temporarily unavailable" (a page in Japanese or English,
 * {@code application/problem+json} on the API), and the transaction it happened in was
 * rolled back.
 */
public final class DatabaseUnavailable {

	/** The exception types Spring uses for it, for exception handlers. */
	public static final List<Class<? extends Exception>> SPRING_EXCEPTIONS = List.of(
			CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
			TransientDataAccessResourceException.class, QueryTimeoutException.class);

	/**
	 * SQL states: connection exceptions (class 08), administrator or crash shutdown and
	 * "cannot connect now" (57P01–57P03), statement timeout (57014).
	 */
	private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "57014");

	private DatabaseUnavailable() {
	}

	/**
	 * Tells whether a failure, or any of its causes, says that the database is away.
	 * @param failure the failure
	 * @return whether it does
	 */
	public static boolean isCause(Throwable failure) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
			if (says(t)) {
				return true;
			}
		}
		return false;
	}

	private static boolean says(Throwable failure) {
		if (SPRING_EXCEPTIONS.stream().anyMatch((type) -> type.isInstance(failure))
				|| failure instanceof SQLTransientConnectionException
				|| failure instanceof SQLNonTransientConnectionException || failure instanceof SQLRecoverableException
				|| failure.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
			return true;
		}
		return failure instanceof SQLException sql && sql.getSQLState() != null
				&& (sql.getSQLState().startsWith("08") || STATES.contains(sql.getSQLState()));
	}

}
