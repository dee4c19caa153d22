package jp.itaku.incident.web;

import java.time.Duration;

import jp.itaku.catalog.RequirementText;
import jp.itaku.incident.ReportDeadline;
import jp.itaku.platform.Dates;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formats the measured times of an incident (detection to report, report to
 * acknowledgement) for pages, e.g. {@code 1時間5分}, and the term its report is measured
 * against. Used as {@code @incidentTexts}.
 */
@Component("incidentTexts")
public class IncidentTexts {

	private final MessageSource messages;

	private final RequirementText requirements;

	private final Dates dates;

	IncidentTexts(MessageSource messages, RequirementText requirements, Dates dates) {
		this.messages = messages;
		this.requirements = requirements;
		this.dates = dates;
	}

	/**
	 * Phrases the term an incident's report is measured against, e.g.
	 * {@code 第16条の「速やかに」（3日）: 期限 2026年12月9日}.
	 * @param deadline the report's deadline, may be {@code null}
	 * @return the text; for {@code null}, that no clause sets a term for this report
	 */
	public String term(ReportDeadline deadline) {
		if (deadline == null) {
			return text("incident.reportTerm.none");
		}
		String due = (deadline.dueAt() != null) ? this.dates.dateTime(deadline.dueAt())
				: this.dates.date(deadline.dueDate());
		if (deadline.policy() != null) {
			return text("incident.reportTerm.policy", deadline.clauseRef(),
					this.requirements.policy(deadline.policy().name()), this.requirements.period(deadline.within()),
					due);
		}
		if (deadline.within() != null) {
			return text("incident.reportTerm.period", deadline.clauseRef(), this.requirements.period(deadline.within()),
					due);
		}
		return text("incident.reportTerm.date", deadline.clauseRef(), due);
	}

	/**
	 * Formats a duration in days, hours and minutes (under a minute: in seconds).
	 * @param duration the duration, may be {@code null}
	 * @return the text, empty for {@code null}
	 */
	public String duration(Duration duration) {
		if (duration == null) {
			return "";
		}
		long seconds = Math.max(0, duration.toSeconds());
		if (seconds < 60) {
			return text("incident.duration.seconds", seconds);
		}
		long days = seconds / 86_400;
		long hours = (seconds % 86_400) / 3_600;
		long minutes = (seconds % 3_600) / 60;
		StringBuilder out = new StringBuilder();
		if (days > 0) {
			out.append(text("incident.duration.days", days));
		}
		if (hours > 0) {
			out.append(text("incident.duration.hours", hours));
		}
		if (minutes > 0 || out.length() == 0) {
			out.append(text("incident.duration.minutes", minutes));
		}
		return out.toString().strip();
	}

	private String text(String key, @Nullable Object... arguments) {
		return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

}
