package jp.itaku.obligation.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jp.itaku.catalog.RequirementText;
import jp.itaku.contract.ContractRoles;
import jp.itaku.obligation.ComplianceDashboard;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationStatus;
import jp.itaku.obligation.Obligations.TodoItem;
import jp.itaku.obligation.Obligations;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.web.InboxItem;
import jp.itaku.platform.web.InboxSource;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The inbox's obligations: for the client, the submissions that wait for review; for the
 * contractor's lead (and the lead of a subcontractor, for what it owes), what the client
 * returned, what was raised by an event or the client's request, and what falls due
 * within {@value #SOON_DAYS} days or is overdue (the whole list stays on the dashboard).
 */
@Component
@Order(10)
class ObligationInbox implements InboxSource {

	static final int SOON_DAYS = 14;

	/**
	 * The most submissions awaiting review the inbox lists, the soonest due first: at the
	 * scale of the benchmark (10,000 contracts, 100,000 submissions waiting) reading them
	 * all made the landing page time out; the dashboard's 審査待ち column counts every one.
	 */
	static final int REVIEWS_LISTED = 200;

	private final Obligations obligations;

	private final ComplianceDashboard dashboard;

	private final RequirementText text;

	private final MessageSource messages;

	private final Clock clock;

	ObligationInbox(Obligations obligations, ComplianceDashboard dashboard, RequirementText text,
			MessageSource messages, Clock clock) {
		this.obligations = obligations;
		this.dashboard = dashboard;
		this.text = text;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public List<InboxItem> itemsFor(Actor actor) {
		List<InboxItem> items = new ArrayList<>();
		for (TodoItem review : this.obligations.awaitingReview(actor, REVIEWS_LISTED)) {
			items.add(item(InboxItem.Kind.REVIEW, review));
		}
		items.addAll(leadsItems(actor));
		return items;
	}

	/**
	 * Counts the reviews in the tally; a lead's own items are listed and counted, from
	 * the to-do list of the lead's contracts that the dashboard reads anyway.
	 */
	@Override
	public int countFor(Actor actor) {
		return this.dashboard.awaitingReviewCount(actor, REVIEWS_LISTED) + leadsItems(actor).size();
	}

	/** What the actor must submit or resubmit as a lead. */
	private List<InboxItem> leadsItems(Actor actor) {
		if (!ContractRoles.CONTRACTOR_LEADS.contains(actor.role())) {
			// Only a lead submits: the to-do list of a client's officer would read every
			// open obligation of every contract it sees (60,000 at 1,000 contracts) to
			// keep none of them.
			return List.of();
		}
		List<InboxItem> items = new ArrayList<>();
		LocalDate horizon = ItakuTime.today(this.clock).plusDays(SOON_DAYS);
		for (TodoItem todo : this.obligations.todo(actor)) {
			Obligation o = todo.obligation();
			// The contractor's lead, or the lead of the subcontractor that owes it.
			boolean leads = (o.getOwedBy() == null) ? ContractRoles.leadsForContractor(actor, todo.contract())
					: Obligations.owes(actor, o) && ContractRoles.CONTRACTOR_LEADS.contains(actor.role());
			if (!leads) {
				continue;
			}
			if (o.getStatus() == ObligationStatus.RETURNED) {
				items.add(item(InboxItem.Kind.RESUBMIT, todo));
			}
			// What someone asked for (the client's request, an event's report) is
			// listed at once, whenever it falls due; the planned ones within the horizon.
			else if (o.getOrigin() == Obligation.Origin.RAISED
					|| (o.getDueDate() != null && !o.getDueDate().isAfter(horizon))) {
				items.add(item(InboxItem.Kind.SUBMIT, todo));
			}
		}
		return items;
	}

	private InboxItem item(InboxItem.Kind kind, TodoItem todo) {
		Obligation o = todo.obligation();
		Locale locale = LocaleContextHolder.getLocale();
		String period = this.messages.getMessage("obligation.periodKey." + o.getPeriodKind(), o.getPeriodArguments(),
				"", locale);
		String label = this.text.label("deliverable", o.getDeliverable());
		String what = (period == null || period.isBlank()) ? label
				: this.messages.getMessage("inbox.withPeriod", new Object[] { label, period }, locale);
		return new InboxItem(kind, what, todo.contract().getNumber() + " " + todo.contract().getTitle(), o.getDueDate(),
				"/obligations/" + o.getId());
	}

}
