package jp.itaku.finding.web;

import java.util.List;

import jp.itaku.finding.Findings;
import jp.itaku.platform.Actor;
import jp.itaku.platform.web.InboxItem;
import jp.itaku.platform.web.InboxSource;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The inbox's findings (audits, inspections, log checks) whose next step is the user's:
 * the contractor's explanation, the client's acknowledgement, return or closing.
 */
@Component
@Order(40)
class FindingInbox implements InboxSource {

	private final Findings findings;

	private final MessageSource messages;

	FindingInbox(Findings findings, MessageSource messages) {
		this.findings = findings;
		this.messages = messages;
	}

	@Override
	public List<InboxItem> itemsFor(Actor actor) {
		return this.findings.awaitingStep(actor)
			.stream()
			.map((awaiting) -> new InboxItem(InboxItem.Kind.ANSWER,
					this.messages.getMessage(awaiting.finding().titleKey(), null, LocaleContextHolder.getLocale()) + " "
							+ awaiting.finding().reference(),
					awaiting.contract().getNumber() + " " + awaiting.contract().getTitle(), awaiting.finding().dueOn(),
					awaiting.finding().path()))
			.toList();
	}

	/**
	 * Counted by listing: which step a finding waits for, and who may take it, is decided
	 * per finding ({@code FindingParties}), not by a column.
	 */
	@Override
	public int countFor(Actor actor) {
		return itemsFor(actor).size();
	}

}
