package jp.itaku.subcontract.web;

import java.util.List;

import jp.itaku.platform.Actor;
import jp.itaku.platform.web.InboxItem;
import jp.itaku.platform.web.InboxSource;
import jp.itaku.subcontract.Subcontracts;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The inbox's subcontract applications that wait for the client's approval.
 */
@Component
@Order(30)
class SubcontractInbox implements InboxSource {

	private final Subcontracts subcontracts;

	private final MessageSource messages;

	SubcontractInbox(Subcontracts subcontracts, MessageSource messages) {
		this.subcontracts = subcontracts;
		this.messages = messages;
	}

	@Override
	public List<InboxItem> itemsFor(Actor actor) {
		return this.subcontracts.awaitingDecision(actor)
			.stream()
			.map((pending) -> new InboxItem(InboxItem.Kind.DECIDE, this.messages.getMessage("inbox.subcontract",
					new Object[] { pending.subcontract().getSubcontractorName() }, LocaleContextHolder.getLocale()),
					pending.contract().getNumber() + " " + pending.contract().getTitle(), null,
					"/contracts/" + pending.contract().getId() + "/subcontracts"))
			.toList();
	}

	@Override
	public int countFor(Actor actor) {
		return this.subcontracts.countAwaitingDecision(actor);
	}

}
