package jp.itaku.export.web;

import java.nio.charset.StandardCharsets;

import jp.itaku.export.CalendarFeeds;
import jp.itaku.platform.CurrentActor;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The personal calendar feed: the feed itself at its secret URL (no sign-in: the token is
 * the credential; an unknown or revoked token is 404), and issuing or revoking the token
 * from the account page, where a new URL is shown once.
 */
@Controller
class CalendarFeedController {

	/** The feed's type, as calendar clients expect it. */
	static final String CONTENT_TYPE = "text/calendar; charset=utf-8";

	private static final String ACCOUNT_SECTION = "redirect:/account#calendar-feed";

	private final CalendarFeeds feeds;

	CalendarFeedController(CalendarFeeds feeds) {
		this.feeds = feeds;
	}

	@GetMapping("/calendar/{token}.ics")
	ResponseEntity<byte[]> feed(@PathVariable("token") String token) {
		return this.feeds.feed(token)
			.map((ics) -> ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE)
				.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"itaku.ics\"")
				.body(ics.getBytes(StandardCharsets.UTF_8)))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	@PostMapping("/account/calendar-feed")
	String issue(RedirectAttributes redirect) {
		CalendarFeeds.IssuedFeed issued = this.feeds.issue(CurrentActor.require());
		redirect.addFlashAttribute("calendarFeedUrl", issued.url());
		redirect.addFlashAttribute("flash", "export.calendarFeed.created");
		return ACCOUNT_SECTION;
	}

	@PostMapping("/account/calendar-feed/revoke")
	String revoke(RedirectAttributes redirect) {
		this.feeds.revoke(CurrentActor.require());
		redirect.addFlashAttribute("flash", "export.calendarFeed.revoked");
		return ACCOUNT_SECTION;
	}

}
