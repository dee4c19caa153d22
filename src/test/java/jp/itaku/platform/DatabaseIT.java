package jp.itaku.platform;

import java.time.Duration;

import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database the tests run against: the embedded server by default, the external one
 * named by {@code ITAKU_DB_URL} when set; PostgreSQL 15 or newer either way, with the
 * schema Flyway made, and the application's sessions set up as
 * {@code application.properties} says.
 */
@IntegrationTest
class DatabaseIT {

	@Autowired
	JdbcTemplate jdbc;

	@Value("${itaku.database.statement-timeout}")
	Duration statementTimeout;

	@Test
	void runsOnPostgresql15OrNewerWithTheFlywaySchema() {
		int version = this.jdbc.queryForObject("show server_version_num", Integer.class);
		assertThat(version).isGreaterThanOrEqualTo(150000);
		assertThat(this.jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
			.isGreaterThanOrEqualTo(2);
	}

	@Test
	void usesTheExternalServerWhenConfigured() {
		String external = System.getenv("ITAKU_DB_URL");
		String current = this.jdbc.queryForObject("select current_database()", String.class);
		if (external != null && !external.isBlank()) {
			assertThat(external).endsWith("/" + current);
			assertThat(this.jdbc.queryForObject("show server_version_num", Integer.class)).isLessThan(180000);
		}
		else {
			assertThat(this.jdbc.queryForObject("show server_version_num", Integer.class))
				.isGreaterThanOrEqualTo(180000);
		}
	}

	/**
	 * Every pooled connection runs with the configured statement timeout and without JIT
	 * compilation: Debian's PostgreSQL 15 of the second CI pass is built with LLVM, so
	 * the setting is proved where it matters (the embedded server has no JIT).
	 */
	@Test
	void theApplicationsSessionsHaveTheStatementTimeoutAndNoJit() {
		assertThat(this.jdbc.queryForObject("show jit", String.class)).isEqualTo("off");
		assertThat(this.jdbc.queryForObject(
				"select extract(epoch from current_setting('statement_timeout')::interval)::bigint", Long.class))
			.isEqualTo(this.statementTimeout.toSeconds());
	}

}
