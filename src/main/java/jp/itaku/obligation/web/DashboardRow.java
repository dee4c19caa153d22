package jp.itaku.obligation.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import jp.itaku.obligation.ComplianceDashboard;
import jp.itaku.platform.Dates;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * One row of the dashboard's table, every cell already written: the template prints
 * fields and evaluates no expression per cell (rendering 50 rows of expressions was most
 * of a dashboard's time).
 *
 * @param href the contract's page
 * @param number the contract's number
 * @param heading its number and title
 * @param detail the profile's issuer, and the client department if any
 * @param contractor the contractor's name
 * @param contractStatus the contract's state
 * @param counted whether the obligations are counted for the reader
 * @param overdue open or returned past the due date
 * @param overdueClass the overdue count's class, or {@code null}
 * @param dueSoon due within {@value ComplianceDashboard#DUE_SOON_DAYS} days
 * @param awaitingReview submitted, not yet reviewed
 * @param awaitingReviewClass the awaiting count's class, or {@code null}
 * @param returned returned for rework
 * @param accepted accepted
 * @param nextDue the next due date, written, or empty
 * @param stateClass the state's classes
 * @param state in order or needing attention
 */
public record DashboardRow(String href, String number, String heading, String detail, String contractor,
		String contractStatus, boolean counted, String overdue, @Nullable String overdueClass, String dueSoon,
		String awaitingReview, @Nullable String awaitingReviewClass, String returned, String accepted, String nextDue,
		String stateClass, String state) {

	/**
	 * Writes the rows of a page, each label resolved once for the page.
	 * @param rows the dashboard's rows
	 * @param contextPath the application's context path, for the links
	 * @param messages the message bundles
	 * @param locale the reader's locale
	 * @param dates the dates' formats
	 * @return the rows, written
	 */
	static List<DashboardRow> of(List<ComplianceDashboard.Row> rows, String contextPath, MessageSource messages,
			Locale locale, Dates dates) {
		Map<String, String> labels = new HashMap<>();
		Function<String, String> label = (key) -> labels.computeIfAbsent(key,
				(k) -> messages.getMessage(k, null, locale));
		return rows.stream().map((row) -> {
			var contract = row.contract();
			String department = contract.clientDepartment();
			String detail = (department != null) ? row.issuer() + " / " + department : row.issuer();
			String status = label.apply("contractStatus." + contract.status().name());
			String href = contextPath + "/contracts/" + contract.id();
			String heading = contract.number() + " " + contract.title();
			ComplianceDashboard.Counts counts = row.counts();
			if (counts == null) {
				return new DashboardRow(href, contract.number(), heading, detail, row.contractorName(), status, false,
						"", null, "", "", null, "", "", "", "", "");
			}
			boolean inOrder = row.inOrder();
			return new DashboardRow(href, contract.number(), heading, detail, row.contractorName(), status, true,
					Long.toString(counts.overdue()), (counts.overdue() > 0) ? "count--alert" : null,
					Long.toString(counts.dueSoon()), Long.toString(counts.awaitingReview()),
					(counts.awaitingReview() > 0) ? "count--attention" : null, Long.toString(counts.returned()),
					Long.toString(counts.accepted()), dates.date(counts.nextDue()),
					inOrder ? "status status--accepted" : "status status--overdue",
					label.apply(inOrder ? "dashboard.inOrder" : "dashboard.needsAttention"));
		}).toList();
	}

}
