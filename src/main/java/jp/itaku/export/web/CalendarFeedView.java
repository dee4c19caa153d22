package jp.itaku.export.web;

import java.time.Instant;

import jp.itaku.export.CalendarFeeds;
import jp.itaku.platform.CurrentActor;

import org.springframework.stereotype.Component;

/**
 * What the account page shows of the signed-in user's calendar feed. Available in
 * templates as {@code @calendarFeedView}.
 */
@Component("calendarFeedView")
public class CalendarFeedView {

	private final CalendarFeeds feeds;

	CalendarFeedView(CalendarFeeds feeds) {
		this.feeds = feeds;
	}

	/**
	 * Returns since when the signed-in user's feed token is active.
	 * @return when it was issued, or {@code null} when there is none (or nobody is signed
	 * in)
	 */
	public Instant activeSince() {
		return CurrentActor.find().flatMap(this.feeds::activeSince).orElse(null);
	}

}
