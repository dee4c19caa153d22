package jp.itaku.incident.web;

import java.util.List;

import jp.itaku.incident.Incidents;
import jp.itaku.platform.Actor;
import jp.itaku.platform.web.InboxItem;
import jp.itaku.platform.web.InboxSource;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The inbox's reported incidents that wait for the client's security administrator to
 * acknowledge them (直ちに: they are due the moment they are reported).
 */
@Component
@Order(5)
class IncidentInbox implements InboxSource {

	private final Incidents incidents;

	private final MessageSource messages;

	IncidentInbox(Incidents incidents, MessageSource messages) {
		this.incidents = incidents;
		this.messages = messages;
	}

	@Override
	public List<InboxItem> itemsFor(Actor actor) {
		return this.incidents.awaitingAcknowledgement(actor)
			.stream()
			.map((awaiting) -> new InboxItem(InboxItem.Kind.ACKNOWLEDGE,
					this.messages.getMessage("inbox.incident", new Object[] { awaiting.incident().number() },
							LocaleContextHolder.getLocale()),
					awaiting.contract().getNumber() + " " + awaiting.contract().getTitle(), null,
					"/incidents/" + awaiting.incident().id()))
			.toList();
	}

	@Override
	public int countFor(Actor actor) {
		return this.incidents.countAwaitingAcknowledgement(actor);
	}

}
