package jp.itaku.obligation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jp.itaku.contract.ContractScope;
import jp.itaku.contract.Contracts;
import jp.itaku.platform.Actor;
import jp.itaku.platform.SearchHit;
import jp.itaku.platform.SearchSource;
import jp.itaku.platform.SearchText;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Obligations in the global search: by what is owed (in both languages) and the clause,
 * among the obligations of the contracts the user is a party to, as the obligation pages
 * admit them ({@link Contracts#partyScope}: an approved subcontractor does not see the
 * contractor's obligations). Each is named with its period.
 */
@Component
class ObligationSearch implements SearchSource {

	private final Contracts contracts;

	private final ObligationRepository obligations;

	private final MessageSource messages;

	private final JdbcClient jdbc;

	ObligationSearch(Contracts contracts, ObligationRepository obligations, MessageSource messages, JdbcClient jdbc) {
		this.contracts = contracts;
		this.obligations = obligations;
		this.messages = messages;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<SearchHit> find(Actor actor, SearchText text, int limit) {
		ContractScope scope = this.contracts.partyScope(actor);
		Map<String, Object> parameters = new HashMap<>(scope.parameters());
		parameters.put("searchPattern", text.pattern());
		parameters.put("limit", limit);
		Map<UUID, String> contractOf = new LinkedHashMap<>();
		this.jdbc
			.sql("""
					select o.id, c.number || ' ' || c.title as contract from obligation o join contract c on c.id = o.contract_id
					where %s and %s
					order by o.due_date nulls last, c.number, o.clause_ref limit :limit
					"""
				.formatted(scope.condition(),
						SearchText.matches("o.summary || ' ' || coalesce(o.summary_en, '') || ' ' || o.clause_ref")))
			.params(parameters)
			.query((rs, n) -> contractOf.put(rs.getObject("id", UUID.class), rs.getString("contract")))
			.list();
		Map<UUID, Obligation> byId = new HashMap<>();
		this.obligations.findAllById(contractOf.keySet()).forEach((o) -> byId.put(o.getId(), o));
		Locale locale = LocaleContextHolder.getLocale();
		boolean english = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
		List<SearchHit> hits = new ArrayList<>();
		for (Map.Entry<UUID, String> found : contractOf.entrySet()) {
			Obligation o = byId.get(found.getKey());
			if (o == null) {
				continue;
			}
			String summary = (english && o.getSummaryEn() != null) ? o.getSummaryEn() : o.getSummary();
			String period = this.messages.getMessage("obligation.periodKey." + o.getPeriodKind(),
					o.getPeriodArguments(), locale);
			hits.add(new SearchHit(SearchHit.Kind.OBLIGATION, summary, o.getClauseRef() + " / " + period,
					found.getValue(), "/obligations/" + o.getId()));
		}
		return hits;
	}

}
