package jp.itaku.contract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.itaku.platform.Actor;
import jp.itaku.platform.SearchHit;
import jp.itaku.platform.SearchSource;
import jp.itaku.platform.SearchText;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contracts in the global search: by number, title and the client's department, among the
 * contracts whose page the user may open ({@link Contracts#scope}: a client its own, a
 * contractor its own and those it works on as an approved subcontractor).
 */
@Component
class ContractSearch implements SearchSource {

	private final Contracts contracts;

	private final JdbcClient jdbc;

	ContractSearch(Contracts contracts, JdbcClient jdbc) {
		this.contracts = contracts;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<SearchHit> find(Actor actor, SearchText text, int limit) {
		ContractScope scope = this.contracts.scope(actor);
		Map<String, Object> parameters = new HashMap<>(scope.parameters());
		parameters.put("searchPattern", text.pattern());
		parameters.put("limit", limit);
		return this.jdbc
			.sql("""
					select c.id, c.number, c.title, c.client_department from contract c
					where %s and %s
					order by c.period_start desc, c.number limit :limit
					""".formatted(scope.condition(),
					SearchText.matches("c.number || ' ' || c.title || ' ' || coalesce(c.client_department, '')")))
			.params(parameters)
			.query((rs, n) -> new SearchHit(SearchHit.Kind.CONTRACT,
					rs.getString("number") + " " + rs.getString("title"), rs.getString("client_department"), null,
					"/contracts/" + rs.getObject("id", UUID.class)))
			.list();
	}

}
