package jp.itaku.home;

import jp.itaku.platform.Actor;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.web.InboxItem;

import org.jspecify.annotations.Nullable;

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

	HomeController(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping("/")
	String home(Model model) {
		Actor actor = CurrentActor.require();
		model.addAttribute("actor", actor);
		model.addAttribute("inbox", this.inbox.of(actor, null));
		model.addAttribute("homeItems", HOME_ITEMS);
		return "home";
	}

	@GetMapping("/inbox")
	String inbox(@RequestParam(name = "kind", required = false) InboxItem.@Nullable Kind kind, Model model) {
		model.addAttribute("inbox", this.inbox.of(CurrentActor.require(), kind));
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", InboxItem.Kind.values());
		return "inbox";
	}

}
