package jp.itaku.platform.database;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL advisory locks held until the current transaction ends: how work that must
 * run one at a time across every node (numbering a contract's records, appending to the
 * audit chain, storing a catalog version) serialises, without a table lock and without a
 * lock to release. The one place that writes the {@code pg_advisory_xact_lock} SQL.
 * <p>
 * Every method must run inside a transaction; outside one the lock would end with the
 * statement.
 */
@Component
public class TransactionLocks {

	/** Appending to the audit chain (one head, one writer at a time). */
	public static final long AUDIT_APPEND = 0x17A4_0001L;

	/** Storing a clause profile version (two nodes starting at once). */
	public static final long CATALOG_STORE = 0x17A4_0002L;

	/**
	 * Changing the recorded field-encryption keys. Until this class held the numbers, it
	 * shared {@link #CATALOG_STORE}'s.
	 */
	public static final long FIELD_KEYS = 0x17A4_0003L;

	private final JdbcClient jdbc;

	TransactionLocks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Waits for and takes the exclusive lock with a fixed number.
	 * @param key the lock's number, a constant of the module that uses it
	 */
	public void lock(long key) {
		this.jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", key).query((rs, n) -> 1).list();
	}

	/**
	 * Waits for and takes the exclusive lock named by a text, e.g.
	 * {@code incident:<contract id>} for numbering one contract's incidents.
	 * @param name the lock's name
	 */
	public void lock(String name) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))").param("key", name).query((rs, n) -> 1).list();
	}

	/**
	 * Waits for and takes a shared lock in a space of two-part keys: many holders at
	 * once, none while the exclusive one is held.
	 * @param space the first part of the key
	 * @param lock the second part of the key
	 */
	public void lockShared(int space, int lock) {
		this.jdbc.sql("select pg_advisory_xact_lock_shared(:space, :lock)")
			.param("space", space)
			.param("lock", lock)
			.query((rs, n) -> 1)
			.list();
	}

	/**
	 * Takes the exclusive lock of a two-part key if nobody holds it, shared or exclusive.
	 * @param space the first part of the key
	 * @param lock the second part of the key
	 * @return whether the lock was taken
	 */
	public boolean tryLock(int space, int lock) {
		return this.jdbc.sql("select pg_try_advisory_xact_lock(:space, :lock)")
			.param("space", space)
			.param("lock", lock)
			.query(Boolean.class)
			.single();
	}

}
