package jp.itaku.account;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a person's and an organisation's names reach the password rules: romanised kana,
 * katakana words in English, no legal form, the product's words and the years.
 */
class GuessableWordsTests {

	@Test
	void kanaAreRomanisedAsPeopleTypeThem() {
		assertThat(Romaji.of("みらい")).contains("mirai");
		assertThat(Romaji.of("データ")).contains("deeta", "deta");
		assertThat(Romaji.of("サービス")).contains("saabisu", "sabisu");
		assertThat(Romaji.of("とうきょう")).contains("toukyou", "tokyo");
		assertThat(Romaji.of("きって")).contains("kitte");
		assertThat(Romaji.of("マッチ")).contains("matchi");
		assertThat(Romaji.of("ファイル")).contains("fairu");
		assertThat(Romaji.of("しゃしん")).contains("shashin");
		assertThat(Romaji.of("きょうと")).contains("kyouto", "kyoto");
	}

	@Test
	void anOrganisationsNameIsCutRomanisedAndTranslatedWithoutItsLegalForm() {
		List<String> words = GuessableWords.of("lead", "山田 太郎", "lead@mirai.example.jp", "株式会社みらいデータサービス", 2026);
		assertThat(words)
			.contains("みらい", "mirai", "データ", "data", "deeta", "サービス", "service", "saabisu", "miraideetasaabisu",
					"みらいデータサービス")
			.doesNotContain("株式会社");
		assertThat(GuessableWords.of("sublead", "x", null, "有限会社あおば入力センター", 2026)).contains("aoba", "入力", "center",
				"centre", "sentaa");
		assertThat(GuessableWords.of("lead2", "x", null, "株式会社さくら情報システム", 2026)).contains("sakura", "情報", "system",
				"shisutemu");
	}

	@Test
	void theUsersIdNameAndMailCount() {
		assertThat(GuessableWords.of("taro.yamada", "山田 太郎", "t.yamada@city.example.jp", null, 2026))
			.contains("taro.yamada", "taro", "yamada", "山田", "太郎", "山田太郎", "city", "example");
	}

	@Test
	void theProductsWordsAndTheYearsAroundNowCount() {
		assertThat(GuessableWords.of("x1y", "x", null, null, 2026)).contains("itaku", "委託", "demo", "2025", "2026",
				"2027", "reiwa8");
	}

	@Test
	void theRestOfAPasswordIsWhatTheWordsLeave() {
		List<String> words = List.of("worker", "itaku", "2026");
		assertThat(GuessableWords.withoutWords("Worker-ＩＴＡＫＵ-2026", words)).isEqualTo("--");
		assertThat(GuessableWords.unleet("W0rk3r")).isEqualTo("worker");
	}

}
