package jp.itaku.worksite.web;

import java.util.Optional;

import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractPageSection;
import jp.itaku.platform.Actor;
import jp.itaku.platform.PageFragment;
import jp.itaku.worksite.EntryLog;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The contract page's links to the work schedules and the entry log, with the number of
 * entries the log flagged.
 */
@Component
@Order(30)
class WorksiteSection implements ContractPageSection {

	private final EntryLog entryLog;

	WorksiteSection(EntryLog entryLog) {
		this.entryLog = entryLog;
	}

	@Override
	public Optional<PageFragment> section(Actor actor, Contract contract) {
		return Optional
			.of(new PageFragment("worksite/sections", "contractTool", this.entryLog.flaggedCount(actor, contract)));
	}

}
