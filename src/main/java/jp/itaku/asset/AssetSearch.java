package jp.itaku.asset;

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
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.SearchHit;
import jp.itaku.platform.SearchSource;
import jp.itaku.platform.SearchText;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Information assets in the global search, by description (as received or as corrected
 * since), among the assets the register shows the user: every asset of the contract for
 * its parties, and for an approved subcontractor those of its part, as
 * {@link AssetRegister#asset} decides for the asset's own page.
 */
@Component
class AssetSearch implements SearchSource {

	private final Contracts contracts;

	private final AssetRegister register;

	private final MessageSource messages;

	private final JdbcClient jdbc;

	AssetSearch(Contracts contracts, AssetRegister register, MessageSource messages, JdbcClient jdbc) {
		this.contracts = contracts;
		this.register = register;
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
				select distinct on (e.asset_id) e.asset_id, e.contract_id, e.description, e.kind,
				       c.number || ' ' || c.title as contract, c.period_start
				from asset_event e join contract c on c.id = e.contract_id
				where %s and %s
				order by e.asset_id, e.recorded_at desc limit :limit
				""".formatted(scope.condition(), SearchText.matches("e.description")))
			.params(parameters)
			.query((rs, n) -> new Row(rs.getObject("asset_id", UUID.class), rs.getObject("contract_id", UUID.class),
					rs.getString("description"), rs.getString("kind"), rs.getString("contract")))
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
			if (part.isEmpty() || (!part.get().whole() && !inPart(actor, row.assetId()))) {
				continue;
			}
			hits.add(new SearchHit(SearchHit.Kind.ASSET, row.description(),
					this.messages.getMessage("asset.kind." + row.kind(), null, locale), row.contract(),
					"/contracts/" + row.contractId() + "/assets#asset-" + row.assetId()));
		}
		return hits;
	}

	private boolean inPart(Actor actor, UUID assetId) {
		try {
			this.register.asset(actor, assetId);
			return true;
		}
		catch (NotFoundProblem ex) {
			return false;
		}
	}

	private record Row(UUID assetId, UUID contractId, String description, String kind, String contract) {
	}

}
