package jp.itaku.account;

import java.util.List;
import java.util.Objects;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.platform.Actor;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends a user's access on every node at once when their rights change (Setagaya 15,
 * Kadoma 4: only whom the client authorises, with the rights it gives): their web
 * sessions, found in the database by their user name, are deleted, their API tokens
 * revoked, and {@link AccountEvents.AccessRevoked} tells the other modules to revoke what
 * they issued (calendar feeds). A session deleted here is gone for every node: the next
 * request with its cookie is sent to the sign-in page, an API call with a revoked token
 * gets 401. Audited as {@code USER_ACCESS_REVOKED} with the counts.
 * <p>
 * The sessions are read and deleted in Spring Session's tables ({@code spring_session},
 * {@code V50__http_sessions.sql}) by their principal-name index, as its
 * {@code JdbcIndexedSessionRepository} does, but with the caller's connection: so the
 * deletion is part of the transaction that changed the rights, and it works where no web
 * sessions are served (an operator command runs without a web server).
 */
@Service
public class UserSessions {

	private final JdbcClient jdbc;

	private final ApiTokens apiTokens;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	UserSessions(JdbcClient jdbc, ApiTokens apiTokens, ApplicationEventPublisher events, AuditTrail audit) {
		this.jdbc = jdbc;
		this.apiTokens = apiTokens;
		this.events = events;
		this.audit = audit;
	}

	/**
	 * Ends every session of a user, except one, and revokes all their tokens, in the
	 * caller's transaction.
	 * @param actor who does it ({@code null} for an operator command)
	 * @param user the user
	 * @param reason why (see {@link AccountEvents.AccessRevoked#reason()})
	 * @param keptSessionId the session to keep (the one that changed its own password),
	 * or {@code null} to end all
	 * @return how many sessions ended and tokens were revoked
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Revoked revoke(Actor actor, UserAccount user, String reason, @Nullable String keptSessionId) {
		List<String> found = sessionIds(user);
		int ended = 0;
		for (String id : found) {
			if (!Objects.equals(id, keptSessionId)) {
				ended += this.jdbc.sql("delete from spring_session where session_id = :id").param("id", id).update();
			}
		}
		int tokens = this.apiTokens.revokeAllOf(actor, user.getId(), reason);
		this.events.publishEvent(new AccountEvents.AccessRevoked(actor, user.getId(), reason));
		this.audit.record(AuditRecord.of("USER_ACCESS_REVOKED")
			.actor(actor)
			.target("UserAccount", user.getId())
			.detail("reason", reason)
			.detail("sessionsEnded", ended)
			.detail("apiTokensRevoked", tokens)
			.detail("currentSessionKept", keptSessionId != null && found.contains(keptSessionId)));
		return new Revoked(ended, tokens);
	}

	/**
	 * Counts a user's open sessions, on every node.
	 * @param user the user
	 * @return the number of sessions not expired
	 */
	public int count(UserAccount user) {
		return sessionIds(user).size();
	}

	/** The ids of the user's sessions not expired (Spring Session keeps times in ms). */
	private List<String> sessionIds(UserAccount user) {
		return this.jdbc
			.sql("select trim(session_id) from spring_session where principal_name = :name"
					+ " and expiry_time > (extract(epoch from clock_timestamp()) * 1000)::bigint")
			.param("name", user.getUsername())
			.query(String.class)
			.list();
	}

	/**
	 * What a revocation ended.
	 *
	 * @param sessions the sessions ended
	 * @param apiTokens the API tokens revoked
	 */
	public record Revoked(int sessions, int apiTokens) {
	}

}
