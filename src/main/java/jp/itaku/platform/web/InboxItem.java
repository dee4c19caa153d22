package jp.itaku.platform.web;

import java.time.LocalDate;
import java.util.Comparator;

import org.jspecify.annotations.Nullable;

/**
 * One thing that waits for the user, as the inbox lists it.
 *
 * @param kind what is asked of the user (the inbox's filter)
 * @param what what it concerns, in the user's language (e.g. 「定期報告書（2026年11月分）」)
 * @param contract the contract's number and title
 * @param due the day it is due (Tokyo), or {@code null} when no deadline applies
 * @param href the page where the user acts on it
 */
public record InboxItem(Kind kind, String what, String contract, @Nullable LocalDate due, String href) {

	/** The order of the inbox: the earliest deadline first, those without one last. */
	public static final Comparator<InboxItem> ORDER = Comparator
		.comparing(InboxItem::due, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(InboxItem::kind)
		.thenComparing(InboxItem::contract)
		.thenComparing(InboxItem::what)
		// Last the link, so that items alike in all else keep one order from page to
		// page.
		.thenComparing(InboxItem::href);

	/**
	 * Returns whether the user is late with the item: it is past its day, and the day is
	 * the user's own (a submission's due date is the contractor's, not its reviewer's).
	 * @param today today in Tokyo
	 * @return {@code true} when overdue
	 */
	public boolean isOverdue(LocalDate today) {
		return this.kind.dueIsTheUsers && this.due != null && this.due.isBefore(today);
	}

	/** What is asked of the user; each kind has the message {@code inbox.kind.<NAME>}. */
	public enum Kind {

		/** Review a submission (client); the day shown is the contractor's. */
		REVIEW(false),

		/** Decide an application: a take-out, a copy, a subcontract (client). */
		DECIDE(true),

		/** Acknowledge a reported incident (client). */
		ACKNOWLEDGE(false),

		/** Take the next step on a finding (either side). */
		ANSWER(true),

		/** Submit again what the client returned (contractor). */
		RESUBMIT(true),

		/** Submit what falls due (contractor). */
		SUBMIT(true);

		private final boolean dueIsTheUsers;

		Kind(boolean dueIsTheUsers) {
			this.dueIsTheUsers = dueIsTheUsers;
		}

	}

}
