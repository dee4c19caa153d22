package jp.itaku.asset.web;

import java.time.LocalDate;
import java.util.List;

import jp.itaku.asset.AssetRequests;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.web.InboxItem;
import jp.itaku.platform.web.InboxSource;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The inbox's applications for copies, take-outs, bring-ins, disposal and returns that
 * wait for the client's decision (a take-out is due by its planned start).
 */
@Component
@Order(20)
class AssetRequestInbox implements InboxSource {

	private final AssetRequests requests;

	private final MessageSource messages;

	AssetRequestInbox(AssetRequests requests, MessageSource messages) {
		this.requests = requests;
		this.messages = messages;
	}

	@Override
	public List<InboxItem> itemsFor(Actor actor) {
		return this.requests.awaitingDecision(actor).stream().map((awaiting) -> {
			var request = awaiting.request();
			String type = this.messages.getMessage("asset.request.type." + request.getType().name(), null,
					LocaleContextHolder.getLocale());
			LocalDate due = (request.getPlannedStart() != null)
					? ItakuTime.inTokyo(request.getPlannedStart()).toLocalDate() : null;
			return new InboxItem(InboxItem.Kind.DECIDE, type + " " + request.getNumber(),
					awaiting.contract().getNumber() + " " + awaiting.contract().getTitle(), due,
					"/asset-requests/" + request.getId());
		}).toList();
	}

	@Override
	public int countFor(Actor actor) {
		return this.requests.countAwaitingDecision(actor);
	}

}
