package jp.itaku.roster;

import java.time.LocalDate;

import jp.itaku.platform.Dates;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Roster values as people read them, in the reader's language, for the pages (bean
 * {@code rosterTexts}): a field change as "役割: 従事者 → 業務責任者". A change of nationality is
 * shown without its values.
 */
@Component("rosterTexts")
public class RosterTexts {

	private final MessageSource messages;

	private final Dates dates;

	RosterTexts(MessageSource messages, Dates dates) {
		this.messages = messages;
		this.dates = dates;
	}

	/**
	 * Describes one changed field.
	 * @param change the change
	 * @return e.g. {@code 作業場所: 本社 → 区役所}
	 */
	public @Nullable String change(FieldChange change) {
		String field = text("roster.field." + change.field());
		if ("nationality".equals(change.field())) {
			return text("roster.change.nationality", field);
		}
		return text("roster.change.field", field, value(change.field(), change.before()),
				value(change.field(), change.after()));
	}

	/**
	 * Renders a stored value.
	 * @param field the field
	 * @param code the stored code
	 * @return the value as people read it; a dash for none
	 */
	public @Nullable String value(String field, @Nullable String code) {
		if (code == null) {
			return text("roster.none");
		}
		return switch (field) {
			case "role" -> text("roster.role." + code);
			case "handlesPersonalInformation", "handoverPerson" -> text("roster.bool." + code);
			case "periodStart", "plannedEnd", "actualEnd" -> this.dates.date(LocalDate.parse(code));
			default -> code;
		};
	}

	private String text(String key, @Nullable Object... arguments) {
		String message = this.messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
		// the default (the key) when the key is missing: never null
		return (message != null) ? message : key;
	}

}
