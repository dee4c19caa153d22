package jp.itaku.plan.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractRoles;
import jp.itaku.plan.ImplementationPlans;
import jp.itaku.platform.Actor;
import jp.itaku.platform.web.InboxItem;
import jp.itaku.platform.web.InboxSource;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The inbox's implementation plans: for the contractor's lead, each open contract with
 * periodic duties still unplanned, due since the contract's start (the plan was needed
 * from then on).
 */
@Component
@Order(15)
class PlanInbox implements InboxSource {

	private final ImplementationPlans plans;

	private final MessageSource messages;

	PlanInbox(ImplementationPlans plans, MessageSource messages) {
		this.plans = plans;
		this.messages = messages;
	}

	@Override
	public List<InboxItem> itemsFor(Actor actor) {
		Locale locale = LocaleContextHolder.getLocale();
		List<InboxItem> items = new ArrayList<>();
		for (ImplementationPlans.Status status : this.plans.unplannedFor(actor)) {
			Contract contract = status.contract();
			items.add(new InboxItem(InboxItem.Kind.SUBMIT,
					this.messages.getMessage("plan.inbox", new Object[] { status.unplanned() }, locale),
					contract.getNumber() + " " + contract.getTitle(), contract.getPeriodStart(),
					"/contracts/" + contract.getId() + "/plans"));
		}
		return items;
	}

	/**
	 * Only a contractor's lead plans: anyone else has nothing here, without reading the
	 * contracts; a lead's own contracts are listed and counted.
	 */
	@Override
	public int countFor(Actor actor) {
		return ContractRoles.CONTRACTOR_LEADS.contains(actor.role()) ? itemsFor(actor).size() : 0;
	}

}
