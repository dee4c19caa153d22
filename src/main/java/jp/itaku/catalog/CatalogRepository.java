package jp.itaku.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.itaku.catalog.ProfileDefinition.ClauseDefinition;
import jp.itaku.platform.SearchText;
import jp.itaku.platform.database.TransactionLocks;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored profile versions and their clauses. Rows are written once and never changed.
 */
@Repository
class CatalogRepository {

	/**
	 * What a {@link ProfileSummary} reads: never the stored file nor its definition (a
	 * bundled profile's are some 60 kB each, and the dashboard lists the profiles on
	 * every request).
	 */
	private static final String SUMMARY_COLUMNS = "p.id, p.code, p.version, p.issuer, p.issuer_en, p.title, p.origin,"
			+ " p.clause_count, p.requirement_count, p.created_at";

	private final JdbcClient jdbc;

	private final TransactionLocks locks;

	CatalogRepository(JdbcClient jdbc, TransactionLocks locks) {
		this.jdbc = jdbc;
		this.locks = locks;
	}

	/**
	 * Serialises storing, so that two nodes starting at once do not both store a version.
	 */
	void lock() {
		this.locks.lock(TransactionLocks.CATALOG_STORE);
	}

	int latestVersion(String code) {
		return this.jdbc.sql("select coalesce(max(version), 0) from clause_profile where code = :code")
			.param("code", code)
			.query(Integer.class)
			.single();
	}

	Optional<UUID> findByHash(String code, String contentHash) {
		return this.jdbc.sql(
				"select id from clause_profile where code = :code and content_hash = :hash order by version desc limit 1")
			.param("code", code)
			.param("hash", contentHash)
			.query(UUID.class)
			.optional();
	}

	void insert(UUID id, ProfileDefinition profile, int version, ProfileOrigin origin, @Nullable String fileName,
			String hash, String content, String definitionJson, int requirementCount, @Nullable UUID createdBy,
			Instant now) {
		this.jdbc
			.sql("""
					insert into clause_profile (id, code, version, issuer, issuer_en, title, origin, file_name, content_hash,
					  content, definition, clause_count, requirement_count, created_by, created_at)
					values (:id, :code, :version, :issuer, :issuerEn, :title, :origin, :fileName, :hash, :content,
					  cast(:definition as jsonb), :clauseCount, :requirementCount, :createdBy, :createdAt)
					""")
			.param("id", id)
			.param("code", profile.code())
			.param("version", version)
			.param("issuer", profile.issuer())
			.param("issuerEn", profile.issuerEn())
			.param("title", profile.title())
			.param("origin", origin.name())
			.param("fileName", fileName)
			.param("hash", hash)
			.param("content", content)
			.param("definition", definitionJson)
			.param("clauseCount", profile.clauses().size())
			.param("requirementCount", requirementCount)
			.param("createdBy", createdBy)
			.param("createdAt", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update();
		int ordinal = 0;
		for (ClauseDefinition clause : profile.clauses()) {
			this.jdbc
				.sql("""
						insert into clause (id, profile_id, ordinal, ref, parent_ref, heading, text, category, informational,
						  requirement_count)
						values (:id, :profileId, :ordinal, :ref, :parent, :heading, :text, :category, :informational, :count)
						""")
				.param("id", UUID.randomUUID())
				.param("profileId", id)
				.param("ordinal", ordinal++)
				.param("ref", clause.ref())
				.param("parent", clause.parent())
				.param("heading", clause.heading())
				.param("text", clause.text())
				.param("category", clause.category().name())
				.param("informational", clause.informational())
				.param("count", clause.requirements().size())
				.update();
		}
	}

	List<ProfileSummary> summaries(boolean latestOnly) {
		String where = latestOnly
				? " where p.version = (select max(q.version) from clause_profile q where q.code = p.code)" : "";
		return this.jdbc
			.sql("select " + SUMMARY_COLUMNS + " from clause_profile p" + where + " order by p.code, p.version desc")
			.query(CatalogRepository::summary)
			.list();
	}

	List<ProfileSummary> versionsOf(String code) {
		return this.jdbc
			.sql("select " + SUMMARY_COLUMNS + " from clause_profile p where p.code = :code order by p.version desc")
			.param("code", code)
			.query(CatalogRepository::summary)
			.list();
	}

	Optional<StoredRow> find(UUID id) {
		return this.jdbc.sql("select * from clause_profile where id = :id")
			.param("id", id)
			.query((rs, n) -> new StoredRow(rs.getObject("id", UUID.class), rs.getString("code"), rs.getInt("version"),
					ProfileOrigin.valueOf(rs.getString("origin")), rs.getString("file_name"),
					rs.getString("content_hash"), rs.getTimestamp("created_at").toInstant(),
					rs.getString("definition")))
			.optional();
	}

	List<ClauseHit> search(String query, int limit) {
		// Folded as the index is (width, case and okurigana: 持出し finds 持ち出し).
		SearchText text = SearchText.lenient(this.jdbc, query);
		return this.jdbc.sql("""
				select c.*, p.issuer from clause c join clause_profile p on p.id = c.profile_id
				where p.version = (select max(q.version) from clause_profile q where q.code = p.code)
				  and %s
				order by p.code, c.ordinal limit :limit
				""".formatted(SearchText.matches("coalesce(c.heading, '') || ' ' || c.text")))
			.param("searchPattern", text.pattern())
			.param("limit", limit)
			.query((rs, n) -> new ClauseHit(rs.getObject("profile_id", UUID.class), rs.getString("issuer"),
					rs.getString("ref"), rs.getString("heading"), rs.getString("text"),
					ClauseCategory.valueOf(rs.getString("category"))))
			.list();
	}

	private static ProfileSummary summary(ResultSet rs, int row) throws SQLException {
		return new ProfileSummary(rs.getObject("id", UUID.class), rs.getString("code"), rs.getInt("version"),
				rs.getString("issuer"), rs.getString("issuer_en"), rs.getString("title"),
				ProfileOrigin.valueOf(rs.getString("origin")), rs.getInt("clause_count"),
				rs.getInt("requirement_count"), rs.getTimestamp("created_at").toInstant());
	}

	/**
	 * A stored version as read, with its definition still as JSON.
	 *
	 * @param id the id
	 * @param code the code
	 * @param version the version
	 * @param origin the origin
	 * @param fileName the file name
	 * @param contentHash the content hash
	 * @param createdAt when stored
	 * @param definitionJson the definition as JSON
	 */
	record StoredRow(UUID id, String code, int version, ProfileOrigin origin, String fileName, String contentHash,
			Instant createdAt, String definitionJson) {
	}

}
