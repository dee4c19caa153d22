package jp.itaku.janitor;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the janitor ({@code itaku.janitor.*}). When it runs is
 * {@code itaku.janitor.cron} (Asia/Tokyo, default 03:45; {@code -} turns it off).
 *
 * @param temporaryAge a partial upload (a temporary file of a write that never finished)
 * is removed once it is older than this
 * @param spoolAge a spool copy of a log batch the database does not know is removed once
 * it is older than this (copies of decided batches are removed at once)
 * @param orphanAge a stored document that no record refers to is removed once it is older
 * than this
 */
@ConfigurationProperties("itaku.janitor")
record JanitorProperties(@DefaultValue("PT1H") Duration temporaryAge, @DefaultValue("P1D") Duration spoolAge,
		@DefaultValue("P1D") Duration orphanAge, @DefaultValue("P7D") Duration eventPublicationAge) {

	JanitorProperties {
		if (temporaryAge.isNegative() || spoolAge.isNegative() || orphanAge.isNegative()
				|| eventPublicationAge.isNegative()) {
			throw new IllegalArgumentException("itaku.janitor.*-age must not be negative");
		}
	}

}
