package jp.itaku.incident;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jp.itaku.contract.ContractPart;
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
 * Incidents in the global search, by where and what happened, among the incidents the
 * incident pages show the user ({@link Incidents#list}: the parties see every incident of
 * the contract, an approved subcontractor those its part reported). A result names the
 * incident by its number, kind and place, never by its description.
 */
@Component
class IncidentSearch implements SearchSource {

	private final Contracts contracts;

	private final MessageSource messages;

	private final JdbcClient jdbc;

	IncidentSearch(Contracts contracts, MessageSource messages, JdbcClient jdbc) {
		this.contracts = contracts;
		this.messages = messages;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<SearchHit> find(Actor actor, SearchText text, int limit) {
		ContractScope scope = this.contracts.scope(actor);
		Map<String, Object> parameters = new HashMap<>(scope.parameters());
		parameters.put("searchPattern", text.pattern());
		parameters.put("limit", limit * 4);
		List<Row> rows = this.jdbc.sql("""
				select i.id, i.contract_id, i.reporter_organisation_id, i.seq, i.category, i.status, i.location,
				       c.number || ' ' || c.title as contract
				from incident i join contract c on c.id = i.contract_id
				where %s and %s
				order by i.reported_at desc limit :limit
				""".formatted(scope.condition(), SearchText.matches("i.location || ' ' || i.description")))
			.params(parameters)
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getObject("contract_id", UUID.class),
					rs.getObject("reporter_organisation_id", UUID.class), rs.getInt("seq"), rs.getString("category"),
					rs.getString("status"), rs.getString("location"), rs.getString("contract")))
			.list();
		Locale locale = LocaleContextHolder.getLocale();
		Map<UUID, Optional<ContractPart>> parts = new HashMap<>();
		List<SearchHit> hits = new ArrayList<>();
		for (Row row : rows) {
			if (hits.size() >= limit) {
				break;
			}
			Optional<ContractPart> part = parts.computeIfAbsent(row.contractId(),
					(id) -> this.contracts.findPart(actor, id));
			if (part.isEmpty() || !part.get().sees(row.reporterOrganisationId())) {
				continue;
			}
			String title = "INC-" + row.seq() + " "
					+ this.messages.getMessage("incident.category." + row.category(), null, locale);
			String detail = row.location() + " / "
					+ this.messages.getMessage("incident.status." + row.status(), null, locale);
			hits.add(new SearchHit(SearchHit.Kind.INCIDENT, title, detail, row.contract(), "/incidents/" + row.id()));
		}
		return hits;
	}

	private record Row(UUID id, UUID contractId, UUID reporterOrganisationId, int seq, String category, String status,
			String location, String contract) {
	}

}
