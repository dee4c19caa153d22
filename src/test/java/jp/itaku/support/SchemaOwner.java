package jp.itaku.support;

import org.flywaydb.core.Flyway;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A connection as the schema's owner, the role Flyway runs as, for tests that must do
 * what the application's own role cannot (tamper with the audit trail to show that the
 * tampering is detected). With one role for both (an external server without an owner
 * role) it is the application's connection.
 */
public final class SchemaOwner {

	private SchemaOwner() {
	}

	/**
	 * Returns a template connected as the owner.
	 * @param flyway the application's Flyway
	 * @return the template
	 */
	public static JdbcTemplate jdbc(Flyway flyway) {
		return new JdbcTemplate(flyway.getConfiguration().getDataSource());
	}

}
