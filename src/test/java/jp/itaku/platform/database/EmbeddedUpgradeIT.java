package jp.itaku.platform.database;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A data directory from before the two roles, as zonky made it (trust authentication,
 * every object owned by {@code postgres}, fsync off), is upgraded at its first start:
 * password authentication only, the schema owned by {@code itaku_owner}, the
 * application's role without ownership, and the data kept.
 */
class EmbeddedUpgradeIT {

	@TempDir
	Path work;

	@Test
	void aTrustClusterOwnedByPostgresIsUpgradedToTwoRolesWithPasswordsAndKeepsItsData() throws Exception {
		Path dataDir = this.work.resolve("postgres");
		try (EmbeddedPostgres before = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(false)
			.setServerConfig("timezone", "UTC")
			.setLocaleConfig("encoding", "UTF8")
			.setLocaleConfig("locale", "C.UTF-8")
			.start()) {
			Flyway.configure()
				.dataSource(before.getPostgresDatabase())
				.locations("classpath:db/migration")
				.target("42")
				.load()
				.migrate();
			try (Connection connection = before.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("insert into organisation (id, name, kind, created_at, updated_at)"
						+ " values (gen_random_uuid(), '改修前の市', 'CLIENT', now(), now())");
			}
		}
		assertThat(Files.readString(dataDir.resolve("pg_hba.conf"), StandardCharsets.UTF_8)).contains("trust");

		EmbeddedCredentials credentials = EmbeddedCredentials.random();
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer
			.startOrAttach(new EmbeddedPostgresServer.Settings(dataDir, 0, false, Duration.ofMinutes(2), Duration.ZERO,
					EmbeddedPostgresServer.Settings.SHARED_BUFFERS), credentials, false)) {
			assertThat(Files.readString(dataDir.resolve("pg_hba.conf"), StandardCharsets.UTF_8)).doesNotContain("trust")
				.contains("scram-sha-256");
			assertThatThrownBy(() -> connect(server, "postgres", "")).isInstanceOf(SQLException.class);
			assertThatThrownBy(() -> connect(server, "itaku_app", "wrong")).isInstanceOf(SQLException.class);

			Flyway flyway = Flyway.configure()
				.dataSource(server.jdbcUrl(), EmbeddedCredentials.OWNER, credentials.ownerPassword())
				.locations("classpath:db/migration")
				.callbacks(new ApplicationRoleGrants(new ApplicationRole(EmbeddedCredentials.APP)))
				.load();
			flyway.migrate();
			// Every migration of this version applied, the newest last.
			assertThat(flyway.info().pending()).isEmpty();
			String newest = flyway.info().current().getVersion().getVersion();

			try (Connection owner = connect(server, EmbeddedCredentials.OWNER, credentials.ownerPassword());
					Statement statement = owner.createStatement()) {
				assertThat(single(statement, "select count(*) from pg_tables where schemaname = 'public'"
						+ " and tableowner <> 'itaku_owner'"))
					.isEqualTo("0");
				assertThat(single(statement,
						"select pg_get_userbyid(datdba) from pg_database" + " where datname = current_database()"))
					.isEqualTo("itaku_owner");
				assertThat(single(statement, "select max(version::int) from flyway_schema_history")).isEqualTo(newest);
			}
			try (Connection app = connect(server, EmbeddedCredentials.APP, credentials.appPassword());
					Statement statement = app.createStatement()) {
				assertThat(single(statement, "select name from organisation")).isEqualTo("改修前の市");
				assertThatThrownBy(() -> statement.execute("update audit_entry set action = 'X'"))
					.hasMessageContaining("permission denied");
				assertThatThrownBy(() -> statement.execute("alter table audit_entry disable trigger all"))
					.hasMessageContaining("must be owner");
			}
		}
	}

	private static Connection connect(EmbeddedPostgresServer server, String user, String password) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", user);
		properties.setProperty("password", password);
		return DriverManager.getConnection(server.jdbcUrl(), properties);
	}

	private static String single(Statement statement, String sql) throws SQLException {
		try (ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

}
