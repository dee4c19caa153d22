package jp.itaku.approval.web;

import java.util.Optional;

import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractPageSection;
import jp.itaku.platform.Actor;
import jp.itaku.platform.PageFragment;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The contract page's link to the prior approvals register.
 */
@Component
@Order(45)
class ApprovalSection implements ContractPageSection {

	@Override
	public Optional<PageFragment> section(Actor actor, Contract contract) {
		return Optional.of(new PageFragment("approvals/sections", "contractTool", contract.getId()));
	}

}
