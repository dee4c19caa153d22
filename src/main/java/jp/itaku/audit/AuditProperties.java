package jp.itaku.audit;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retention, key and checkpoints of the audit trail.
 *
 * @param retention entries younger than this cannot be purged (at least 90 days: the
 * clauses require at least three months of logs)
 * @param keyFile the chain key, a Tink HMAC keyset; {@code null}:
 * {@code audit-chain.json} in the keys directory, beside the field-encryption keyset
 * @param checkpoint the checkpoints of the chain's head written outside the database
 */
@ConfigurationProperties("itaku.audit")
record AuditProperties(@DefaultValue("1826d") Duration retention, @Nullable Path keyFile,
		@DefaultValue Checkpoint checkpoint) {

	/** The shortest retention the clauses allow (Gunma 9: at least three months). */
	static final Duration MINIMUM = Duration.ofDays(92);

	AuditProperties {
		if (retention.compareTo(MINIMUM) < 0) {
			throw new IllegalArgumentException("itaku.audit.retention must be at least " + MINIMUM.toDays()
					+ " days (3 months), was " + retention);
		}
	}

	/**
	 * When checkpoints are written.
	 *
	 * @param enabled whether the scheduled checkpoint runs (on demand: always)
	 * @param interval how often the scheduled checkpoint runs (one node at a time;
	 * nothing is written when no entry was added since the last checkpoint)
	 * @param mailEvery a scheduled checkpoint is mailed to the security administrators
	 * when the last mailed one is older than this (one on demand: always)
	 */
	record Checkpoint(@DefaultValue("true") boolean enabled, @DefaultValue("1h") Duration interval,
			@DefaultValue("1d") Duration mailEvery) {

		Checkpoint {
			if (interval.compareTo(Duration.ofMinutes(1)) < 0) {
				throw new IllegalArgumentException(
						"itaku.audit.checkpoint.interval must be at least one minute, was " + interval);
			}
		}

	}

}
