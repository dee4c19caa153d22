package jp.itaku.obligation;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V67 on a database of V66: a raised obligation due before its event (the
 * previous-open-day rule applied to a roster change on Sunday 6 December 2026, due Friday
 * the 4th) is repaired to the day of its event and the repair is in its history; an
 * obligation due on or after its event is left alone; the raised obligations learn their
 * deadline's kind, named term and duration from the pinned profile and the contract.
 */
class DeadlineRepairMigrationIT {

	private static final String DEFINITION = """
			{"code":"test","clauses":[
			 {"ref":"3(2)","requirements":[
			  {"kind":"NOTIFY","actor":"CONTRACTOR","deliverable":"ROSTER",
			   "trigger":{"type":"ON_CHANGE","subject":"ROSTER"},
			   "deadline":{"type":"POLICY","policy":"IMMEDIATELY"}}]},
			 {"ref":"4(3)","requirements":[
			  {"kind":"NOTIFY","actor":"CONTRACTOR"},
			  {"kind":"NOTIFY","actor":"CONTRACTOR","deliverable":"ID_REVOCATION_NOTICE",
			   "trigger":{"type":"ON_EVENT","event":"WORKER_LEFT"}}]}]}
			""";

	@TempDir
	Path work;

	@Test
	void aRaisedObligationDueBeforeItsEventIsRepairedToTheEventsDayAndTheRepairIsInItsHistory() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(this.work.resolve("postgres"))
			.setServerConfig("timezone", "UTC")
			.setLocaleConfig("encoding", "UTF8")
			.setLocaleConfig("locale", "C.UTF-8")
			.start()) {
			Flyway.configure()
				.dataSource(postgres.getPostgresDatabase())
				.locations("classpath:db/migration")
				.target("66")
				.load()
				.migrate();
			UUID early = UUID.randomUUID();
			UUID fine = UUID.randomUUID();
			try (Connection connection = postgres.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				UUID client = UUID.randomUUID();
				UUID contractor = UUID.randomUUID();
				UUID profile = UUID.randomUUID();
				UUID contract = UUID.randomUUID();
				statement.execute("insert into organisation (id, name, kind, created_at, updated_at) values ('" + client
						+ "', '区', 'CLIENT', now(), now()), ('" + contractor + "', '受託者', 'CONTRACTOR', now(), now())");
				statement.execute("""
						insert into clause_profile (id, code, version, issuer, issuer_en, title, origin, file_name,
						    content_hash, content, definition, clause_count, requirement_count, created_at)
						values ('%s', 'test', 1, '区', 'Ward', '特記事項', 'IMPORTED', 'test.yaml', 'x', 'x',
						    cast('%s' as jsonb), 2, 3, now())""".formatted(profile, DEFINITION));
				statement.execute("""
						insert into contract (id, number, title, client_organisation_id, contractor_organisation_id,
						    period_start, period_end, profile_id, status, immediately, promptly, without_delay,
						    created_at, updated_at)
						values ('%s', 'R8-1', '委託', '%s', '%s', '2026-12-14', '2027-12-13', '%s', 'ACTIVE',
						    'PT1H', 'P3D', 'P7D', now(), now())""".formatted(contract, client, contractor, profile));
				statement.execute("""
						insert into obligation (id, contract_id, requirement_key, clause_ref, category, kind,
						    deliverable, summary, period_key, due_date, status, origin, occurred_on, created_at,
						    updated_at)
						values ('%s', '%s', '3(2)#1', '3(2)', 'RESPONSIBILITY_AND_LOCATION', 'NOTIFY', 'ROSTER',
						    '変更届', 'N2', '2026-12-04', 'OPEN', 'RAISED', '2026-12-06', now(), now()),
						       ('%s', '%s', '4(3)#2', '4(3)', 'ACCESS_SCOPE', 'NOTIFY', 'ID_REVOCATION_NOTICE',
						    '削除届', 'W-1', '2026-12-09', 'OPEN', 'RAISED', '2026-12-06', now(), now())
						""".formatted(early, contract, fine, contract));
			}

			Flyway.configure()
				.dataSource(postgres.getPostgresDatabase())
				.locations("classpath:db/migration")
				.target("67")
				.load()
				.migrate();

			try (Connection connection = postgres.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				assertThat(row(statement,
						"select due_date || ' ' || version || ' ' || due_kind || ' ' || due_policy"
								+ " || ' ' || due_within from obligation where id = '" + early + "'"))
					.isEqualTo("2026-12-06 1 HOURS_AFTER_EVENT IMMEDIATELY PT1H");
				assertThat(row(statement,
						"select action || ' ' || comment from obligation_event where obligation_id = '" + early + "'"))
					.startsWith("RESCHEDULED V67: 期限 2026-12-04 は発生日より前のため、発生日 2026-12-06 に訂正");
				// No deadline in the clause: 速やかに, the contract's 3 days, counted in
				// days.
				assertThat(row(statement,
						"select due_date || ' ' || version || ' ' || due_kind || ' ' || due_policy"
								+ " || ' ' || due_within from obligation where id = '" + fine + "'"))
					.isEqualTo("2026-12-09 0 DAYS_AFTER_EVENT PROMPTLY P3D");
				assertThat(row(statement, "select count(*) from obligation_event where obligation_id = '" + fine + "'"))
					.isEqualTo("0");
			}
		}
	}

	private static String row(Statement statement, String sql) throws SQLException {
		try (ResultSet rs = statement.executeQuery(sql)) {
			assertThat(rs.next()).as(sql).isTrue();
			return rs.getString(1);
		}
	}

}
