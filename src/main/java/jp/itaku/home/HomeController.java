package jp.itaku.home;

import jakarta.servlet.http.HttpSession;
import jp.itaku.platform.Actor;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.web.InboxCount;
import jp.itaku.platform.web.InboxItem;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page a user lands on after signing in — the first things that wait for them — and
 * the whole inbox.
 */
@Controller
class HomeController {

	/** How many of the inbox's items the home page shows. */
	static final int HOME_ITEMS = 10;

	private final Inbox inbox;

	/** Absent from an operator command's context, which has no web layer. */
	private final ObjectProvider<InboxCount> inboxCount;

	HomeController(Inbox inbox, ObjectProvider<InboxCount> inboxCount) {
		this.inbox = inbox;
		this.inboxCount = inboxCount;
	}

	@GetMapping("/")
	String home(Model model, HttpSession session) {
		Actor actor = CurrentActor.require();
		model.addAttribute("actor", actor);
		model.addAttribute("inbox", collect(actor, null, model, session));
		model.addAttribute("homeItems", HOME_ITEMS);
		return "home";
	}

	@GetMapping("/inbox")
	String inbox(@RequestParam(name = "kind", required = false) InboxItem.@Nullable Kind kind, Model model,
			HttpSession session) {
		model.addAttribute("inbox", collect(CurrentActor.require(), kind, model, session));
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", InboxItem.Kind.values());
		return "inbox";
	}

	/** Collects the inbox, and puts its count on the navigation (and in the session). */
	private Inbox.Contents collect(Actor actor, InboxItem.@Nullable Kind kind, Model model, HttpSession session) {
		Inbox.Contents contents = this.inbox.of(actor, kind);
		this.inboxCount.ifAvailable((count) -> count.remember(session, contents.total()));
		model.addAttribute("inboxCount", contents.total());
		return contents;
	}

}
