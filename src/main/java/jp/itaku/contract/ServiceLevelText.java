package jp.itaku.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Phrases a service-level target for people, in the reader's language, as an SLA annex
 * states it: {@code 99.5%以上}, {@code 30分以内}, {@code 0件以下}. Available in templates as
 * {@code @serviceLevelText}.
 */
@Component("serviceLevelText")
public class ServiceLevelText {

	private static final Pattern PARTS = Pattern.compile("P(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)S)?)?");

	private static final String[] UNITS = { "days", "hours", "minutes", "seconds" };

	private final MessageSource messages;

	ServiceLevelText(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * Phrases a target with its direction.
	 * @param target the target
	 * @return e.g. {@code 99.5%以上}, {@code 1日 12時間以内}, {@code 0件以下}
	 */
	public @Nullable String target(ServiceLevelTarget target) {
		String value = (target.getMetric() == ServiceLevelMetric.DURATION_MAX) ? duration(target.getTargetDuration())
				: target.getTarget();
		return text("contract.serviceLevel.target." + target.getMetric().name(), value);
	}

	/**
	 * Phrases an ISO-8601 duration of days, hours, minutes and seconds as written (P2D
	 * stays two days, PT48H stays 48 hours).
	 * @param iso e.g. {@code PT30M}
	 * @return e.g. {@code 30分}; the text itself when it is no such duration
	 */
	public String duration(@Nullable String iso) {
		Matcher matcher = PARTS.matcher((iso != null) ? iso : "");
		if (!matcher.matches()) {
			return (iso != null) ? iso : "";
		}
		List<String> parts = new ArrayList<>();
		for (int i = 0; i < UNITS.length; i++) {
			if (matcher.group(i + 1) != null) {
				parts.add(text("contract.serviceLevel." + UNITS[i], Long.parseLong(matcher.group(i + 1))));
			}
		}
		// 1日12時間, but 1 day 12 hours
		return String.join(
				Locale.JAPANESE.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage()) ? "" : " ", parts);
	}

	private String text(String key, @Nullable Object... arguments) {
		Locale locale = LocaleContextHolder.getLocale();
		String message = this.messages.getMessage(key, arguments, key, locale);
		// the default (the key) when the key is missing: never null
		return (message != null) ? message : key;
	}

}
