package jp.itaku.audit;

import java.util.List;

import jp.itaku.support.IntegrationTest;
import jp.itaku.support.SchemaOwner;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit trail cannot be rewritten by the application's own database user (Setagaya
 * 17–18, Gunma 3ウ; issue 17): it owns nothing and is no superuser, so it can only read
 * and append audit entries. Runs against the embedded server and, in CI, against an
 * external PostgreSQL 15 set up with two roles.
 */
@IntegrationTest
class AuditProtectionIT {

	@Autowired
	TransactionOperations transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Flyway flyway;

	@Autowired
	AuditTrail audit;

	@BeforeEach
	void oneEntryAtLeast() {
		this.transactions.executeWithoutResult((status) -> this.audit.record(AuditRecord.of("TEST_ENTRY")));
	}

	@Test
	void theApplicationConnectsAsARoleThatOwnsNothingAndIsNoSuperuser() {
		String app = this.jdbc.queryForObject("select current_user", String.class);
		String owner = SchemaOwner.jdbc(this.flyway).queryForObject("select current_user", String.class);
		assertThat(app).as("the application's role is not the schema's owner").isNotEqualTo(owner);
		assertThat(this.jdbc.queryForObject(
				"select rolsuper or rolbypassrls or rolcreaterole from pg_roles" + " where rolname = current_user",
				Boolean.class))
			.isFalse();
		assertThat(
				this.jdbc.queryForObject("select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace"
						+ " where n.nspname = 'public' and c.relowner = current_user::regrole", Long.class))
			.isZero();
		assertThat(
				this.jdbc.queryForObject("select has_table_privilege('audit_entry', 'SELECT, INSERT')", Boolean.class))
			.isTrue();
	}

	@Test
	void theApplicationCannotUpdateDeleteOrTruncateAuditRows() {
		for (String sql : List.of("update audit_entry set action = 'X'", "delete from audit_entry",
				"truncate audit_entry", "update audit_chain_anchor set entry_hash = 'x'",
				"delete from audit_chain_anchor", "truncate audit_chain_anchor")) {
			assertThatThrownBy(() -> this.jdbc.execute(sql)).as(sql)
				.isInstanceOf(DataAccessException.class)
				.rootCause()
				.hasMessageContaining("permission denied");
		}
	}

	@Test
	void theApplicationCannotDisableTheTriggersNorBypassThem() {
		for (String sql : List.of("alter table audit_entry disable trigger audit_entry_no_update",
				"alter table audit_entry disable trigger all", "drop trigger audit_entry_guard_delete on audit_entry",
				"alter table audit_entry owner to current_user", "drop table audit_entry")) {
			assertThatThrownBy(() -> this.jdbc.execute(sql)).as(sql)
				.isInstanceOf(DataAccessException.class)
				.rootCause()
				.hasMessageContaining("must be owner");
		}
		for (String sql : List.of("set session_replication_role = replica",
				"set role " + SchemaOwner.jdbc(this.flyway).queryForObject("select current_user", String.class),
				"create table audit_copy (seq bigint)",
				"create or replace function audit_refuse_change() returns trigger language plpgsql"
						+ " as $$ begin return new; end $$")) {
			assertThatThrownBy(() -> this.jdbc.execute(sql)).as(sql)
				.isInstanceOf(DataAccessException.class)
				.rootCause()
				.message()
				.containsAnyOf("permission denied", "must be owner", "not allowed");
		}
		// Without the grant option, a grant to itself gives nothing (PostgreSQL only
		// warns).
		this.jdbc.execute("grant update, delete, truncate on audit_entry to current_user");
		assertThat(this.jdbc.queryForObject("select has_table_privilege('audit_entry', 'UPDATE')"
				+ " or has_table_privilege('audit_entry', 'DELETE') or has_table_privilege('audit_entry', 'TRUNCATE')",
				Boolean.class))
			.isFalse();
	}

	@Test
	void whatNeedsTheOwnerGoesThroughItsNarrowFunctionsOnly() {
		assertThatThrownBy(() -> this.jdbc.queryForObject("select itaku_audit_purge(now(), now())", Long.class))
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("younger than three months");
		assertThatThrownBy(() -> this.jdbc
			.queryForObject("select itaku_log_partition_drop(date_trunc('month', now())::date)", Boolean.class))
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("minimum retention");
		assertThat(this.audit.verify().intact()).isTrue();
	}

}
