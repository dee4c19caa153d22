package jp.itaku.platform.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * After every Flyway run (as the owner), grants the application's role what the
 * application needs and nothing more (Setagaya 17–18, Gunma 3ウ: an audit trail its own
 * application cannot rewrite):
 * <ul>
 * <li>SELECT, INSERT, UPDATE and DELETE on the schema's tables, but only SELECT and
 * INSERT on the append-only audit tables ({@link #APPEND_ONLY}) and only SELECT on
 * Flyway's history; never TRUNCATE, REFERENCES or TRIGGER, never ownership, so the role
 * can neither disable a trigger nor alter a table;</li>
 * <li>the same by default on tables, sequences and functions later migrations
 * create;</li>
 * <li>the functions the owner offers for what needs ownership (log partitions, the audit
 * purge; see {@code V43__application_role.sql}).</li>
 * </ul>
 * When the application connects as the owner itself (an external server configured with
 * one role), nothing is granted and a warning says that the audit trail's protection does
 * not hold.
 */
@Component
class ApplicationRoleGrants implements Callback {

	/** Tables the application may only read and append to. */
	static final List<String> APPEND_ONLY = List.of("audit_entry", "audit_chain_anchor", "audit_chain_key",
			"audit_checkpoint");

	private static final Logger log = LoggerFactory.getLogger(ApplicationRoleGrants.class);

	private final ApplicationRole role;

	ApplicationRoleGrants(ApplicationRole role) {
		this.role = role;
	}

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.AFTER_MIGRATE;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		try {
			grant(context.getConnection(), this.role.name());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot grant the application's role its privileges: " + ex.getMessage(),
					ex);
		}
	}

	@Override
	public String getCallbackName() {
		return "itaku-application-role-grants";
	}

	/**
	 * Grants the application's role its privileges, as the owner.
	 * @param connection the owner's connection
	 * @param app the application's role
	 * @throws SQLException when a grant fails
	 */
	static void grant(Connection connection, String app) throws SQLException {
		String owner = single(connection, "select current_user");
		if (app == null || app.isBlank() || app.equals(owner)) {
			log.warn("*** The application connects to the database as {}, the owner of the schema: it could disable "
					+ "the audit trail's triggers. Give the migrations their own owner role "
					+ "(ITAKU_DB_OWNER_USER, ITAKU_DB_OWNER_PASSWORD; see the README, Operations) ***", owner);
			return;
		}
		try (PreparedStatement check = connection
			.prepareStatement("select rolsuper or rolbypassrls from pg_roles where rolname = ?")) {
			check.setString(1, app);
			try (ResultSet rs = check.executeQuery()) {
				if (!rs.next()) {
					throw new IllegalStateException("The application's database role " + app + " does not exist");
				}
				if (rs.getBoolean(1)) {
					log.warn("*** The application's database role {} is a superuser or bypasses row security: "
							+ "the audit trail's protection does not hold ***", app);
				}
			}
		}
		String a = quote(app);
		String o = quote(owner);
		try (Statement statement = connection.createStatement()) {
			statement.execute("grant usage on schema public to " + a);
			statement.execute("revoke create on schema public from " + a);
			statement.execute("grant select, insert, update, delete on all tables in schema public to " + a);
			statement.execute("revoke truncate, references, trigger on all tables in schema public from " + a);
			for (String table : APPEND_ONLY) {
				if (exists(connection, table)) {
					statement.execute("revoke update, delete on " + table + " from " + a);
				}
			}
			if (exists(connection, "flyway_schema_history")) {
				statement.execute("revoke insert, update, delete on flyway_schema_history from " + a);
			}
			statement.execute("grant usage, select, update on all sequences in schema public to " + a);
			// The owner's functions (those of extensions are executable by everyone
			// anyway).
			statement.execute("do $$ declare r record; begin for r in select p.oid::regprocedure as routine"
					+ " from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public'"
					+ " and p.proowner = current_user::regrole loop execute format('grant execute on routine %s to %I',"
					+ " r.routine, " + literal(app) + "); end loop; end $$");
			statement.execute("alter default privileges for role " + o + " in schema public"
					+ " grant select, insert, update, delete on tables to " + a);
			statement.execute("alter default privileges for role " + o + " in schema public"
					+ " grant usage, select, update on sequences to " + a);
			statement.execute("alter default privileges for role " + o + " in schema public"
					+ " grant execute on functions to " + a);
		}
		log.info("Database roles: {} owns the schema, the application connects as {}", owner, app);
	}

	private static boolean exists(Connection connection, String table) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("select to_regclass(?) is not null")) {
			statement.setString(1, "public." + table);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}

	private static String single(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static String literal(String text) {
		return "'" + text.replace("'", "''") + "'";
	}

	private static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

}
