package jp.itaku.export.web;

import java.time.Instant;
import java.util.Optional;

import jp.itaku.export.CalendarFeeds;
import jp.itaku.platform.Actor;
import jp.itaku.platform.PageFragment;
import jp.itaku.platform.web.AccountPageSection;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The account page's section on the user's calendar feed: since when it is active, and
 * the buttons to create, regenerate or revoke it.
 */
@Component
class CalendarFeedSection implements AccountPageSection {

	private final CalendarFeeds feeds;

	CalendarFeedSection(CalendarFeeds feeds) {
		this.feeds = feeds;
	}

	@Override
	public Optional<PageFragment> section(Actor actor) {
		return Optional.of(new PageFragment("export/sections", "accountSection",
				new Feed(this.feeds.activeSince(actor).orElse(null))));
	}

	/**
	 * What the section shows.
	 *
	 * @param since when the active feed was created, or {@code null} when there is none
	 */
	record Feed(@Nullable Instant since) {
	}

}
