package jp.itaku.emergency;

import java.util.List;

import jp.itaku.emergency.ContactChanges.Change;
import jp.itaku.emergency.ContactChanges.Field;
import jp.itaku.emergency.ContactChanges.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The change notice states exactly what changed: people added and removed, and for people
 * kept only the fields that changed, with before and after.
 */
class ContactChangesTests {

	private static final EmergencyContact TARO = contact(1, "受託 太郎", "03-0000-0001", "090-0000-0001", true);

	private static final EmergencyContact JIRO = contact(2, "作業 次郎", "03-0000-0002", null, false);

	@Test
	void theSameListHasNoChanges() {
		assertThat(ContactChanges.between(List.of(TARO, JIRO), List.of(TARO.copy(), JIRO.copy()))).isEmpty();
	}

	@Test
	void onlyTheChangedFieldOfAKeptPersonIsStated() {
		EmergencyContact jiroMoved = contact(2, "作業 次郎", "03-0000-0012", "080-0000-0002", false);

		List<Change> changes = ContactChanges.between(List.of(TARO, JIRO), List.of(TARO, jiroMoved));

		assertThat(changes).containsExactly(
				new Change(Kind.CHANGED, "作業 次郎", Field.PHONE, "03-0000-0002", "03-0000-0012"),
				new Change(Kind.CHANGED, "作業 次郎", Field.MOBILE, null, "080-0000-0002"));
	}

	@Test
	void additionsAndRemovalsAreStatedAndAReorderIsAChangeOfPriority() {
		EmergencyContact saburo = contact(1, "運用 三子", "03-0000-0003", null, true);
		EmergencyContact taroSecond = contact(2, "受託　太郎", "03-0000-0001", "090-0000-0001", true);

		List<Change> changes = ContactChanges.between(List.of(TARO, JIRO), List.of(saburo, taroSecond));

		assertThat(changes).containsExactly(new Change(Kind.ADDED, "運用 三子", null, null, null),
				new Change(Kind.CHANGED, "受託　太郎", Field.PRIORITY, "1", "2"),
				new Change(Kind.CHANGED, "受託　太郎", Field.NAME, "受託 太郎", "受託　太郎"),
				new Change(Kind.REMOVED, "作業 次郎", null, null, null));
	}

	private static EmergencyContact contact(int priority, String name, String phone, String mobile,
			boolean outOfHours) {
		return new EmergencyContact(priority, name, "株式会社テスト 運用部", null, phone, mobile, null, "平日 9:00〜17:45",
				outOfHours, null);
	}

}
