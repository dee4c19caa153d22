package jp.itaku.approval.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jp.itaku.approval.Approval;
import jp.itaku.approval.Approvals;
import jp.itaku.contract.ContractRoles;
import jp.itaku.platform.Actor;
import jp.itaku.platform.Dates;
import jp.itaku.platform.web.InboxItem;
import jp.itaku.platform.web.InboxSource;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The inbox's prior approvals, for both sides: the client's deciders see the applications
 * that wait for their decision; the contractor's lead sees the approvals that end within
 * {@value #DAYS} days, due on their last day, so that a new application is made in time.
 */
@Component
@Order(25)
class ApprovalInbox implements InboxSource {

	/** How many days before its end an approval is listed. */
	static final int DAYS = 14;

	private final Approvals approvals;

	private final MessageSource messages;

	private final Dates dates;

	ApprovalInbox(Approvals approvals, MessageSource messages, Dates dates) {
		this.approvals = approvals;
		this.messages = messages;
		this.dates = dates;
	}

	@Override
	public List<InboxItem> itemsFor(Actor actor) {
		List<InboxItem> items = new ArrayList<>();
		for (Approvals.Pending p : this.approvals.awaitingDecision(actor)) {
			Approval a = p.approval();
			items.add(new InboxItem(InboxItem.Kind.DECIDE, text("approval.inbox.decide", a.number(), action(a)),
					p.contract().getNumber() + " " + p.contract().getTitle(), a.getPeriodFrom(), link(a)));
		}
		for (Approvals.Pending p : this.approvals.expiring(actor, DAYS)) {
			Approval a = p.approval();
			LocalDate until = a.getValidUntil();
			items.add(new InboxItem(InboxItem.Kind.SUBMIT,
					text("approval.inbox.expiring", a.number(), action(a), this.dates.date(until)),
					p.contract().getNumber() + " " + p.contract().getTitle(), until, link(a)));
		}
		return items;
	}

	/**
	 * The applications counted in the database; the approvals ending soon, which only a
	 * contractor's lead sees, listed and counted.
	 */
	@Override
	public int countFor(Actor actor) {
		return this.approvals.countAwaitingDecision(actor) + (ContractRoles.CONTRACTOR_LEADS.contains(actor.role())
				? this.approvals.expiring(actor, DAYS).size() : 0);
	}

	private String action(Approval a) {
		return text("approval.action." + a.getAction().name());
	}

	private static String link(Approval a) {
		return "/contracts/" + a.getContractId() + "/approvals#" + a.number();
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

}
