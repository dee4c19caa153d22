package jp.itaku.janitor;

import java.util.List;
import java.util.Set;

import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The janitor knows every column that refers to a stored document: a column whose name
 * ends in {@code key} beside a column holding a SHA-256, anywhere in the schema, is one,
 * unless it is listed here as something else. A new table that refers to documents fails
 * this test until it is added to {@link DocumentReferences}, instead of having its
 * documents removed.
 */
@IntegrationTest
class DocumentReferencesIT {

	/** Columns named like a key beside a hash that are no document keys. */
	private static final Set<String> NOT_DOCUMENTS = Set.of("self_inspection_answer.question_key",
			"emergency_contact_version.period_key", "work_schedule.change_key", "approval.requirement_key");

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyColumnThatHoldsADocumentKeyIsKnownToTheJanitor() {
		List<String> keyColumns = this.jdbc.sql("""
				select c.table_name || '.' || c.column_name from information_schema.columns c
				where c.table_schema = current_schema() and c.column_name like '%key'
				  and c.data_type = 'character varying'
				  and exists (select 1 from information_schema.columns h
				              where h.table_schema = c.table_schema and h.table_name = c.table_name
				                and h.column_name like '%sha256')
				order by 1
				""").query(String.class).list();

		assertThat(keyColumns).isNotEmpty();
		assertThat(keyColumns.stream().filter((c) -> !NOT_DOCUMENTS.contains(c)).toList())
			.containsExactlyInAnyOrderElementsOf(
					DocumentReferences.COLUMNS.stream().map((c) -> c.table() + "." + c.column()).toList());
	}

	@Test
	void aDocumentKeyOfAnyOfTheseColumnsIsReferenced() {
		// Every listed column exists: the query the janitor asks runs.
		assertThat(new DocumentReferences(this.jdbc).referenced(List.of("0".repeat(64)))).isEmpty();
	}

}
