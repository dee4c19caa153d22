package jp.itaku.home;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.servlet.http.HttpSession;
import jp.itaku.platform.Actor;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.web.InboxCount;
import jp.itaku.platform.web.InboxItem;
import jp.itaku.platform.web.PageOf;

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

	/** How many items a page of the inbox lists. */
	static final int INBOX_PAGE = 25;

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
	String inbox(@RequestParam(name = "kind", required = false) InboxItem.@Nullable Kind kind,
			@RequestParam(name = "month", required = false) @Nullable String month,
			@RequestParam(name = "page", defaultValue = "0") String page, Model model, HttpSession session) {
		Inbox.Contents contents = collect(CurrentActor.require(), kind, model, session);
		model.addAttribute("inbox", contents);
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", InboxItem.Kind.values());
		// Grouped by the month each item is due; a month chosen lists only its items.
		YearMonth chosen = month(month);
		List<InboxItem> listed = contents.items();
		if (chosen != null) {
			YearMonth only = chosen;
			listed = listed.stream().filter((item) -> only.equals(Inbox.monthOf(item))).toList();
		}
		PageOf<InboxItem> shown = PageOf.of(listed, page, INBOX_PAGE);
		model.addAttribute("month", (chosen != null) ? chosen.toString() : null);
		model.addAttribute("months", contents.months());
		model.addAttribute("shown", shown);
		model.addAttribute("groups", Inbox.MonthGroup.of(shown.items(), contents.months()));
		return "inbox";
	}

	/** A month as the inbox's filter writes it (yyyy-MM), or {@code null}. */
	private static @Nullable YearMonth month(@Nullable String month) {
		if (month == null || month.isBlank()) {
			return null;
		}
		try {
			return YearMonth.parse(month.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** Collects the inbox, and puts its count on the navigation (and in the session). */
	private Inbox.Contents collect(Actor actor, InboxItem.@Nullable Kind kind, Model model, HttpSession session) {
		Inbox.Contents contents = this.inbox.of(actor, kind);
		this.inboxCount.ifAvailable((count) -> count.remember(session, contents.total()));
		model.addAttribute("inboxCount", contents.total());
		return contents;
	}

}
