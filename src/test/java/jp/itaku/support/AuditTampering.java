package jp.itaku.support;

import java.util.function.Consumer;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way tests rewrite, delete or re-insert audit entries, as an attacker with the
 * database owner's rights would: the table's append-only triggers are disabled for one
 * transaction around the statements. It connects as the schema's owner, the role the
 * migrations run as ({@link SchemaOwner}): the application's own role may only insert and
 * read audit rows and cannot disable a trigger.
 */
@TestComponent
public class AuditTampering {

	private final DataSource dataSource;

	AuditTampering(Flyway flyway) {
		this.dataSource = flyway.getConfiguration().getDataSource();
	}

	/**
	 * Runs statements on {@code audit_entry} with its triggers disabled, in one
	 * transaction.
	 * @param statements what to do, given a connection with the owner's rights
	 */
	public void asOwner(Consumer<JdbcTemplate> statements) {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		new TransactionTemplate(new DataSourceTransactionManager(this.dataSource)).executeWithoutResult((status) -> {
			jdbc.execute("alter table audit_entry disable trigger user");
			statements.accept(jdbc);
			jdbc.execute("alter table audit_entry enable trigger user");
		});
	}

}
