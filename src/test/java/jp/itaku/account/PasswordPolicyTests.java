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
 * Password rules: at least 12 characters and a zxcvbn score of 3, as a whole and without
 * the user's own words, with advice in Japanese.
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
		assertThatNoException().isThrownBy(() -> this.policy.check("p", "kumo-hashiru-sakana-47", List.of()));
		assertThatNoException().isThrownBy(() -> this.policy.check("p", "Kumo-Hashiru-Sakana-47",
				GuessableWords.of("worker", "山田 太郎", "yamada@mirai.example.jp", "株式会社みらいデータサービス", 2026)));
		assertThatNoException().isThrownBy(() -> this.policy.check("p", "Tsuki-Kakeru-Usagi-83",
				GuessableWords.of("officer", "世田谷 花子", null, "世田谷区", 2026)));
	}

	@Test
	void aPasswordMadeOfTheUsersOwnWordsIsRefused() {
		assertOwnWords("worker-worker", GuessableWords.of("worker", "試験 利用者", null, "株式会社みらいデータサービス", 2026));
		assertOwnWords("W0rker-W0rker!", GuessableWords.of("worker", "試験 利用者", null, "株式会社みらいデータサービス", 2026));
		assertOwnWords("taro.yamada.taro", GuessableWords.of("taro.yamada", "山田 太郎", null, null, 2026));
	}

	@Test
	void theOrganisationsNameCountsRomanisedInEnglishOrAsWritten() {
		List<String> words = GuessableWords.of("lead", "責任者 一郎", null, "株式会社みらいデータサービス", 2026);
		assertOwnWords("mirai-data-service", words);
		assertOwnWords("Mirai.Deeta.Saabisu", words);
		assertOwnWords("miraidataservice2026", words);
		assertOwnWords("みらいデータサービス2026!", words);
	}

	@Test
	void theProductsWordsAndTheYearsAroundNowCount() {
		List<String> words = GuessableWords.of("officer", "担当 職員", null, "世田谷区", 2026);
		assertOwnWords("Itaku-2026-Demo", words);
		assertOwnWords("委託管理2027itaku", words);
		// The demo's shared password is seeded directly; a real user could not choose it.
		assertOwnWords("Demo-Itaku-Kanri-2026", words);
	}

	private void assertOwnWords(String password, List<String> words) {
		LocaleContextHolder.setLocale(Locale.JAPANESE);
		InvalidInputProblem problem = catchThrowableOfType(InvalidInputProblem.class,
				() -> this.policy.check("newPassword", password, words));
		assertThat(problem).as(password).isNotNull();
		assertThat(problem.getFieldProblems()).as(password).extracting(FieldProblem::field).containsOnly("newPassword");
		assertThat(problem.getFieldProblems()).as(password)
			.extracting(FieldProblem::messageKey)
			.containsAnyOf("password.ownWords", "password.tooWeak");
	}

}
