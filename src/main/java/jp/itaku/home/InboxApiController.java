package jp.itaku.home;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.web.InboxItem;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inbox in the API: what waits for the signed-in user, scoped exactly as the page.
 */
@RestController
class InboxApiController {

	private final Inbox inbox;

	InboxApiController(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping("/api/v1/me/inbox")
	InboxView inbox(@RequestParam(name = "kind", required = false) InboxItem.@Nullable Kind kind) {
		Inbox.Contents contents = this.inbox.of(CurrentActor.require(), kind);
		return new InboxView(contents.total(), contents.counts(),
				contents.items()
					.stream()
					.map((item) -> new ItemView(item.kind(), item.what(), item.contract(), item.due(),
							item.isOverdue(contents.today()), item.href()))
					.toList());
	}

	/**
	 * The inbox as the API returns it.
	 *
	 * @param total the number of items of every kind
	 * @param counts the number of items of each kind present
	 * @param items the items (of the kind asked for, or all), earliest deadline first
	 */
	record InboxView(int total, Map<InboxItem.Kind, Integer> counts, List<ItemView> items) {
	}

	/**
	 * One item.
	 *
	 * @param kind what is asked of the user
	 * @param what what it concerns, in the user's language
	 * @param contract the contract's number and title
	 * @param due the day it is due (Tokyo), or {@code null}
	 * @param overdue whether the user is late with it
	 * @param href the page where the user acts on it
	 */
	record ItemView(InboxItem.Kind kind, String what, String contract, @Nullable LocalDate due, boolean overdue,
			String href) {
	}

}
