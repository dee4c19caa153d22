package jp.itaku.clientid.web;

import java.util.Optional;

import jp.itaku.clientid.ClientIds;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractPageSection;
import jp.itaku.platform.Actor;
import jp.itaku.platform.PageFragment;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The contract page's link to the client-issued IDs, with the number of open findings,
 * for contracts whose clauses deal with IDs (or that have IDs on record).
 */
@Component
@Order(10)
class ClientIdSection implements ContractPageSection {

	private final ClientIds ids;

	ClientIdSection(ClientIds ids) {
		this.ids = ids;
	}

	@Override
	public Optional<PageFragment> section(Actor actor, Contract contract) {
		ClientIds.Summary summary = this.ids.summary(actor, contract.getId());
		if (!summary.applies() && summary.activeIds() == 0) {
			return Optional.empty();
		}
		return Optional.of(new PageFragment("clientids/sections", "contractTool", summary));
	}

}
