package jp.itaku.logevidence;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One line of a log as the checks read it.
 *
 * @param occurredAt when it happened
 * @param user the ID that acted (a client-issued ID when the contract has them)
 * @param action what was done
 * @param target on what (may be {@code null})
 * @param result the outcome (may be {@code null})
 * @param address the client's address (may be {@code null})
 * @param fields the free fields the source maps, as a JSON object (may be {@code null})
 */
record LogLine(Instant occurredAt, String user, String action, @Nullable String target, @Nullable String result,
		@Nullable String address, @Nullable String fields) {

}
