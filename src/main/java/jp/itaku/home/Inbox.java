package jp.itaku.home;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jp.itaku.platform.Actor;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.web.InboxItem;
import jp.itaku.platform.web.InboxItems;
import jp.itaku.platform.web.InboxSource;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The inbox (対応待ち): what waits for the signed-in user across every module, collected from
 * each module's {@link InboxSource}, the earliest deadline first. It knows no module;
 * each source reads through its own module's scoped methods.
 */
@Component
class Inbox {

	/** Absent from an operator command's context, which leaves the web layers out. */
	private final ObjectProvider<InboxItems> items;

	private final Clock clock;

	Inbox(ObjectProvider<InboxItems> items, Clock clock) {
		this.items = items;
		this.clock = clock;
	}

	/**
	 * Collects what waits for the user.
	 * @param actor the signed-in user
	 * @param kind only items of this kind, or {@code null} for all
	 * @return the items and the count of each kind
	 */
	Contents of(Actor actor, InboxItem.@Nullable Kind kind) {
		List<InboxItem> all = this.items.getObject().of(actor);
		Map<InboxItem.Kind, Integer> counts = new EnumMap<>(InboxItem.Kind.class);
		all.forEach((item) -> counts.merge(item.kind(), 1, Integer::sum));
		List<InboxItem> shown = (kind != null) ? all.stream().filter((item) -> item.kind() == kind).toList() : all;
		return new Contents(shown, all.size(), counts, ItakuTime.today(this.clock));
	}

	/**
	 * Returns the month an item is due.
	 * @param item the item
	 * @return its due month, or {@code null} without a deadline
	 */
	static @Nullable YearMonth monthOf(InboxItem item) {
		LocalDate due = item.due();
		return (due != null) ? YearMonth.from(due) : null;
	}

	/**
	 * The items of a page of the inbox that fall due in one month, under the month's
	 * heading with the count of all the month's items.
	 *
	 * @param month the month, or {@code null} for the items without a deadline
	 * @param count how many items of the inbox (of the chosen kind) fall in the month
	 * @param items those of this page
	 */
	record MonthGroup(@Nullable YearMonth month, int count, List<InboxItem> items) {

		static List<MonthGroup> of(List<InboxItem> page, Map<YearMonth, Integer> months) {
			Map<Optional<YearMonth>, List<InboxItem>> grouped = new LinkedHashMap<>();
			for (InboxItem item : page) {
				grouped.computeIfAbsent(Optional.ofNullable(monthOf(item)), (m) -> new ArrayList<>()).add(item);
			}
			List<MonthGroup> groups = new ArrayList<>();
			grouped.forEach((month, items) -> groups.add(new MonthGroup(month.orElse(null),
					month.map((m) -> months.getOrDefault(m, items.size())).orElse(items.size()), items)));
			return groups;
		}

	}

	/**
	 * The inbox as a page shows it.
	 *
	 * @param items the items shown, earliest deadline first
	 * @param total the number of items of every kind
	 * @param counts the number of items of each kind present
	 * @param today today in Tokyo, to mark the overdue
	 */
	record Contents(List<InboxItem> items, int total, Map<InboxItem.Kind, Integer> counts, LocalDate today) {

		/**
		 * Returns the number of overdue items shown.
		 * @return the count
		 */
		long overdue() {
			return this.items.stream().filter((item) -> item.isOverdue(this.today)).count();
		}

		/**
		 * Returns the number of items shown due in each month, the earliest first.
		 * @return the counts by month; items without a deadline are not counted
		 */
		Map<YearMonth, Integer> months() {
			Map<YearMonth, Integer> months = new TreeMap<>();
			for (InboxItem item : this.items) {
				YearMonth month = monthOf(item);
				if (month != null) {
					months.merge(month, 1, Integer::sum);
				}
			}
			return months;
		}

	}

}
