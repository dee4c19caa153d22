package jp.itaku.emergency;

import java.util.ArrayList;
import java.util.List;

import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem.FieldProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The rules of an emergency contact list: Japanese telephone formats, an e-mail format,
 * one contact reachable outside office hours, unique order and names, and every problem
 * naming its line and field.
 */
class EmergencyContactRulesTests {

	@Test
	void aValidListIsNormalisedAndSortedByPriority() {
		List<EmergencyContact> contacts = EmergencyContactRules
			.validate(List.of(line("2", "作業 次郎", "０３－００００－１００２", null, "平日 9:00〜17:45", false),
					new EmergencyContactInput(), line("１", "受託 太郎", null, "090ー0000ー1001", "24時間", true)));

		assertThat(contacts).extracting(EmergencyContact::getName).containsExactly("受託 太郎", "作業 次郎");
		assertThat(contacts.get(0).getPriority()).isEqualTo(1);
		assertThat(contacts.get(0).getMobile()).isEqualTo("090-0000-1001");
		assertThat(contacts.get(1).getPhone()).isEqualTo("03-0000-1002");
	}

	@Test
	void japaneseTelephoneNumbersOfEveryKindAreAccepted() {
		assertThat(List.of("03-0000-0000", "0300000000", "06-0000-0000", "045-000-0000", "0276-00-0000", "01564-0-0000",
				"0120-000-000", "0570-000-000", "0800-000-0000", "050-0000-0000", "090-0000-0000", "080 0000 0000",
				"(03)0000-0000", "+81-3-0000-0000", "+81 90 0000 0000"))
			.allSatisfy((n) -> assertThat(EmergencyContactRules.isJapanesePhoneNumber(n)).as(n).isTrue());
	}

	@Test
	void numbersOfTheWrongLengthOrFormAreRefused() {
		assertThat(List.of("03-0000-000", "03-0000-00000", "090-0000-000", "050-000-0000", "0120-000-0000",
				"3-0000-0000", "00-0000-0000", "03-0000-000a", "110", "内線123"))
			.allSatisfy((n) -> assertThat(EmergencyContactRules.isJapanesePhoneNumber(n)).as(n).isFalse());
		assertThat(EmergencyContactRules.isJapaneseMobileNumber("090-0000-0000")).isTrue();
		assertThat(EmergencyContactRules.isJapaneseMobileNumber("070-0000-0000")).isTrue();
		assertThat(EmergencyContactRules.isJapaneseMobileNumber("050-0000-0000")).isFalse();
		assertThat(EmergencyContactRules.isJapaneseMobileNumber("03-0000-0000")).isFalse();
	}

	@Test
	void everyProblemNamesItsLineAndField() {
		EmergencyContactInput noPhone = line("1", "受託 太郎", null, null, "24時間", true);
		EmergencyContactInput badNumbers = line("2", "作業 次郎", "03-000-000", "03-0000-0000", " ", false);
		badNumbers.setEmail("jiro@@example");
		badNumbers.setDepartment(null);

		InvalidInputProblem problem = catchThrowableOfType(InvalidInputProblem.class,
				() -> EmergencyContactRules.validate(List.of(noPhone, badNumbers)));

		assertThat(problem.getFieldProblems()).extracting(FieldProblem::field, FieldProblem::messageKey)
			.contains(org.assertj.core.groups.Tuple.tuple("entries[0].phone", "emergency.entry.phone.missing"),
					org.assertj.core.groups.Tuple.tuple("entries[1].department", "emergency.entry.department.required"),
					org.assertj.core.groups.Tuple.tuple("entries[1].hours", "emergency.entry.hours.required"),
					org.assertj.core.groups.Tuple.tuple("entries[1].phone", "emergency.entry.phone.invalid"),
					org.assertj.core.groups.Tuple.tuple("entries[1].mobile", "emergency.entry.mobile.invalid"),
					org.assertj.core.groups.Tuple.tuple("entries[1].email", "emergency.entry.email.invalid"));
		assertThat(problem.getFieldProblems()).filteredOn((p) -> p.field().equals("entries[1].phone"))
			.singleElement()
			.satisfies((p) -> assertThat(p.arguments()).containsExactly(2, "03-000-000"));
	}

	@Test
	void aListNobodyCanBeReachedOnAtNightIsRefused() {
		InvalidInputProblem problem = catchThrowableOfType(InvalidInputProblem.class, () -> EmergencyContactRules
			.validate(List.of(line("1", "受託 太郎", "03-0000-0001", null, "平日 9:00〜17:45", false))));

		assertThat(problem.getFieldProblems()).extracting(FieldProblem::field, FieldProblem::messageKey)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("entries", "emergency.entries.outOfHoursRequired"));
	}

	@Test
	void anEmptyListAndDuplicateOrderOrNamesAreRefused() {
		assertThat(catchThrowableOfType(InvalidInputProblem.class,
				() -> EmergencyContactRules.validate(List.of(new EmergencyContactInput())))
			.getFieldProblems()).extracting(FieldProblem::messageKey).containsExactly("emergency.entries.required");

		InvalidInputProblem problem = catchThrowableOfType(InvalidInputProblem.class,
				() -> EmergencyContactRules.validate(List.of(line("1", "受託 太郎", "03-0000-0001", null, "24時間", true),
						line("1", "受託　太郎", "03-0000-0002", null, "24時間", true),
						line("x", "作業 次郎", "03-0000-0003", null, "24時間", true))));
		assertThat(problem.getFieldProblems()).extracting(FieldProblem::field, FieldProblem::messageKey)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple("entries[1].priority", "emergency.entry.priority.duplicate"),
					org.assertj.core.groups.Tuple.tuple("entries[1].name", "emergency.entry.name.duplicate"),
					org.assertj.core.groups.Tuple.tuple("entries[2].priority", "emergency.entry.priority.invalid"));
	}

	@Test
	void moreThanTwentyLinesAreRefused() {
		List<EmergencyContactInput> lines = new ArrayList<>();
		for (int i = 1; i <= 21; i++) {
			lines.add(line(Integer.toString(i), "連絡 " + i, "03-0000-00" + (10 + i), null, "24時間", true));
		}
		assertThat(catchThrowableOfType(InvalidInputProblem.class, () -> EmergencyContactRules.validate(lines))
			.getFieldProblems()).extracting(FieldProblem::messageKey).containsExactly("emergency.entries.tooMany");
	}

	static EmergencyContactInput line(String priority, String name, String phone, String mobile, String hours,
			boolean outOfHours) {
		EmergencyContactInput line = new EmergencyContactInput();
		line.setPriority(priority);
		line.setName(name);
		line.setDepartment("株式会社テスト 運用部");
		line.setPhone(phone);
		line.setMobile(mobile);
		line.setHours(hours);
		line.setOutOfHours(outOfHours);
		return line;
	}

}
