package jp.itaku.logevidence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jp.itaku.contract.ContractScope;
import jp.itaku.finding.FindingStatus;
import jp.itaku.platform.InvalidInputProblem;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The module's tables read and written with SQL (the lines themselves go through COPY):
 * settings, sources, batches and findings.
 */
@Repository
class LogRecords {

	private static final TypeReference<List<Map<String, Object>>> EVIDENCE = new TypeReference<>() {
	};

	private static final TypeReference<List<LogBatch.Malformed>> MALFORMED = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	LogRecords(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	// --- settings ---------------------------------------------------------------------

	LogSettings settings(UUID contractId) {
		return this.jdbc
			.sql("select retention_months, forbidden_operations, allowed_from, allowed_to, bulk_per_hour,"
					+ " failed_login_burst, failed_login_minutes, skew_tolerance_seconds, requires_entry"
					+ " from log_settings where contract_id = ?")
			.param(contractId)
			.query((rs, n) -> new LogSettings(rs.getInt(1), rs.getString(2), time(rs, 3), time(rs, 4), rs.getInt(5),
					rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getBoolean(9)))
			.optional()
			.orElse(LogSettings.DEFAULTS);
	}

	void saveSettings(UUID contractId, LogSettings s, Instant now) {
		this.jdbc.sql("insert into log_settings (contract_id, retention_months, forbidden_operations, allowed_from,"
				+ " allowed_to, bulk_per_hour, failed_login_burst, failed_login_minutes, skew_tolerance_seconds,"
				+ " requires_entry, updated_at) values (:c, :r, :f, cast(:af as time), cast(:at as time), :b, :fb,"
				+ " :fm, :sk, :re, :now) on conflict (contract_id) do update set retention_months = excluded.retention_months,"
				+ " forbidden_operations = excluded.forbidden_operations, allowed_from = excluded.allowed_from,"
				+ " allowed_to = excluded.allowed_to, bulk_per_hour = excluded.bulk_per_hour,"
				+ " failed_login_burst = excluded.failed_login_burst, failed_login_minutes = excluded.failed_login_minutes,"
				+ " skew_tolerance_seconds = excluded.skew_tolerance_seconds, requires_entry = excluded.requires_entry,"
				+ " updated_at = excluded.updated_at")
			.param("c", contractId)
			.param("r", s.retentionMonths())
			.param("f", s.forbiddenOperations())
			.param("af", s.allowedFrom())
			.param("at", s.allowedTo())
			.param("b", s.bulkPerHour())
			.param("fb", s.failedLoginBurst())
			.param("fm", s.failedLoginMinutes())
			.param("sk", s.skewToleranceSeconds())
			.param("re", s.requiresEntry())
			.param("now", Timestamp.from(now))
			.update();
	}

	// --- sources ----------------------------------------------------------------------

	List<LogSource> sources(UUID contractId) {
		return this.jdbc
			.sql("select id, contract_id, name, format, mapping::text, time_zone, created_at from log_source"
					+ " where contract_id = ? order by name")
			.param(contractId)
			.query((rs, n) -> source(rs, n))
			.list();
	}

	Optional<LogSource> source(UUID id) {
		return this.jdbc.sql(
				"select id, contract_id, name, format, mapping::text, time_zone, created_at from log_source where id = ?")
			.param(id)
			.query((rs, n) -> source(rs, n))
			.optional();
	}

	boolean sourceNameTaken(UUID contractId, String name) {
		return this.jdbc.sql("select count(*) from log_source where contract_id = ? and name = ?")
			.params(contractId, name)
			.query(Long.class)
			.single() > 0;
	}

	void insertSource(LogSource source, UUID by) {
		this.jdbc
			.sql("insert into log_source (id, contract_id, name, format, mapping, time_zone, created_at, created_by)"
					+ " values (?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)")
			.params(source.id(), source.contractId(), source.name(), source.format().name(),
					this.json.writeValueAsString(source.mapping()), source.zone().getId(),
					Timestamp.from(source.createdAt()), by)
			.update();
	}

	private LogSource source(ResultSet rs, int n) throws SQLException {
		return new LogSource(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
				LogFormat.valueOf(rs.getString(4)), this.json.readValue(rs.getString(5), LogMapping.class),
				ZoneId.of(rs.getString(6)), rs.getTimestamp(7).toInstant());
	}

	// --- batches ----------------------------------------------------------------------

	private static final String BATCH = "select id, contract_id, source_id, sha256, file_name, total_lines, good_lines,"
			+ " malformed_lines, malformed::text, status, first_at, last_at, uploaded_at, uploaded_by, decided_at,"
			+ " decided_by from log_batch ";

	Optional<LogBatch> batch(UUID id) {
		return this.jdbc.sql(BATCH + "where id = ?").param(id).query((rs, n) -> batch(rs, n)).optional();
	}

	// JdbcClient binds a null argument as SQL NULL (nullable columns); NullAway reads
	// params(Object...) as refusing one
	@SuppressWarnings("NullAway")
	Optional<LogBatch> liveBatch(UUID contractId, UUID sourceId, @Nullable String sha256) {
		return this.jdbc.sql(BATCH + "where contract_id = ? and source_id = ? and sha256 = ? and status <> 'REJECTED'")
			.params(contractId, sourceId, sha256)
			.query((rs, n) -> batch(rs, n))
			.optional();
	}

	List<LogBatch> batches(UUID contractId, int limit) {
		return this.jdbc.sql(BATCH + "where contract_id = ? order by uploaded_at desc limit ?")
			.params(contractId, limit)
			.query((rs, n) -> batch(rs, n))
			.list();
	}

	// JdbcClient binds a null argument as SQL NULL (nullable columns); NullAway reads
	// params(Object...) as refusing one
	@SuppressWarnings("NullAway")
	void insertBatch(LogBatch b) {
		this.jdbc
			.sql("insert into log_batch (id, contract_id, source_id, sha256, file_name, total_lines, good_lines,"
					+ " malformed_lines, malformed, status, first_at, last_at, uploaded_at, uploaded_by, decided_at,"
					+ " decided_by) values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?)")
			.params(b.getId(), b.getContractId(), b.getSourceId(), b.getSha256(), b.getFileName(), b.getTotalLines(),
					b.getGoodLines(), b.getMalformedLines(), this.json.writeValueAsString(b.getMalformed()),
					b.getStatus().name(), ts(b.getFirstAt()), ts(b.getLastAt()), ts(b.getUploadedAt()),
					b.getUploadedBy(), ts(b.getDecidedAt()), b.getDecidedBy())
			.update();
	}

	// JdbcClient binds a null argument as SQL NULL (nullable columns); NullAway reads
	// params(Object...) as refusing one
	@SuppressWarnings("NullAway")
	void updateBatchStatus(LogBatch b) {
		int updated = this.jdbc
			.sql("update log_batch set status = ?, decided_at = ?, decided_by = ?, version = version + 1"
					+ " where id = ? and status = 'PENDING'")
			.params(b.getStatus().name(), ts(b.getDecidedAt()), b.getDecidedBy(), b.getId())
			.update();
		if (updated != 1) {
			throw new InvalidInputProblem("status", "logevidence.error.batchDecided");
		}
	}

	void insertMonths(UUID batchId, UUID contractId, Map<YearMonth, Integer> months) {
		for (Map.Entry<YearMonth, Integer> e : months.entrySet()) {
			this.jdbc.sql("insert into log_batch_month (batch_id, contract_id, month, lines) values (?, ?, ?, ?)")
				.params(batchId, contractId, e.getKey().atDay(1), e.getValue())
				.update();
		}
	}

	private LogBatch batch(ResultSet rs, int n) throws SQLException {
		return new LogBatch(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
				rs.getString(4), rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getInt(8),
				this.json.readValue(rs.getString(9), MALFORMED), LogBatch.Status.valueOf(rs.getString(10)),
				instant(rs, 11), instant(rs, 12), instant(rs, 13), rs.getObject(14, UUID.class), instant(rs, 15),
				rs.getObject(16, UUID.class));
	}

	// --- findings ---------------------------------------------------------------------

	private static final String FINDING = "select id, contract_id, rule, clause_ref, subject, user_ref, occurred_on,"
			+ " line_count, evidence::text, status, explanation, return_comment, found_at, changed_at, changed_by"
			+ " from log_finding ";

	/** Which of the contracts a scope admits have log findings: one read. */
	Set<UUID> contractsWithFindings(ContractScope scope) {
		return Set.copyOf(this.jdbc
			.sql("select distinct x.contract_id from log_finding x join contract c on c.id = x.contract_id where "
					+ scope.condition())
			.params(scope.parameters())
			.query(UUID.class)
			.list());
	}

	List<LogFinding> findings(UUID contractId, int limit) {
		return this.jdbc
			.sql(FINDING + "where contract_id = ? order by (status = 'CLOSED'), occurred_on desc nulls last,"
					+ " rule, subject limit ?")
			.params(contractId, limit)
			.query((rs, n) -> finding(rs, n))
			.list();
	}

	Optional<LogFinding> finding(UUID id) {
		return this.jdbc.sql(FINDING + "where id = ?").param(id).query((rs, n) -> finding(rs, n)).optional();
	}

	// JdbcClient binds a null argument as SQL NULL (nullable columns); NullAway reads
	// params(Object...) as refusing one
	@SuppressWarnings("NullAway")
	void updateFinding(LogFinding f) {
		this.jdbc
			.sql("update log_finding set status = ?, explanation = ?, return_comment = ?, changed_at = ?,"
					+ " changed_by = ?, version = version + 1 where id = ?")
			.params(f.getStatus().name(), f.getExplanation(), f.getReturnComment(), ts(f.getChangedAt()),
					f.getChangedBy(), f.getId())
			.update();
	}

	void insertBatchFinding(UUID contractId, LogRule rule, UUID batchId, LocalDate day, int count,
			List<Map<String, Object>> evidence, Instant now) {
		this.jdbc
			.sql("insert into log_finding (id, contract_id, rule, clause_ref, severity, subject, user_ref, occurred_on,"
					+ " line_count, evidence, status, found_at, checked_at) values (gen_random_uuid(), ?, ?, ?, ?, ?,"
					+ " null, ?, ?, cast(? as jsonb), 'OPEN', ?, ?) on conflict (contract_id, rule, subject) do nothing")
			.params(contractId, rule.name(), rule.clause(), rule.severity().name(), "batch|" + batchId, day, count,
					this.json.writeValueAsString(evidence), Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	Map<String, Long> openCounts(UUID contractId) {
		Map<String, Long> counts = new TreeMap<>();
		this.jdbc
			.sql("select rule, count(*) from log_finding where contract_id = ? and status <> 'CLOSED' group by rule")
			.param(contractId)
			.query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
			.list();
		return counts;
	}

	private LogFinding finding(ResultSet rs, int n) throws SQLException {
		LocalDate day = rs.getObject(7, LocalDate.class);
		return new LogFinding(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
				LogRule.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6), day, rs.getInt(8),
				this.json.readValue(rs.getString(9), EVIDENCE), FindingStatus.valueOf(rs.getString(10)),
				rs.getString(11), rs.getString(12), instant(rs, 13), instant(rs, 14), rs.getObject(15, UUID.class));
	}

	private static @Nullable Timestamp ts(@Nullable Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return (t != null) ? t.toInstant() : null;
	}

	private static LocalTime time(ResultSet rs, int column) throws SQLException {
		return rs.getObject(column, LocalTime.class);
	}

}
