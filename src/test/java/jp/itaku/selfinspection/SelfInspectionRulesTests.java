package jp.itaku.selfinspection;

import java.time.LocalDate;
import java.util.UUID;

import jp.itaku.platform.InvalidInputProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules of an answer (Kadoma 11(1)): a "no" needs a corrective action and its due
 * date, naming the question; another answer drops the action; an action is done once. And
 * when a typical item is demanded by a clause.
 */
class SelfInspectionRulesTests {

	private static final Question SHARING = new Question("R:14(9)ア:0", "14(9)ア", "IDとパスワードを他者と共有しない",
			"Do not share IDs or passwords with others", false);

	private static final LocalDate DUE = LocalDate.of(2026, 12, 15);

	@Test
	void aNoWithoutACorrectiveActionOrItsDueDateIsRefusedNamingTheQuestion() {
		SelfInspectionAnswer answer = new SelfInspectionAnswer(UUID.randomUUID(), SHARING);
		assertThatThrownBy(() -> answer.answer(Answer.NO, "共用IDあり", " ", DUE, "answers[3]"))
			.isInstanceOf(InvalidInputProblem.class)
			.satisfies((e) -> {
				var problem = ((InvalidInputProblem) e).getFieldProblems().get(0);
				assertThat(problem.field()).isEqualTo("answers[3].correctiveAction");
				assertThat(problem.messageKey()).isEqualTo("selfinspection.action.required");
				assertThat(problem.arguments()).containsExactly("14(9)ア", "IDとパスワードを他者と共有しない");
			});
		assertThatThrownBy(() -> answer.answer(Answer.NO, null, "共用IDを廃止する", null, "answers[3]"))
			.isInstanceOf(InvalidInputProblem.class)
			.satisfies((e) -> assertThat(((InvalidInputProblem) e).getFieldProblems().get(0).field())
				.isEqualTo("answers[3].actionDue"));
		assertThat(answer.getAnswer()).isNull();
	}

	@Test
	void aNoKeepsItsActionUntilDoneAndAnotherAnswerDropsIt() {
		SelfInspectionAnswer answer = new SelfInspectionAnswer(UUID.randomUUID(), SHARING);
		answer.answer(Answer.NO, null, "共用IDを廃止する", DUE, "answers[0]");
		assertThat(answer.isActionOpen()).isTrue();
		answer.actionDone(LocalDate.of(2026, 12, 1));
		assertThat(answer.isActionOpen()).isFalse();
		assertThatThrownBy(() -> answer.actionDone(LocalDate.of(2026, 12, 2))).isInstanceOf(InvalidInputProblem.class);
		answer.answer(Answer.YES, "是正済み", null, null, "answers[0]");
		assertThat(answer.getCorrectiveAction()).isNull();
		assertThat(answer.getActionDue()).isNull();
		assertThat(answer.getRemarks()).isEqualTo("是正済み");
	}

	@Test
	void aTypicalItemIsDemandedOnlyByAClauseThatNamesIt() {
		assertThat(TypicalItem.NO_SHARED_CREDENTIALS.matches("IDとパスワードを他者と共有しない")).isTrue();
		assertThat(TypicalItem.PASSWORD_LENGTH.matches("パスワードは十分な長さで、推測しにくい文字列にする")).isTrue();
		assertThat(TypicalItem.LOCK_SCREEN.matches("端末を離れるときはログオフし、業務終了後は端末をシャットダウンする")).isTrue();
		assertThat(TypicalItem.MEDIA_LOCKED.matches("履行場所の施錠が必要なときは、市の指示に従い適切に施錠する")).isFalse();
		assertThat(TypicalItem.NO_PRIVATE_DEVICES.matches("IDとパスワードを他者と共有しない")).isFalse();
		assertThat(TypicalItem.VIRUS_DEFINITIONS.matches(null)).isFalse();
	}

}
