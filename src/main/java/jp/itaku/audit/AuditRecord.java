package jp.itaku.audit;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jp.itaku.platform.Actor;

import org.jspecify.annotations.Nullable;

/**
 * What a module hands the audit trail: the action, its target, its outcome and details.
 * The acting user is taken from the request unless given explicitly (sign-in attempts,
 * commands).
 */
public final class AuditRecord {

	private final String action;

	private @Nullable String targetType;

	private @Nullable String targetId;

	private AuditOutcome outcome = AuditOutcome.SUCCESS;

	private final Map<String, Object> details = new TreeMap<>();

	private @Nullable Actor actor;

	private @Nullable String attemptedUsername;

	private AuditRecord(String action) {
		this.action = action;
	}

	/**
	 * Starts a record of a successful action.
	 * @param action the action's code, e.g. {@code USER_CREATED}
	 * @return the record
	 */
	public static AuditRecord of(String action) {
		return new AuditRecord(action);
	}

	/**
	 * Names the record the action was performed on.
	 * @param type the target's type, e.g. {@code UserAccount}
	 * @param id the target's id
	 * @return this record
	 */
	public AuditRecord target(String type, Object id) {
		this.targetType = type;
		this.targetId = (id != null) ? id.toString() : null;
		return this;
	}

	/**
	 * Sets the outcome.
	 * @param outcome how the action ended
	 * @return this record
	 */
	public AuditRecord outcome(AuditOutcome outcome) {
		this.outcome = outcome;
		return this;
	}

	/**
	 * Adds a detail; never pass secrets or the content of sensitive personal data, only
	 * which record was viewed and why.
	 * @param key the detail's name
	 * @param value its value
	 * @return this record
	 */
	public AuditRecord detail(String key, @Nullable Object value) {
		this.details.put(key, (value instanceof UUID) ? value.toString() : value);
		return this;
	}

	/**
	 * Sets the acting user explicitly, for actions outside a signed-in request.
	 * @param actor the actor
	 * @return this record
	 */
	public AuditRecord actor(@Nullable Actor actor) {
		this.actor = actor;
		return this;
	}

	/**
	 * Records the user name given in a sign-in attempt that identified nobody for
	 * certain.
	 * @param username the name as typed, truncated to 64 characters
	 * @return this record
	 */
	public AuditRecord attemptedUsername(@Nullable String username) {
		this.attemptedUsername = (username == null) ? null
				: username.substring(0, Math.min(64, username.length())).toLowerCase(Locale.ROOT);
		return this;
	}

	String action() {
		return this.action;
	}

	@Nullable String targetType() {
		return this.targetType;
	}

	@Nullable String targetId() {
		return this.targetId;
	}

	AuditOutcome outcome() {
		return this.outcome;
	}

	Map<String, Object> details() {
		return this.details;
	}

	@Nullable Actor actor() {
		return this.actor;
	}

	@Nullable String attemptedUsername() {
		return this.attemptedUsername;
	}

}
