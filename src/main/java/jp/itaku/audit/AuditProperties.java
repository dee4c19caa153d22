package jp.itaku.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retention of the audit trail.
 *
 * @param retention entries younger than this cannot be purged (at least 90 days: the
 * clauses require at least three months of logs)
 */
@ConfigurationProperties("itaku.audit")
record AuditProperties(@DefaultValue("1826d") Duration retention) {

	/** The shortest retention the clauses allow (Gunma 9: at least three months). */
	static final Duration MINIMUM = Duration.ofDays(92);

	AuditProperties {
		if (retention.compareTo(MINIMUM) < 0) {
			throw new IllegalArgumentException("itaku.audit.retention must be at least " + MINIMUM.toDays()
					+ " days (3 months), was " + retention);
		}
	}

}
