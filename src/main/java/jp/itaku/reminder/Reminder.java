package jp.itaku.reminder;

import java.time.LocalDate;
import java.util.Set;

import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractRoles;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.Submission;
import jp.itaku.platform.Role;

import org.jspecify.annotations.Nullable;

/**
 * One reminder about an obligation, to be sent to every recipient it has.
 *
 * @param kind what it is about
 * @param date the day it is for: the day before the due date it reminds of, the day after
 * the due date, or the day of the review
 * @param obligation the obligation
 * @param contract its contract
 * @param daysLeft days from the run to the due date (for {@link ReminderKind#BEFORE_DUE})
 * @param submission the reviewed submission (review outcomes only), else {@code null}
 */
record Reminder(ReminderKind kind, LocalDate date, Obligation obligation, Contract contract, int daysLeft,
		@Nullable Submission submission) {

	private static final Set<Role> CLIENT = Set.of(Role.CLIENT_OFFICER);

	/**
	 * Returns the roles of the contractor organisation's users who receive it: the leads.
	 * @return the contractor's roles
	 */
	Set<Role> contractorRoles() {
		return ContractRoles.CONTRACTOR_LEADS;
	}

	/**
	 * Returns the roles of the client organisation's users who receive it: the officers
	 * when an obligation is overdue, nobody otherwise.
	 * @return the client's roles
	 */
	Set<Role> clientRoles() {
		return (this.kind == ReminderKind.OVERDUE) ? CLIENT : Set.of();
	}

}
