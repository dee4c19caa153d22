package jp.itaku.audit;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One stored entry of the audit trail.
 *
 * @param seq the position in the chain
 * @param occurredAt when it happened (UTC)
 * @param userId the acting user, if known
 * @param username the acting user's name, or the name given in a failed sign-in
 * @param organisationId the acting user's organisation
 * @param action the action's code
 * @param targetType the target's type
 * @param targetId the target's id
 * @param clientIp the client's address
 * @param outcome how it ended
 * @param details details as JSON
 * @param previousHash the previous entry's hash
 * @param entryHash this entry's hash
 */
public record AuditEntry(long seq, Instant occurredAt, @Nullable UUID userId, @Nullable String username,
		@Nullable UUID organisationId, String action, @Nullable String targetType, @Nullable String targetId,
		@Nullable String clientIp, AuditOutcome outcome, String details, String previousHash,
		@Nullable String entryHash) {

	/**
	 * Returns the content the entry's hash covers, field by field in a fixed order.
	 * @return the canonical content
	 */
	String canonicalContent() {
		return String.join("\u001f", Long.toString(this.seq), AuditChain.formatInstant(this.occurredAt),
				text(this.userId), text(this.username), text(this.organisationId), this.action, text(this.targetType),
				text(this.targetId), text(this.clientIp), this.outcome.name(), this.details);
	}

	private static String text(@Nullable Object value) {
		return (value != null) ? value.toString() : "";
	}

}
