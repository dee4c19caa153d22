package jp.itaku.platform.crypto;

import jp.itaku.platform.database.TransactionLocks;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The database's side of the field-encryption keys: the keys recorded by fingerprint
 * (table {@code field_encryption_key}) and what the encrypted columns hold.
 */
@Repository
class KeyRecords {

	/** Tink's prefix byte of a ciphertext made with a key of output prefix TINK. */
	private static final int TINK_PREFIX = 0x01;

	private final JdbcClient jdbc;

	private final TransactionLocks locks;

	KeyRecords(JdbcClient jdbc, TransactionLocks locks) {
		this.jdbc = jdbc;
		this.locks = locks;
	}

	/**
	 * Takes the keys lock for the rest of the current transaction.
	 */
	void lock() {
		this.locks.lock(TransactionLocks.FIELD_KEYS);
	}

	/**
	 * Returns the recorded keys that are not retired, the current primary last.
	 * @return the keys
	 */
	List<RecordedKey> inUse() {
		return this.jdbc.sql("""
				select fingerprint, key_id, recorded_at, primary_from from field_encryption_key
				where retired_at is null order by primary_from nulls first, recorded_at
				""")
			.query((rs, n) -> new RecordedKey(rs.getString(1), rs.getLong(2),
					rs.getObject(3, OffsetDateTime.class).toInstant(),
					(rs.getObject(4, OffsetDateTime.class) != null) ? rs.getObject(4, OffsetDateTime.class).toInstant()
							: null))
			.list();
	}

	void record(String fingerprint, long keyId, Instant now, boolean primary) {
		this.jdbc.sql("""
				insert into field_encryption_key (fingerprint, key_id, recorded_at, primary_from)
				values (:fingerprint, :keyId, :now, :primaryFrom)
				""")
			.param("fingerprint", fingerprint)
			.param("keyId", keyId)
			.param("now", utc(now))
			.param("primaryFrom", primary ? utc(now) : null)
			.update();
	}

	void makePrimary(String fingerprint, Instant now) {
		this.jdbc.sql("update field_encryption_key set primary_from = :now where fingerprint = :fingerprint")
			.param("fingerprint", fingerprint)
			.param("now", utc(now))
			.update();
	}

	void retire(String fingerprint, Instant now) {
		this.jdbc.sql("update field_encryption_key set retired_at = :now where fingerprint = :fingerprint")
			.param("fingerprint", fingerprint)
			.param("now", utc(now))
			.update();
	}

	/**
	 * Tells whether any encrypted column holds a value.
	 * @param columns the encrypted columns
	 * @return whether the database holds encrypted data
	 */
	boolean holdsEncryptedData(List<EncryptedColumn> columns) {
		for (EncryptedColumn column : columns) {
			Boolean any = this.jdbc
				.sql("select exists (select 1 from " + column.table() + " where " + column.column() + " is not null)")
				.query(Boolean.class)
				.single();
			if (Boolean.TRUE.equals(any)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Counts the stored ciphertexts by the key that made them (the key id in their first
	 * five bytes), over every encrypted column.
	 * @param columns the encrypted columns
	 * @return per key id, how many values; key id -1 for values without Tink's prefix
	 */
	Map<Long, Long> usage(List<EncryptedColumn> columns) {
		Map<Long, Long> usage = new TreeMap<>();
		for (EncryptedColumn column : columns) {
			this.jdbc
				.sql("select encode(substring(decode(" + column.column()
						+ ", 'base64') from 1 for 5), 'hex') as prefix, count(*) from " + column.table() + " where "
						+ column.column() + " is not null group by 1")
				.query((rs, n) -> Map.entry(keyIdOf(rs.getString(1)), rs.getLong(2)))
				.list()
				.forEach((entry) -> usage.merge(entry.getKey(), entry.getValue(), Long::sum));
		}
		return usage;
	}

	/**
	 * Reads a batch of one column's values in id order.
	 * @param column the column
	 * @param afterId read rows after this id, {@code null} from the first
	 * @param limit at most this many
	 * @return the rows
	 */
	List<StoredValue> batch(EncryptedColumn column, @Nullable Object afterId, int limit) {
		String sql = "select " + column.idColumn() + ", " + column.column() + " from " + column.table() + " where "
				+ column.column() + " is not null"
				+ ((afterId != null) ? " and " + column.idColumn() + " > :after" : "") + " order by "
				+ column.idColumn() + " limit :limit";
		var spec = this.jdbc.sql(sql).param("limit", limit);
		if (afterId != null) {
			spec = spec.param("after", afterId);
		}
		return spec.query((rs, n) -> new StoredValue(rs.getObject(1), rs.getString(2))).list();
	}

	/**
	 * Replaces one value, unless it changed since it was read.
	 * @param column the column
	 * @param value the value as read
	 * @param ciphertext the new ciphertext
	 * @return whether it was replaced
	 */
	boolean replace(EncryptedColumn column, StoredValue value, String ciphertext) {
		return this.jdbc
			.sql("update " + column.table() + " set " + column.column() + " = :ciphertext where " + column.idColumn()
					+ " = :id and " + column.column() + " = :old")
			.param("ciphertext", ciphertext)
			.param("id", value.id())
			.param("old", value.ciphertext())
			.update() == 1;
	}

	static long keyIdOf(String prefixHex) {
		if (prefixHex == null || prefixHex.length() != 10) {
			return -1;
		}
		byte[] prefix = HexFormat.of().parseHex(prefixHex);
		if ((prefix[0] & 0xff) != TINK_PREFIX) {
			return -1;
		}
		return ((prefix[1] & 0xffL) << 24) | ((prefix[2] & 0xffL) << 16) | ((prefix[3] & 0xffL) << 8)
				| (prefix[4] & 0xffL);
	}

	private static @Nullable OffsetDateTime utc(Instant instant) {
		return (instant != null) ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : null;
	}

	/**
	 * A key the database records.
	 *
	 * @param fingerprint its fingerprint
	 * @param keyId its Tink key id
	 * @param recordedAt when a node first used it
	 * @param primaryFrom when it became the primary key, {@code null} if it never was
	 */
	record RecordedKey(String fingerprint, long keyId, Instant recordedAt, @Nullable Instant primaryFrom) {
	}

	/**
	 * One stored ciphertext.
	 *
	 * @param id the row's id
	 * @param ciphertext the Base64 ciphertext
	 */
	record StoredValue(Object id, String ciphertext) {
	}

}
