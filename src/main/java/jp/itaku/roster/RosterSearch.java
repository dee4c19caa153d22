package jp.itaku.roster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
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
 * Workers on rosters in the global search, by name (stored in clear; the nationality,
 * encrypted at rest, is never searched), among the members the roster pages show the user
 * ({@link Rosters#members}: the client and the contractor see the whole roster, an
 * approved subcontractor its own workers and those below it). A search that shows members
 * is recorded as a view of their personal data ({@code ROSTER_SEARCH_VIEWED}, with what
 * was searched for and whom it showed).
 */
@Component
class RosterSearch implements SearchSource {

	private final Contracts contracts;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final MessageSource messages;

	RosterSearch(Contracts contracts, AuditTrail audit, JdbcClient jdbc, MessageSource messages) {
		this.contracts = contracts;
		this.audit = audit;
		this.jdbc = jdbc;
		this.messages = messages;
	}

	@Override
	@Transactional
	public List<SearchHit> find(Actor actor, SearchText text, int limit) {
		ContractScope scope = this.contracts.scope(actor);
		Map<String, Object> parameters = new HashMap<>(scope.parameters());
		parameters.put("searchPattern", text.pattern());
		parameters.put("limit", limit * 4);
		List<Row> rows = this.jdbc.sql("""
				select m.id, m.contract_id, m.organisation_id, m.name, m.status, c.number || ' ' || c.title as contract
				from roster_member m join contract c on c.id = m.contract_id
				where %s and %s
				order by c.period_start desc, c.number, m.name limit :limit
				""".formatted(scope.condition(), SearchText.matches("m.name")))
			.params(parameters)
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getObject("contract_id", UUID.class),
					rs.getObject("organisation_id", UUID.class), rs.getString("name"), rs.getString("status"),
					rs.getString("contract")))
			.list();
		Map<UUID, Optional<ContractPart>> parts = new HashMap<>();
		List<SearchHit> hits = new ArrayList<>();
		List<UUID> shown = new ArrayList<>();
		for (Row row : rows) {
			if (hits.size() >= limit) {
				break;
			}
			Optional<ContractPart> part = parts.computeIfAbsent(row.contractId(),
					(id) -> this.contracts.findPart(actor, id));
			if (part.isEmpty() || !part.get().sees(row.organisationId())) {
				continue;
			}
			hits.add(new SearchHit(SearchHit.Kind.ROSTER_MEMBER, row.name(),
					this.messages.getMessage("roster.status." + row.status(), null, LocaleContextHolder.getLocale()),
					row.contract(), "/contracts/" + row.contractId() + "/roster"));
			shown.add(row.id());
		}
		if (!shown.isEmpty()) {
			this.audit.record(AuditRecord.of("ROSTER_SEARCH_VIEWED")
				.actor(actor)
				.detail("query", text.query())
				.detail("found", shown.size())
				.detail("members", shown.stream().map(UUID::toString).collect(Collectors.joining(","))));
		}
		return hits;
	}

	private record Row(UUID id, UUID contractId, UUID organisationId, String name, String status, String contract) {
	}

}
