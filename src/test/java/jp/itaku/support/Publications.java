package jp.itaku.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the event publication registry (table {@code event_publication}) in tests: a
 * listener of another module has done its work when its publication is completed.
 */
public final class Publications {

	private Publications() {
	}

	/**
	 * Returns how many publications of an event type whose serialized event contains a
	 * text (an id of the test's own records) are completed.
	 * @param jdbc the database
	 * @param type the event's type
	 * @param containing a text of the serialized event
	 * @return the count
	 */
	public static long completed(JdbcClient jdbc, Class<?> type, String containing) {
		return count(jdbc, type, containing, "completion_date is not null");
	}

	/**
	 * Returns how many publications of an event type to one listener whose serialized
	 * event contains a text are completed.
	 * @param jdbc the database
	 * @param type the event's type
	 * @param listener the listener's class
	 * @param containing a text of the serialized event
	 * @return the count
	 */
	public static long completed(JdbcClient jdbc, Class<?> type, Class<?> listener, String containing) {
		return count(jdbc, type, containing,
				"completion_date is not null and strpos(listener_id, '" + listener.getName() + ".') = 1");
	}

	/**
	 * Returns how many publications of an event type whose serialized event contains a
	 * text are not completed.
	 * @param jdbc the database
	 * @param type the event's type
	 * @param containing a text of the serialized event
	 * @return the count
	 */
	public static long incomplete(JdbcClient jdbc, Class<?> type, String containing) {
		return count(jdbc, type, containing, "completion_date is null");
	}

	private static long count(JdbcClient jdbc, Class<?> type, String containing, String condition) {
		return jdbc
			.sql("select count(*) from event_publication where event_type = ? and strpos(serialized_event, ?) > 0 and "
					+ condition)
			.param(type.getName())
			.param(containing)
			.query(Long.class)
			.single();
	}

}
