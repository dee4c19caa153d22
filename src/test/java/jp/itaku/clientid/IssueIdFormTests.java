package jp.itaku.clientid;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jp.itaku.platform.ItakuProblem.FieldProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of an issued ID that the form alone can tell, each naming its field.
 */
class IssueIdFormTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

	@Test
	void aCompleteVerificationIdIsValid() {
		assertThat(valid().problems(TODAY)).isEmpty();
	}

	@Test
	void anEmptyFormNamesEveryRequiredField() {
		IssueIdForm form = new IssueIdForm();
		assertThat(fields(form.problems(TODAY))).containsExactly("memberId", "value", "systemName", "issuedOn");
		form.setKind(null);
		assertThat(fields(form.problems(TODAY))).contains("kind");
	}

	@Test
	void anOperatorIdNeedsTheVerificationIdItHangsUnder() {
		IssueIdForm form = valid();
		form.setKind(IdKind.OPERATOR);
		assertThat(form.problems(TODAY)).singleElement().satisfies((p) -> {
			assertThat(p.field()).isEqualTo("parentId");
			assertThat(p.messageKey()).isEqualTo("clientid.parentId.required");
		});
		form.setParentId(UUID.randomUUID());
		assertThat(form.problems(TODAY)).isEmpty();
	}

	@Test
	void theIdHasNoSpacesAndAtMostSixtyFourCharacters() {
		IssueIdForm form = valid();
		form.setValue("KDM V-1");
		assertThat(form.problems(TODAY)).extracting(FieldProblem::messageKey)
			.containsExactly("clientid.value.whitespace");
		form.setValue("KDM\u3000V-1");
		assertThat(form.problems(TODAY)).extracting(FieldProblem::messageKey)
			.containsExactly("clientid.value.whitespace");
		form.setValue("  KDM-V-1  ");
		assertThat(form.problems(TODAY)).isEmpty();
		form.setValue("V".repeat(65));
		assertThat(form.problems(TODAY)).extracting(FieldProblem::messageKey).containsExactly("clientid.value.tooLong");
	}

	@Test
	void anIdCannotBeIssuedInTheFuture() {
		IssueIdForm form = valid();
		form.setIssuedOn(TODAY.plusDays(1));
		assertThat(form.problems(TODAY)).extracting(FieldProblem::field).containsExactly("issuedOn");
		form.setIssuedOn(TODAY);
		assertThat(form.problems(TODAY)).isEmpty();
	}

	static IssueIdForm valid() {
		IssueIdForm form = new IssueIdForm();
		form.setMemberId(UUID.randomUUID());
		form.setKind(IdKind.VERIFICATION);
		form.setValue("KDM-V-1001");
		form.setSystemName("窓口専用端末");
		form.setIssuedOn(TODAY.minusDays(3));
		return form;
	}

	private static List<String> fields(List<FieldProblem> problems) {
		return problems.stream().map(FieldProblem::field).toList();
	}

}
