package jp.itaku.plan.web;

import java.util.Optional;

import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractPageSection;
import jp.itaku.plan.ImplementationPlans;
import jp.itaku.platform.Actor;
import jp.itaku.platform.PageFragment;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The contract page's link to the implementation plans, marked 実施計画なし with the number of
 * periodic duties still unplanned, so that no duty stays silently without dates. Shown
 * only on a contract whose clauses have such duties.
 */
@Component
@Order(15)
class PlanSection implements ContractPageSection {

	private final ImplementationPlans plans;

	PlanSection(ImplementationPlans plans) {
		this.plans = plans;
	}

	@Override
	public Optional<PageFragment> section(Actor actor, Contract contract) {
		ImplementationPlans.Status status = this.plans.status(actor, contract);
		if (status.duties() == 0) {
			return Optional.empty();
		}
		return Optional.of(new PageFragment("plan/sections", "contractTool", status));
	}

}
