package jp.itaku.notice.web;

import java.util.Optional;

import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractPageSection;
import jp.itaku.platform.Actor;
import jp.itaku.platform.PageFragment;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The contract page's link to the contract's notices and reports.
 */
@Component
@Order(40)
class NoticeSection implements ContractPageSection {

	@Override
	public Optional<PageFragment> section(Actor actor, Contract contract) {
		return Optional.of(new PageFragment("notices/sections", "contractTool", contract.getId()));
	}

}
