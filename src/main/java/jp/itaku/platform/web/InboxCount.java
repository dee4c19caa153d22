package jp.itaku.platform.web;

import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpSession;
import jp.itaku.platform.Actor;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The number on the navigation's 対応待ち: how many things wait for the user, from every
 * {@link InboxSource} ({@link InboxItems#count}, each module counting in SQL where it
 * can). Counting still asks every module, so a page remembers the count in the session
 * for a minute; the inbox and the home page, which gather the items anyway, refresh it.
 */
@Component
public class InboxCount {

	private static final String COUNT = InboxCount.class.getName() + ".count";

	private static final String COUNTED_AT = InboxCount.class.getName() + ".countedAt";

	private static final Duration FRESH = Duration.ofMinutes(1);

	private final InboxItems items;

	private final Clock clock;

	InboxCount(InboxItems items, Clock clock) {
		this.items = items;
		this.clock = clock;
	}

	/**
	 * Returns how many things wait for the user: remembered from the last minute, or
	 * counted now.
	 * @param actor the signed-in user
	 * @param session the user's session, {@code null} for none (then counted each time)
	 * @return the count
	 */
	public int of(Actor actor, @Nullable HttpSession session) {
		if (session != null && session.getAttribute(COUNT) instanceof Integer count
				&& session.getAttribute(COUNTED_AT) instanceof Long countedAt
				&& this.clock.millis() - countedAt < FRESH.toMillis()) {
			return count;
		}
		int count = this.items.count(actor);
		remember(session, count);
		return count;
	}

	/**
	 * Remembers a count just made (by the inbox, which collects every item anyway).
	 * @param session the user's session, {@code null} for none
	 * @param count the count
	 */
	public void remember(@Nullable HttpSession session, int count) {
		if (session != null) {
			session.setAttribute(COUNT, count);
			session.setAttribute(COUNTED_AT, this.clock.millis());
		}
	}

}
