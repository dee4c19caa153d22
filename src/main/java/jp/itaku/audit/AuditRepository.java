package jp.itaku.audit;

import jp.itaku.platform.database.BinaryCopyRows;
import jp.itaku.platform.database.TransactionLocks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Contract;
import org.springframework.stereotype.Repository;

/**
 * The audit tables, through plain SQL: the chain needs exact control of what is written.
 */
@Repository
class AuditRepository {

	private final JdbcClient jdbc;

	private final TransactionLocks locks;

	private final JdbcTemplate connections;

	AuditRepository(JdbcClient jdbc, TransactionLocks locks, DataSource dataSource) {
		this.jdbc = jdbc;
		this.locks = locks;
		this.connections = new JdbcTemplate(dataSource);
	}

	/**
	 * Takes the chain lock for the rest of the current transaction and returns the
	 * chain's head.
	 * @return the last entry's sequence number and hash (or the purge anchor's, or
	 * genesis)
	 */
	ChainHead lockHead() {
		this.locks.lock(TransactionLocks.AUDIT_APPEND);
		return this.jdbc.sql("select seq, entry_hash from audit_entry order by seq desc limit 1")
			.query((rs, n) -> new ChainHead(rs.getLong(1), rs.getString(2)))
			.optional()
			.or(this::anchor)
			.orElse(new ChainHead(0, AuditChain.GENESIS));
	}

	/**
	 * Returns the chain's head without taking the lock: the last committed entry (or the
	 * purge anchor, or genesis).
	 * @return its sequence number and hash
	 */
	ChainHead head() {
		return this.jdbc.sql("select seq, entry_hash from audit_entry order by seq desc limit 1")
			.query((rs, n) -> new ChainHead(rs.getLong(1), rs.getString(2)))
			.optional()
			.or(this::anchor)
			.orElse(new ChainHead(0, AuditChain.GENESIS));
	}

	/**
	 * Returns a stored entry's hash.
	 * @param seq the entry's sequence number
	 * @return its hash, if the entry is stored
	 */
	Optional<String> hashAt(long seq) {
		return this.jdbc.sql("select entry_hash from audit_entry where seq = :seq")
			.param("seq", seq)
			.query(String.class)
			.optional();
	}

	/**
	 * Returns where the chain became keyed, oldest first.
	 * @return the switches recorded (one, unless the chain key was ever replaced)
	 */
	List<ChainKeyRecord> chainKeys() {
		return this.jdbc.sql("select seq, chain_id, key_id, fingerprint, keyed_at from audit_chain_key order by seq")
			.query((rs, n) -> new ChainKeyRecord(rs.getLong(1), rs.getObject(2, UUID.class), rs.getLong(3),
					rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant()))
			.list();
	}

	void insertChainKey(ChainKeyRecord key) {
		this.jdbc.sql("""
				insert into audit_chain_key (seq, chain_id, key_id, fingerprint, keyed_at)
				values (:seq, :chainId, :keyId, :fingerprint, :keyedAt)
				""")
			.param("seq", key.seq())
			.param("chainId", key.chainId())
			.param("keyId", key.keyId())
			.param("fingerprint", key.fingerprint())
			.param("keyedAt", OffsetDateTime.ofInstant(key.keyedAt(), ZoneOffset.UTC))
			.update();
	}

	void insertCheckpoint(AuditCheckpoint checkpoint, String trigger, int mailedTo) {
		this.jdbc.sql("""
				insert into audit_checkpoint (chain_id, seq, entry_hash, written_at, mac, trigger, mailed_to)
				values (:chainId, :seq, :entryHash, :writtenAt, :mac, :trigger, :mailedTo)
				""")
			.param("chainId", checkpoint.chain())
			.param("seq", checkpoint.seq())
			.param("entryHash", checkpoint.entryHash())
			.param("writtenAt", OffsetDateTime.ofInstant(checkpoint.writtenAt(), ZoneOffset.UTC))
			.param("mac", checkpoint.mac())
			.param("trigger", trigger)
			.param("mailedTo", mailedTo)
			.update();
	}

