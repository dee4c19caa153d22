package jp.itaku.account;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The counts of failed sign-ins, kept in PostgreSQL so that every node sees the same ones
 * (table {@code sign_in_failure}): per user name and source address, per source address,
 * and per account across every source. Each count is changed in one statement, so that
 * concurrent attempts on several nodes never lose a failure. User names are kept only as
 * hashes. Callers run inside a transaction.
 */
@Component
class SignInThrottle {

	/** Counts are for these sources at most; longer ones are cut (they are addresses). */
	private static final int MAX_SOURCE = 64;

	/**
	 * Stale rows removed per failure counted, so that the table never grows without end.
	 */
	private static final int SWEEP_LIMIT = 100;

	private static final Instant NEVER_RESET = Instant.EPOCH;

	private final JdbcClient jdbc;

	private final ThrottleProperties properties;

	SignInThrottle(JdbcClient jdbc, ThrottleProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/**
	 * Returns until when attempts for a user name from a source must wait, because of
	 * that pair's failures or the source's.
	 * @param username the normalised user name
	 * @param source the client's address
	 * @param now the current instant
	 * @return the end of the wait, or empty when an attempt may be made now
	 */
	Optional<Instant> waitUntil(String username, @Nullable String source, Instant now) {
		return this.jdbc.sql("""
				select max(wait_until) from sign_in_failure
				where wait_until > :now
				  and ((kind = 'ACCOUNT_SOURCE' and username_hash = :user and source = :source)
				    or (kind = 'SOURCE' and username_hash = '' and source = :source))
				""")
			.param("now", utc(now))
			.param("user", hash(username))
			.param("source", source(source))
			.query(OffsetDateTime.class)
			.optional()
			.map(OffsetDateTime::toInstant);
	}

	/**
	 * Counts a failed attempt for a user name from a source, and for the account when it
	 * exists and is not locked.
	 * @param username the normalised user name
	 * @param source the client's address
	 * @param countAccount whether the failure counts toward the account's lock
	 * @param now the current instant
	 * @return the account's failures since its last completed sign-in (or lock), 0 when
	 * not counted
	 */
	int recordFailure(String username, @Nullable String source, boolean countAccount, Instant now) {
		Instant windowStart = now.minus(this.properties.window());
		count("ACCOUNT_SOURCE", hash(username), source(source), now, windowStart, this.properties.freeAttempts());
		count("SOURCE", "", source(source), now, windowStart, this.properties.sourceFreeAttempts());
		int account = countAccount ? count("ACCOUNT", hash(username), "", now, NEVER_RESET, Integer.MAX_VALUE) : 0;
		sweep(now);
		return account;
	}

	/**
	 * Forgets the failures of a user name from a source and of the account, after a
	 * completed sign-in from there. The source's own count stays.
	 * @param username the normalised user name
	 * @param source the client's address
	 */
	void signedIn(String username, @Nullable String source) {
		this.jdbc.sql("""
				delete from sign_in_failure
				where (kind = 'ACCOUNT_SOURCE' and username_hash = :user and source = :source)
				   or (kind = 'ACCOUNT' and username_hash = :user)
				""").param("user", hash(username)).param("source", source(source)).update();
	}

	/**
	 * Starts the account's count afresh, when it has just been locked.
	 * @param username the normalised user name
	 */
	void accountLocked(String username) {
		this.jdbc.sql("delete from sign_in_failure where kind = 'ACCOUNT' and username_hash = :user")
			.param("user", hash(username))
			.update();
	}

	/**
	 * Forgets every failure of a user name, from every source, when an administrator
	 * unlocks the account.
	 * @param username the normalised user name
	 */
	void unlocked(String username) {
		this.jdbc
			.sql("delete from sign_in_failure where kind in ('ACCOUNT', 'ACCOUNT_SOURCE') and username_hash = :user")
			.param("user", hash(username))
			.update();
	}

	private int count(String kind, String user, String source, Instant now, Instant windowStart, int free) {
		int failures = this.jdbc.sql("""
				insert into sign_in_failure as f (kind, username_hash, source, failures, window_start, last_failure)
				values (:kind, :user, :source, 1, :now, :now)
				on conflict (kind, username_hash, source) do update set
				  failures = case when f.window_start <= :windowStart then 1 else f.failures + 1 end,
				  window_start = case when f.window_start <= :windowStart then :now else f.window_start end,
				  last_failure = :now
				returning failures
				""")
			.param("kind", kind)
			.param("user", user)
			.param("source", source)
			.param("now", utc(now))
			.param("windowStart", utc(windowStart))
			.query(Integer.class)
			.single();
		Duration delay = this.properties.delayAfter(failures, free);
		if (!delay.isZero()) {
			this.jdbc.sql("""
					update sign_in_failure set wait_until = greatest(coalesce(wait_until, :until), :until)
					where kind = :kind and username_hash = :user and source = :source
					""")
				.param("until", utc(now.plus(delay)))
				.param("kind", kind)
				.param("user", user)
				.param("source", source)
				.update();
		}
		return failures;
	}

	private void sweep(Instant now) {
		Duration keep = this.properties.window().compareTo(this.properties.maxDelay()) > 0 ? this.properties.window()
				: this.properties.maxDelay();
		this.jdbc.sql("""
				delete from sign_in_failure where ctid = any(array(
				  select ctid from sign_in_failure
				  where kind <> 'ACCOUNT' and last_failure < :stale and (wait_until is null or wait_until < :now)
				  limit :limit))
				""").param("stale", utc(now.minus(keep))).param("now", utc(now)).param("limit", SWEEP_LIMIT).update();
	}

	private static String hash(String username) {
		return Secrets.sha256(username);
	}

	private static String source(@Nullable String source) {
		String address = (source == null || source.isBlank()) ? "unknown" : source;
		return (address.length() > MAX_SOURCE) ? address.substring(0, MAX_SOURCE) : address;
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
