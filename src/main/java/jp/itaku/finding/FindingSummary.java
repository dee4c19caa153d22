package jp.itaku.finding;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One finding as the contract's list of findings shows it, whatever found it.
 *
 * @param source the module that found it: {@code inspection} or {@code logevidence}
 * (label {@code finding.source.<source>})
 * @param id the finding
 * @param reference its reference, shown as it is (e.g. {@code AUD-2-F1}, a day and an ID)
 * @param titleKey the message key naming what was found (an inspection's kind, a log
 * rule)
 * @param severityKey the message key of its severity
 * @param severityRank how serious, for sorting: 0 the most serious
 * @param clause the clause it concerns
 * @param status where it stands
 * @param dueOn by when the contractor must act, or {@code null}
 * @param foundOn the day it was recorded or found
 * @param path its own page, from the application's root
 */
public record FindingSummary(String source, UUID id, String reference, String titleKey, String severityKey,
		int severityRank, String clause, FindingStatus status, @Nullable LocalDate dueOn, LocalDate foundOn,
		String path) {

	/**
	 * Returns whether the finding is past its due date and not closed.
	 * @param today today in Tokyo
	 * @return {@code true} when overdue
	 */
	public boolean isOverdue(LocalDate today) {
		return this.dueOn != null && !this.status.isClosed() && this.dueOn.isBefore(today);
	}

}
