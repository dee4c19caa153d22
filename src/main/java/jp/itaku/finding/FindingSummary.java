package jp.itaku.finding;

import java.time.LocalDate;
import java.util.UUID;

import jp.itaku.contract.Contract;

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
 * @param answeredBy the approved subcontractor whose lead explains it (an inspection of a
 * subcontractor, Setagaya 33), or {@code null} when the contractor's lead does
 */
public record FindingSummary(String source, UUID id, String reference, String titleKey, String severityKey,
		int severityRank, String clause, FindingStatus status, @Nullable LocalDate dueOn, LocalDate foundOn,
		String path, @Nullable UUID answeredBy) {

	/**
	 * A finding the contractor's lead explains.
	 * @param source the module that found it
	 * @param id the finding
	 * @param reference its reference
	 * @param titleKey the message key naming what was found
	 * @param severityKey the message key of its severity
	 * @param severityRank how serious, 0 the most
	 * @param clause the clause it concerns
	 * @param status where it stands
	 * @param dueOn by when the contractor must act, or {@code null}
	 * @param foundOn the day it was recorded or found
	 * @param path its own page
	 */
	public FindingSummary(String source, UUID id, String reference, String titleKey, String severityKey,
			int severityRank, String clause, FindingStatus status, @Nullable LocalDate dueOn, LocalDate foundOn,
			String path) {
		this(source, id, reference, titleKey, severityKey, severityRank, clause, status, dueOn, foundOn, path, null);
	}

	/**
	 * Returns the organisation on the contractor's side of the finding's workflow: the
	 * subcontractor that answers it, or the contract's contractor.
	 * @param contract the finding's contract
	 * @return its organisation
	 */
	public UUID answeringParty(Contract contract) {
		return (this.answeredBy != null) ? this.answeredBy : contract.getContractorOrganisationId();
	}

	/**
	 * Returns whether the finding is past its due date and not closed.
	 * @param today today in Tokyo
	 * @return {@code true} when overdue
	 */
	public boolean isOverdue(LocalDate today) {
		return this.dueOn != null && !this.status.isClosed() && this.dueOn.isBefore(today);
	}

}
