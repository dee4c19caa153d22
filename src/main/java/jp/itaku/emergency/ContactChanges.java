package jp.itaku.emergency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * What changed between two versions of an emergency contact list, as the change notice
 * (変更届) states it: people added, people removed, and for each person kept (matched by
 * name, width and spaces ignored) every field whose value changed, with the value before
 * and after. Lines that did not change are not mentioned.
 */
public final class ContactChanges {

	private ContactChanges() {
	}

	/**
	 * Compares two versions.
	 * @param before the previous version's lines
	 * @param after the new lines
	 * @return the changes: additions and changes in the new list's order, then removals
	 * in the old list's order; empty when nothing changed
	 */
	static List<Change> between(List<EmergencyContact> before, List<EmergencyContact> after) {
		Map<String, EmergencyContact> previous = new LinkedHashMap<>();
		for (EmergencyContact contact : before) {
			previous.put(EmergencyContactRules.nameKey(contact.getName()), contact);
		}
		List<Change> changes = new ArrayList<>();
		for (EmergencyContact contact : after) {
			EmergencyContact old = previous.remove(EmergencyContactRules.nameKey(contact.getName()));
			if (old == null) {
				changes.add(new Change(Kind.ADDED, contact.getName(), null, null, null));
				continue;
			}
			for (Field field : Field.values()) {
				String was = field.value(old);
				String is = field.value(contact);
				if (!Objects.equals(was, is)) {
					changes.add(new Change(Kind.CHANGED, contact.getName(), field, was, is));
				}
			}
		}
		for (EmergencyContact gone : previous.values()) {
			changes.add(new Change(Kind.REMOVED, gone.getName(), null, null, null));
		}
		return changes;
	}

	/**
	 * What happened to a person.
	 */
	public enum Kind {

		/** On the new list only. */
		ADDED,

		/** On the old list only. */
		REMOVED,

		/** On both, with a field changed. */
		CHANGED

	}

	/**
	 * The fields compared, in the order of the table.
	 */
	public enum Field {

		PRIORITY((c) -> Integer.toString(c.getPriority())), NAME(EmergencyContact::getName),
		DEPARTMENT(EmergencyContact::getDepartment), JOB_TITLE(EmergencyContact::getJobTitle),
		PHONE(EmergencyContact::getPhone), MOBILE(EmergencyContact::getMobile), EMAIL(EmergencyContact::getEmail),
		HOURS(EmergencyContact::getHours), OUT_OF_HOURS((c) -> Boolean.toString(c.isOutOfHours())),
		NOTES(EmergencyContact::getNotes);

		private final Function<EmergencyContact, String> value;

		Field(Function<EmergencyContact, String> value) {
			this.value = value;
		}

		public String value(EmergencyContact contact) {
			return this.value.apply(contact);
		}

	}

	/**
	 * One change.
	 *
	 * @param kind added, removed or changed
	 * @param name the person's name (as on the new list, for a change)
	 * @param field the field changed, for {@link Kind#CHANGED}
	 * @param before its value before ({@code null} when empty)
	 * @param after its value after ({@code null} when empty)
	 */
	public record Change(Kind kind, String name, @Nullable Field field, @Nullable String before,
			@Nullable String after) {
	}

}
