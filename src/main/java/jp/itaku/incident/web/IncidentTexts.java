package jp.itaku.incident.web;

import java.time.Duration;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formats the measured times of an incident (detection to report, report to
 * acknowledgement) for pages, e.g. {@code 1時間5分}. Used as {@code @incidentTexts}.
 */
@Component("incidentTexts")
public class IncidentTexts {

	private final MessageSource messages;

	IncidentTexts(MessageSource messages) {
		this.messages = messages;
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

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

}