	/**
	 * Returns the last checkpoint written of a chain, as recorded in the database.
	 * @param chainId the chain
	 * @param mailedOnly only one that was mailed
	 * @return its sequence number and time, if there is one
	 */
	Optional<RecordedCheckpoint> lastCheckpoint(UUID chainId, boolean mailedOnly) {
		return this.jdbc
			.sql("select seq, written_at from audit_checkpoint where chain_id = :chainId"
					+ (mailedOnly ? " and mailed_to > 0" : "") + " order by written_at desc limit 1")
			.param("chainId", chainId)
			.query((rs, n) -> new RecordedCheckpoint(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
			.optional();
	}

	Optional<ChainHead> anchor() {
		return this.jdbc.sql("select seq, entry_hash from audit_chain_anchor order by seq desc limit 1")
			.query((rs, n) -> new ChainHead(rs.getLong(1), rs.getString(2)))
			.optional();
	}

	void insert(AuditEntry e) {
		this.jdbc.sql("""
				insert into audit_entry (seq, occurred_at, user_id, username, organisation_id, action, target_type,
				  target_id, client_ip, outcome, details, previous_hash, entry_hash)
				values (:seq, :occurredAt, :userId, :username, :organisationId, :action, :targetType,
				  :targetId, :clientIp, :outcome, :details, :previousHash, :entryHash)
				""")
			.param("seq", e.seq())
			.param("occurredAt", OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC))
			.param("userId", e.userId())
			.param("username", e.username())
			.param("organisationId", e.organisationId())
			.param("action", e.action())
			.param("targetType", e.targetType())
			.param("targetId", e.targetId())
			.param("clientIp", e.clientIp())
			.param("outcome", e.outcome().name())
			.param("details", e.details())
			.param("previousHash", e.previousHash())
			.param("entryHash", e.entryHash())
			.update();
	}

	/**
	 * Reads a slice of the chain in order.
	 * @param afterSeq read entries after this sequence number
	 * @param limit at most this many
	 * @return the entries
	 */
	List<AuditEntry> chainSlice(long afterSeq, int limit) {
		return this.jdbc.sql("select * from audit_entry where seq > :after order by seq limit :limit")
			.param("after", afterSeq)
			.param("limit", limit)
			.query(AuditRepository::map)
			.list();
	}

	/**
	 * Streams a window of the chain in order, through one binary COPY of the stored
	 * columns, as the bytes each entry's hash covers ({@link ChainCopy} assembles them).
	 * Should the walk stop early, the rest of the window is read and thrown away, which
	 * leaves the transaction usable (see {@link BinaryCopyRows}); the window bounds that
	 * cost.
	 * @param afterSeq stream entries after this sequence number
	 * @param window at most this many entries
	 * @param walk takes each entry; {@code false} stops the stream
	 * @return how many entries the window held (fewer than {@code window}: the chain's
	 * end)
	 */
	int streamChain(long afterSeq, int window, ChainRow walk) {
		Integer read = this.connections.execute((Connection connection) -> {
			ChainCopy row = new ChainCopy();
			int rows = 0;
			try (BinaryCopyRows copied = BinaryCopyRows.open(connection, ChainCopy.copy(afterSeq, window))) {
				boolean going = true;
				while (copied.next()) {
					rows++;
					if (going) {
						row.read(copied);
						going = row.feed(walk);
					}
				}
			}
			return rows;
		});
		return (read != null) ? read : 0;
	}

	/**
	 * Reads one entry as stored.
	 * @param seq its sequence number
	 * @return the entry, if stored
	 */
	@Nullable AuditEntry entryAt(long seq) {
		return this.jdbc.sql("select * from audit_entry where seq = :seq")
			.param("seq", seq)
			.query(AuditRepository::map)
			.optional()
			.orElse(null);
	}

	/**
	 * Finds entries matching a search, newest first.
	 * @param search the filters
	 * @param organisationIds restrict to these organisations, or {@code null} for all
	 * @param offset rows to skip
	 * @param limit at most this many
	 * @return the entries
	 */
	List<AuditEntry> find(AuditSearch search, @Nullable Collection<UUID> organisationIds, long offset, int limit) {
		Where where = where(search, organisationIds);
		var spec = this.jdbc
			.sql("select * from audit_entry" + where.sql + " order by seq desc offset :offset limit :limit");
		for (int i = 0; i < where.params.size(); i++) {
			spec = spec.param("p" + i, where.params.get(i));
		}
		return spec.param("offset", offset).param("limit", limit).query(AuditRepository::map).list();
	}

	long countMatching(AuditSearch search, @Nullable Collection<UUID> organisationIds) {
		Where where = where(search, organisationIds);
		var spec = this.jdbc.sql("select count(*) from audit_entry" + where.sql);
		for (int i = 0; i < where.params.size(); i++) {
			spec = spec.param("p" + i, where.params.get(i));
		}
		return spec.query(Long.class).single();
	}

	/**
	 * Deletes every entry before a horizon, in the current transaction, and anchors the
	 * chain on the last one deleted. The database itself refuses a horizon less than 3
	 * months ago.
	 * @param horizon entries before it are deleted
	 * @param now the purge's time
	 * @return how many entries were deleted
	 */
	long purgeBefore(Instant horizon, Instant now) {
		// The owner's function (the application's role cannot delete audit entries).
		return this.jdbc.sql("select itaku_audit_purge(:horizon, :now)")
			.param("horizon", OffsetDateTime.ofInstant(horizon, ZoneOffset.UTC))
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.query(Long.class)
			.single();
	}

	private static Where where(AuditSearch search, @Nullable Collection<UUID> organisationIds) {
		Where where = new Where();
		if (organisationIds != null) {
			where.add("organisation_id = any(?)", organisationIds.toArray(UUID[]::new));
		}
		if (search.from() != null) {
			where.add("occurred_at >= ?", OffsetDateTime.ofInstant(search.from(), ZoneOffset.UTC));
		}
		if (search.to() != null) {
			where.add("occurred_at < ?", OffsetDateTime.ofInstant(search.to(), ZoneOffset.UTC));
		}
		if (hasText(search.username())) {
			where.add("username = ?", search.username().trim().toLowerCase(Locale.ROOT));
		}
		if (hasText(search.action())) {
			where.add("action = ?", search.action().trim());
		}
		if (hasText(search.targetType())) {
			where.add("target_type = ?", search.targetType().trim());
		}
		if (hasText(search.targetId())) {
			where.add("target_id = ?", search.targetId().trim());
		}
		return where;
	}

	@Contract("null -> false")
	private static boolean hasText(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	private static AuditEntry map(ResultSet rs, int row) throws SQLException {
		// As an OffsetDateTime, not a Timestamp, whose calendar is Julian before 1582.
		Instant occurred = rs.getObject("occurred_at", OffsetDateTime.class).toInstant();
		return new AuditEntry(rs.getLong("seq"), occurred, rs.getObject("user_id", UUID.class),
				rs.getString("username"), rs.getObject("organisation_id", UUID.class), rs.getString("action"),
				rs.getString("target_type"), rs.getString("target_id"), rs.getString("client_ip"),
				AuditOutcome.valueOf(rs.getString("outcome")), rs.getString("details"), rs.getString("previous_hash"),
				rs.getString("entry_hash"));
	}

	/**
	 * Takes the stored chain one entry at a time.
	 */
	@FunctionalInterface
	interface ChainRow {

		/**
		 * Takes the next stored entry.
		 * @param seq its sequence number
		 * @param covered the bytes its hash covers, assembled from the stored columns, in
		 * its first {@code coveredLength} bytes (the array is reused for the next entry)
		 * @param coveredLength their length
		 * @param entryHash its stored hash, in ASCII, in its first {@code hashLength}
		 * bytes (the array is reused for the next entry)
		 * @param hashLength its length
		 * @param switchTarget the target of a switch entry ({@code AUDIT_CHAIN_KEYED}),
		 * or {@code null} for any other entry
		 * @return whether to go on
		 */
		boolean accept(long seq, byte[] covered, int coveredLength, byte[] entryHash, int hashLength,
				@Nullable String switchTarget);

	}

	/**
	 * The last entry of the chain.
	 *
	 * @param seq its sequence number
	 * @param hash its hash
	 */
	record ChainHead(long seq, String hash) {
	}

	/**
	 * Where the chain became keyed.
	 *
	 * @param seq the switch entry; the entries after it are keyed
	 * @param chainId the chain's id, naming its checkpoints
	 * @param keyId the chain key's Tink id
	 * @param fingerprint the chain key's fingerprint
	 * @param keyedAt when
	 */
	record ChainKeyRecord(long seq, UUID chainId, long keyId, String fingerprint, Instant keyedAt) {
	}

	/**
	 * A checkpoint as the database records it.
	 *
	 * @param seq the entry it saw last
	 * @param writtenAt when it was written
	 */
	record RecordedCheckpoint(long seq, Instant writtenAt) {
	}

	/** A WHERE clause with positional parameters renamed to {@code :p0, :p1…}. */
	private static final class Where {

		private final StringBuilder clauses = new StringBuilder();

		private final List<Object> params = new ArrayList<>();

		private String sql = "";

		void add(String clause, Object value) {
			this.clauses.append(this.clauses.isEmpty() ? " where " : " and ")
				.append(clause.replace("?", ":p" + this.params.size()));
			this.params.add(value);
			this.sql = this.clauses.toString();
		}

	}

}
