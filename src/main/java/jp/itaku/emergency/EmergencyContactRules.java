package jp.itaku.emergency;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem.FieldProblem;

import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * What an emergency contact list must hold to be of use to a municipal officer who has to
 * reach the contractor at once (直ちに) — at night and on holidays too:
 * <ul>
 * <li>at least one line and at most {@value #MAX_ENTRIES}; blank lines are ignored;</li>
 * <li>each line: a priority (連絡順位, 1–99, no two lines the same, so the order of calling
 * is unambiguous), a name (unique in the list, so that a change can be told apart from a
 * replacement), a department (所属・部署), the hours when the person can be reached (連絡可能時間帯,
 * free text such as 平日 9:00〜17:45), and a telephone or a mobile number — an e-mail
 * address alone does not reach anyone at night;</li>
 * <li>telephone numbers in Japanese domestic formats: 10 digits for fixed lines (03-…,
 * 0120-…, 0570-…), 11 digits for mobile, IP and 0800 numbers; hyphens, spaces and
 * brackets anywhere, full-width digits and a leading +81 are accepted and normalised; a
 * mobile number must be a mobile one (060/070/080/090);</li>
 * <li>an e-mail address, when given, of the usual form;</li>
 * <li>at least one line marked reachable outside office hours (夜間・休日も可): incidents must
 * be reported immediately whenever they happen, so a list that only works during office
 * hours is refused.</li>
 * </ul>
 * Every problem names its line ({@code entries[i].field}) and the line number the user
 * sees.
 */
final class EmergencyContactRules {

	static final int MAX_ENTRIES = 20;

	private static final Pattern EMAIL = Pattern.compile(
			"[A-Za-z0-9._%+\\-]+@[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?)+");

	private static final Pattern DASHES = Pattern.compile("[\\u2010-\\u2015\\u2212\\u30FC\\uFF70\\uFE63]");

	private EmergencyContactRules() {
	}

	/**
	 * Validates and normalises the lines of a list.
	 * @param inputs the lines as entered, blank ones included
	 * @return the lines, sorted by priority
	 * @throws InvalidInputProblem naming every line and field at fault
	 */
	static List<EmergencyContact> validate(List<EmergencyContactInput> inputs) {
		List<FieldProblem> problems = new ArrayList<>();
		List<EmergencyContact> contacts = new ArrayList<>();
		Map<Integer, Integer> priorities = new HashMap<>();
		Map<String, Integer> names = new HashMap<>();
		int lines = 0;
		for (int i = 0; i < inputs.size(); i++) {
			EmergencyContactInput input = inputs.get(i);
			if (input == null || input.isBlank()) {
				continue;
			}
			lines++;
			int row = i + 1;
			String at = "entries[" + i + "].";
			Integer priority = priority(input.getPriority());
			if (priority == null) {
				problems.add(new FieldProblem(at + "priority", "emergency.entry.priority.invalid", row));
			}
			else if (priorities.containsKey(priority)) {
				problems.add(new FieldProblem(at + "priority", "emergency.entry.priority.duplicate", row, priority,
						priorities.get(priority)));
			}
			else {
				priorities.put(priority, row);
			}
			String name = text(input.getName());
			if (name == null) {
				problems.add(new FieldProblem(at + "name", "emergency.entry.name.required", row));
			}
			else if (names.containsKey(nameKey(name))) {
				problems.add(new FieldProblem(at + "name", "emergency.entry.name.duplicate", row, name,
						names.get(nameKey(name))));
			}
			else {
				names.put(nameKey(name), row);
			}
			String department = text(input.getDepartment());
			if (department == null) {
				problems.add(new FieldProblem(at + "department", "emergency.entry.department.required", row));
			}
			String hours = text(input.getHours());
			if (hours == null) {
				problems.add(new FieldProblem(at + "hours", "emergency.entry.hours.required", row));
			}
			String phone = phoneText(input.getPhone());
			String mobile = phoneText(input.getMobile());
			if (phone == null && mobile == null) {
				problems.add(new FieldProblem(at + "phone", "emergency.entry.phone.missing", row));
			}
			if (phone != null && !isJapanesePhoneNumber(phone)) {
				problems.add(new FieldProblem(at + "phone", "emergency.entry.phone.invalid", row, phone));
			}
			if (mobile != null && !isJapaneseMobileNumber(mobile)) {
				problems.add(new FieldProblem(at + "mobile", "emergency.entry.mobile.invalid", row, mobile));
			}
			String email = text(input.getEmail());
			if (email != null) {
				email = Normalizer.normalize(email, Normalizer.Form.NFKC).strip();
				if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
					problems.add(new FieldProblem(at + "email", "emergency.entry.email.invalid", row, email));
				}
			}
			String jobTitle = text(input.getJobTitle());
			String notes = text(input.getNotes());
			length(problems, at, row, "name", name, 100);
			length(problems, at, row, "department", department, 100);
			length(problems, at, row, "jobTitle", jobTitle, 60);
			length(problems, at, row, "hours", hours, 100);
			length(problems, at, row, "notes", notes, 500);
			length(problems, at, row, "phone", phone, 30);
			length(problems, at, row, "mobile", mobile, 30);
			contacts.add(new EmergencyContact((priority != null) ? priority : 0, name, department, jobTitle, phone,
					mobile, email, hours, input.isOutOfHours(), notes));
		}
		if (lines == 0) {
			problems.add(new FieldProblem("entries", "emergency.entries.required"));
		}
		else if (lines > MAX_ENTRIES) {
			problems.add(new FieldProblem("entries", "emergency.entries.tooMany", MAX_ENTRIES));
		}
		else if (contacts.stream()
			.noneMatch((c) -> c.isOutOfHours() && (c.getPhone() != null || c.getMobile() != null))) {
			problems.add(new FieldProblem("entries", "emergency.entries.outOfHoursRequired"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		contacts.sort(Comparator.comparingInt(EmergencyContact::getPriority));
		return contacts;
	}

	/**
	 * Returns whether a number is a Japanese telephone number in domestic form (or +81).
	 * @param number the number, hyphens and spaces allowed
	 * @return {@code true} for a fixed-line, mobile, IP or toll-free number of the right
	 * length
	 */
	static boolean isJapanesePhoneNumber(String number) {
		String digits = digits(number);
		if (digits == null || digits.charAt(0) != '0' || digits.charAt(1) == '0') {
			return false;
		}
		if (digits.startsWith("060")) {
			// 060 mobile numbers have 11 digits; Osaka's 06 area has 10.
			return digits.length() == 10 || digits.length() == 11;
		}
		boolean elevenDigitPrefix = digits.startsWith("050") || digits.startsWith("070") || digits.startsWith("080")
				|| digits.startsWith("090") || digits.startsWith("0800");
		return elevenDigitPrefix ? digits.length() == 11 : digits.length() == 10;
	}

	/**
	 * Returns whether a number is a Japanese mobile number (060, 070, 080, 090; 11
	 * digits).
	 * @param number the number, hyphens and spaces allowed
	 * @return {@code true} for a mobile number
	 */
	static boolean isJapaneseMobileNumber(String number) {
		String digits = digits(number);
		return digits != null && digits.length() == 11 && digits.matches("0[6-9]0\\d{8}");
	}

	/**
	 * Returns the domestic digits of a number: separators removed, +81 turned into the
	 * leading 0; {@code null} when anything but digits remains.
	 */
	private static @Nullable String digits(String number) {
		String text = phoneText(number);
		if (text == null) {
			return null;
		}
		String digits = text.replaceAll("[\\s\\-()]", "");
		if (digits.startsWith("+81")) {
			digits = digits.substring(3);
			digits = digits.startsWith("0") ? digits : "0" + digits;
		}
		return (digits.length() >= 2 && digits.chars().allMatch((c) -> c >= '0' && c <= '9')) ? digits : null;
	}

	/**
	 * Returns a number as it is kept: half-width digits and ASCII hyphens, trimmed.
	 */
	private static @Nullable String phoneText(@Nullable String number) {
		String text = text(number);
		if (text == null) {
			return null;
		}
		text = DASHES.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("-");
		return text.strip();
	}

	private static @Nullable Integer priority(@Nullable String value) {
		String text = text(value);
		if (text == null) {
			return null;
		}
		text = Normalizer.normalize(text, Normalizer.Form.NFKC);
		if (!text.matches("\\d{1,2}")) {
			return null;
		}
		int priority = Integer.parseInt(text);
		return (priority >= 1) ? priority : null;
	}

	/**
	 * Returns how a name is compared: width-normalised, without any space.
	 * @param name the name
	 * @return its key
	 */
	static String nameKey(String name) {
		return Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("\\s", "");
	}

	private static void length(List<FieldProblem> problems, String at, int row, String field, @Nullable String value,
			int max) {
		if (value != null && value.length() > max) {
			problems.add(new FieldProblem(at + field, "emergency.entry.tooLong", row,
					new DefaultMessageSourceResolvable("emergency.field." + field), max));
		}
	}

	private static @Nullable String text(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
