package jp.itaku.account;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.platform.Actor;
import jp.itaku.platform.DataScope;
import jp.itaku.platform.SearchHit;
import jp.itaku.platform.SearchSource;
import jp.itaku.platform.SearchText;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users in the global search, by user ID and name (never by e-mail address), among the
 * users the directory shows the user ({@link UserAccounts#list}: those of the
 * organisations the user may see). A search that shows users is recorded as a view of
 * their personal data ({@code USER_SEARCH_VIEWED}, with what was searched for and whom it
 * showed).
 */
@Component
class UserSearch implements SearchSource {

	private final DataScope scope;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	UserSearch(DataScope scope, AuditTrail audit, JdbcClient jdbc) {
		this.scope = scope;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public List<SearchHit> find(Actor actor, SearchText text, int limit) {
		boolean everyone = this.scope.isUnrestricted(actor);
		UUID[] visible = everyone ? new UUID[0] : this.scope.visibleOrganisationIds(actor).toArray(UUID[]::new);
		List<Found> found = this.jdbc.sql("""
				select u.id, u.username, u.display_name from user_account u
				where (:everyone or u.organisation_id = any(:visible)) and %s
				order by u.username limit :limit
				""".formatted(SearchText.matches("u.username || ' ' || u.display_name")))
			.param("everyone", everyone)
			.param("visible", visible)
			.param("searchPattern", text.pattern())
			.param("limit", limit)
			.query((rs, n) -> new Found(rs.getObject("id", UUID.class), rs.getString("username"),
					rs.getString("display_name")))
			.list();
		if (!found.isEmpty()) {
			this.audit.record(AuditRecord.of("USER_SEARCH_VIEWED")
				.actor(actor)
				.detail("query", text.query())
				.detail("found", found.size())
				.detail("users", found.stream().map((f) -> f.id().toString()).collect(Collectors.joining(","))));
		}
		return found.stream()
			.map((f) -> new SearchHit(SearchHit.Kind.USER, f.displayName(), f.username(), null, "/users/" + f.id()))
			.toList();
	}

	private record Found(UUID id, String username, String displayName) {
	}

}
