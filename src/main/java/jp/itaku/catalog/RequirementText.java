package jp.itaku.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jp.itaku.catalog.ProfileDefinition.Deadline;
import jp.itaku.catalog.ProfileDefinition.Trigger;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Phrases a requirement's structured fields for people, in the reader's language: its
 * trigger ("行為の前：持ち出し"), deadline ("前月の20日まで"), conditions and labels. Available in
 * templates as {@code @requirementText}.
 */
@Component("requirementText")
public class RequirementText {

	private static final Pattern ISO = Pattern
		.compile("P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)W)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?)?");

	private static final String[] UNITS = { "years", "months", "weeks", "days", "hours", "minutes" };

	private final MessageSource messages;

	RequirementText(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * Returns the label of a vocabulary term.
	 * @param prefix the term's prefix, e.g. {@code deliverable}
	 * @param value the term
	 * @return its label, or empty for {@code null}
	 */
	public String label(String prefix, @Nullable Enum<?> value) {
		return (value != null) ? text(prefix + "." + value.name()) : "";
	}

	/**
	 * Phrases when a requirement becomes due.
	 * @param trigger the trigger
	 * @return e.g. {@code 事象の発生時：事故の発生}
	 */
	public @Nullable String trigger(Trigger trigger) {
		String type = label("triggerType", trigger.type());
		String detail = switch (trigger.type()) {
			case ON_CHANGE -> label("changeSubject", trigger.subject());
			case ON_EVENT -> label("triggerEvent", trigger.event());
			case BEFORE_ACTION -> label("guardedAction", trigger.action());
			case PERIODIC -> "AS_AGREED".equals(trigger.interval()) ? text("trigger.periodic.asAgreed")
					: text("trigger.periodic.interval", period(trigger.interval()));
			default -> "";
		};
		return detail.isEmpty() ? type : type + "：" + detail;
	}

	/**
	 * Phrases a deadline rule.
	 * @param deadline the rule, may be {@code null}
	 * @return e.g. {@code 前月の20日まで}, empty for none
	 */
	// ProfileParser requires the day and the month offset of a DAY_OF_MONTH deadline
	@SuppressWarnings("NullAway")
	public @Nullable String deadline(Deadline deadline) {
		if (deadline == null) {
			return "";
		}
		return switch (deadline.type()) {
			case POLICY -> label("deadlinePolicy", deadline.policy());
			case DAY_OF_MONTH -> text("deadline.dayOfMonth", deadline.day(), month(deadline.monthOffset()));
			case BEFORE_ACTION -> text("deadline.beforeAction");
			case WITHIN -> text("deadline.within", period(deadline.period()));
			case RETENTION -> text("deadline.retention", period(deadline.period()));
		};
	}

	/**
	 * Phrases the conditions under which a requirement applies.
	 * @param attributes the contract attributes that must hold
	 * @return their labels joined, empty when always
	 */
	public String conditions(List<ContractAttribute> attributes) {
		return attributes.stream().map((a) -> label("contractAttribute", a)).collect(Collectors.joining("、"));
	}

	/**
	 * Phrases a list of terms.
	 * @param prefix their prefix
	 * @param values the terms
	 * @return their labels joined
	 */
	public String labels(String prefix, Collection<? extends Enum<?>> values) {
		return values.stream().map((v) -> label(prefix, v)).sorted().collect(Collectors.joining("、"));
	}

	/**
	 * Returns the label of a named deadline.
	 * @param policy the policy's name, e.g. {@code PROMPTLY}
	 * @return its label, e.g. 速やかに
	 */
	public @Nullable String policy(String policy) {
		return label("deadlinePolicy", DeadlinePolicy.valueOf(policy));
	}

	/**
	 * Phrases an ISO-8601 duration.
	 * @param iso e.g. {@code P3M}
	 * @return e.g. {@code 3か月}
	 */
	public String period(@Nullable String iso) {
		Matcher matcher = ISO.matcher((iso != null) ? iso : "");
		if (!matcher.matches()) {
			return (iso != null) ? iso : "";
		}
		List<String> parts = new ArrayList<>();
		for (int i = 0; i < UNITS.length; i++) {
			if (matcher.group(i + 1) != null) {
				parts.add(text("period." + UNITS[i], Integer.parseInt(matcher.group(i + 1))));
			}
		}
		return String.join(" ", parts);
	}

	private String month(int offset) {
		return switch (offset) {
			case -1 -> text("deadline.month.previous");
			case 0 -> text("deadline.month.same");
			case 1 -> text("deadline.month.next");
			default -> text("deadline.month.offset", offset);
		};
	}

	private String text(String key, @Nullable Object... arguments) {
		Locale locale = LocaleContextHolder.getLocale();
		String message = this.messages.getMessage(key, arguments, key, locale);
		// the default (the key) when the key is missing: never null
		return (message != null) ? message : key;
	}

}
