package jp.itaku.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Filters of the audit trail list; {@code null} or blank means "any".
 *
 * @param from entries at or after this instant
 * @param to entries before this instant
 * @param username the acting user's name
 * @param action the action's code
 * @param targetType the target's type
 * @param targetId the target's id
 */
public record AuditSearch(@Nullable Instant from, @Nullable Instant to, @Nullable String username,
		@Nullable String action, @Nullable String targetType, @Nullable String targetId) {

	/** A search with no filters. */
	public static final AuditSearch ALL = new AuditSearch(null, null, null, null, null, null);

}
