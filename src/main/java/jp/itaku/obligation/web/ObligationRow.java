package jp.itaku.obligation.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.itaku.catalog.RequirementText;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationStatus;
import jp.itaku.platform.Dates;

import org.springframework.context.MessageSource;

/**
 * One row of a contract page's obligation tables, every cell already written: the
 * template prints fields and evaluates no expression per cell.
 *
 * @param href the obligation's page
 * @param clauseRef its clause
 * @param deliverable what is to be delivered
 * @param summary the requirement, in the reader's language where written in it
 * @param period the period it covers
 * @param due its due date, written, or that it has none
 * @param statusClass its state's classes
 * @param status its state as people see it (overdue once the day passed unmet)
 */
public record ObligationRow(String href, String clauseRef, String deliverable, String summary, String period,
		String due, String statusClass, String status) {

	/**
	 * Writes the rows of a contract's obligations, each label resolved once for the page.
	 */
	static final class Writer {

		private final Map<String, String> labels = new HashMap<>();

		private final String contextPath;

		private final MessageSource messages;

		private final RequirementText text;

		private final Locale locale;

		private final Dates dates;

		private final LocalDate today;

		Writer(String contextPath, MessageSource messages, RequirementText text, Locale locale, Dates dates) {
			this.contextPath = contextPath;
			this.messages = messages;
			this.text = text;
			this.locale = locale;
			this.dates = dates;
			this.today = dates.todayDate();
		}

		List<ObligationRow> rows(List<Obligation> obligations) {
			return obligations.stream().map(this::row).toList();
		}

		private ObligationRow row(Obligation o) {
			ObligationStatus status = o.effectiveStatus(this.today);
			String summary = ("en".equals(this.locale.getLanguage()) && o.getSummaryEn() != null) ? o.getSummaryEn()
					: o.getSummary();
			LocalDate due = o.getDueDate();
			return new ObligationRow(this.contextPath + "/obligations/" + o.getId(), o.getClauseRef(),
					this.labels.computeIfAbsent("deliverable." + o.getDeliverable().name(),
							(k) -> this.text.label("deliverable", o.getDeliverable())),
					summary,
					this.messages.getMessage("obligation.periodKey." + o.getPeriodKind(), o.getPeriodArguments(),
							this.locale),
					(due != null) ? this.dates.date(due) : label("obligation.noDueDate"),
					"status status--" + status.name().toLowerCase(Locale.ROOT),
					label("obligationStatus." + status.name()));
		}

		private String label(String key) {
			return this.labels.computeIfAbsent(key, (k) -> this.messages.getMessage(k, null, this.locale));
		}

	}

}
