package jp.itaku.janitor;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which stored documents a record refers to: every column of every module's tables that
 * holds a document key. A table that starts to refer to documents must be added here
 * ({@code DocumentReferencesIT} finds such columns in the schema and fails until it is),
 * or the janitor would remove its documents.
 */
@Component
class DocumentReferences {

	/** Each table and column that holds the key of a stored document. */
	static final List<Column> COLUMNS = List.of(new Column("submission_file", "document_key"),
			new Column("roster_notice", "document_key"), new Column("emergency_contact_version", "document_key"),
			new Column("pledge", "document_key"), new Column("pledge", "signed_document_key"),
			new Column("training_session", "materials_key"), new Column("work_schedule", "document_key"),
			new Column("asset_receipt", "document_key"), new Column("asset_request", "application_key"),
			new Column("asset_request", "certificate_key"), new Column("incident", "report_document_key"),
			new Column("subcontract", "document_key"), new Column("self_inspection", "document_key"),
			new Column("self_inspection_answer", "evidence_key"), new Column("inspection_evidence", "document_key"),
			new Column("subcontract_staff_notice", "document_key"), new Column("approval", "document_key"),
			new Column("approval_attachment", "document_key"), new Column("subcontractor_document", "document_key"));

	private static final String QUERY = COLUMNS.stream()
		.map((c) -> "select " + c.column() + " from " + c.table() + " where " + c.column() + " = any(:keys)")
		.collect(Collectors.joining("\nunion\n"));

	private final JdbcClient jdbc;

	DocumentReferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Returns which of some document keys a record refers to.
	 * @param keys the keys
	 * @return those referred to
	 */
	Set<String> referenced(Collection<String> keys) {
		if (keys.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(
				this.jdbc.sql(QUERY).param("keys", keys.toArray(String[]::new)).query(String.class).list());
	}

	/**
	 * A column that holds document keys.
	 *
	 * @param table the table
	 * @param column the column
	 */
	record Column(String table, String column) {
	}

}
