package jp.itaku.account;

import java.util.List;
import java.util.Locale;

import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem.FieldProblem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Password rules: at least 12 characters and a zxcvbn score of 3, with advice in
 * Japanese.
 */
class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy(
			new SecurityProperties(null, null, new SecurityProperties.Password(12, 3), null, null));

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void shortPasswordsAreRejectedNamingTheField() {
		InvalidInputProblem problem = catchThrowableOfType(InvalidInputProblem.class,
				() -> this.policy.check("newPassword", "Xy7#kq9!", List.of()));
		assertThat(problem.getFieldProblems()).extracting(FieldProblem::field, FieldProblem::messageKey)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("newPassword", "password.tooShort"));
	}

	@Test
	void longButGuessablePasswordsAreRejectedWithJapaneseAdvice() {
		LocaleContextHolder.setLocale(Locale.JAPANESE);
		InvalidInputProblem problem = catchThrowableOfType(InvalidInputProblem.class,
				() -> this.policy.check("newPassword", "password1234", List.of()));
		assertThat(problem.getFieldProblems()).first()
			.extracting(FieldProblem::messageKey)
			.isEqualTo("password.tooWeak");
		assertThat(problem.getFieldProblems()).filteredOn((p) -> p.messageKey().equals("password.advice"))
			.isNotEmpty()
			.allSatisfy((p) -> assertThat(p.arguments()[0].toString())
				.matches(".*[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}].*"));
	}

	@Test
	void theUsersOwnWordsCount() {
		assertThatNoException().isThrownBy(() -> this.policy.check("p", "hanakoinakamura", List.of()));
		assertThat(catchThrowableOfType(InvalidInputProblem.class,
				() -> this.policy.check("p", "hanakoinakamura", List.of("hanakoinakamura"))))
			.isNotNull();
	}

	@Test
	void strongPassphrasesPass() {
		assertThatNoException().isThrownBy(() -> this.policy.check("p", "Demo-Itaku-Kanri-2026", List.of("admin")));
		assertThatNoException().isThrownBy(() -> this.policy.check("p", "kumo-hashiru-sakana-47", List.of()));
	}

}
