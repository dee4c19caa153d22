package jp.itaku.account;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Kana written in Latin letters (Hepburn, as people type it in a password): みらい →
 * {@code mirai}, データ → {@code deeta} and {@code deta}, とうきょう → {@code toukyou} and
 * {@code tokyo}. Kanji have no reading here (that needs a dictionary) and stay out.
 */
final class Romaji {

	private static final Map<Character, String> KANA = Map.ofEntries(Map.entry('ア', "a"), Map.entry('イ', "i"),
			Map.entry('ウ', "u"), Map.entry('エ', "e"), Map.entry('オ', "o"), Map.entry('カ', "ka"), Map.entry('キ', "ki"),
			Map.entry('ク', "ku"), Map.entry('ケ', "ke"), Map.entry('コ', "ko"), Map.entry('サ', "sa"),
			Map.entry('シ', "shi"), Map.entry('ス', "su"), Map.entry('セ', "se"), Map.entry('ソ', "so"),
			Map.entry('タ', "ta"), Map.entry('チ', "chi"), Map.entry('ツ', "tsu"), Map.entry('テ', "te"),
			Map.entry('ト', "to"), Map.entry('ナ', "na"), Map.entry('ニ', "ni"), Map.entry('ヌ', "nu"),
			Map.entry('ネ', "ne"), Map.entry('ノ', "no"), Map.entry('ハ', "ha"), Map.entry('ヒ', "hi"),
			Map.entry('フ', "fu"), Map.entry('ヘ', "he"), Map.entry('ホ', "ho"), Map.entry('マ', "ma"),
			Map.entry('ミ', "mi"), Map.entry('ム', "mu"), Map.entry('メ', "me"), Map.entry('モ', "mo"),
			Map.entry('ヤ', "ya"), Map.entry('ユ', "yu"), Map.entry('ヨ', "yo"), Map.entry('ラ', "ra"),
			Map.entry('リ', "ri"), Map.entry('ル', "ru"), Map.entry('レ', "re"), Map.entry('ロ', "ro"),
			Map.entry('ワ', "wa"), Map.entry('ヰ', "i"), Map.entry('ヱ', "e"), Map.entry('ヲ', "o"), Map.entry('ン', "n"),
			Map.entry('ガ', "ga"), Map.entry('ギ', "gi"), Map.entry('グ', "gu"), Map.entry('ゲ', "ge"),
			Map.entry('ゴ', "go"), Map.entry('ザ', "za"), Map.entry('ジ', "ji"), Map.entry('ズ', "zu"),
			Map.entry('ゼ', "ze"), Map.entry('ゾ', "zo"), Map.entry('ダ', "da"), Map.entry('ヂ', "ji"),
			Map.entry('ヅ', "zu"), Map.entry('デ', "de"), Map.entry('ド', "do"), Map.entry('バ', "ba"),
			Map.entry('ビ', "bi"), Map.entry('ブ', "bu"), Map.entry('ベ', "be"), Map.entry('ボ', "bo"),
			Map.entry('パ', "pa"), Map.entry('ピ', "pi"), Map.entry('プ', "pu"), Map.entry('ペ', "pe"),
			Map.entry('ポ', "po"), Map.entry('ヴ', "vu"), Map.entry('ァ', "a"), Map.entry('ィ', "i"), Map.entry('ゥ', "u"),
			Map.entry('ェ', "e"), Map.entry('ォ', "o"), Map.entry('ャ', "ya"), Map.entry('ュ', "yu"), Map.entry('ョ', "yo"),
			Map.entry('ヮ', "wa"));

	private static final String SMALL_Y = "ャュョ";

	private static final String SMALL_VOWELS = "ァィゥェォ";

	private Romaji() {
	}

	/**
	 * Returns whether a character is kana (hiragana, katakana or the prolonged sound
	 * mark).
	 * @param c the character
	 * @return {@code true} for kana
	 */
	static boolean isKana(int c) {
		Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
		return block == Character.UnicodeBlock.HIRAGANA || block == Character.UnicodeBlock.KATAKANA;
	}

	/**
	 * Returns the ways kana are written in Latin letters: as typed kana by kana, and with
	 * long vowels shortened.
	 * @param kana hiragana or katakana (other characters are left out)
	 * @return the spellings, lower case, possibly empty
	 */
	static Set<String> of(String kana) {
		String written = romanise(toKatakana(kana));
		Set<String> spellings = new LinkedHashSet<>();
		if (written.isEmpty()) {
			return spellings;
		}
		spellings.add(written.replace("-", ""));
		// The prolonged sound mark as the vowel doubled (deeta), and long vowels
		// shortened
		// (deta, tokyo) as people often type them.
		spellings.add(doubled(written));
		spellings.add(written.replace("-", "").replace("ou", "o").replace("uu", "u").replace("ee", "e"));
		spellings.remove("");
		return spellings;
	}

	private static String toKatakana(String text) {
		StringBuilder katakana = new StringBuilder();
		text.codePoints().forEach((c) -> katakana.appendCodePoint((c >= 'ぁ' && c <= 'ゖ') ? c + 0x60 : c));
		return katakana.toString();
	}

	/** Kana by kana, with {@code -} for the prolonged sound mark. */
	private static String romanise(String katakana) {
		StringBuilder out = new StringBuilder();
		boolean geminate = false;
		for (int i = 0; i < katakana.length(); i++) {
			char c = katakana.charAt(i);
			if (c == 'ッ') {
				geminate = true;
				continue;
			}
			if (c == 'ー') {
				out.append('-');
				continue;
			}
			String syllable = KANA.get(c);
			if (syllable == null) {
				geminate = false;
				continue;
			}
			if (i + 1 < katakana.length()) {
				char next = katakana.charAt(i + 1);
				if (SMALL_Y.indexOf(next) >= 0 && syllable.endsWith("i") && syllable.length() > 1) {
					String stem = syllable.substring(0, syllable.length() - 1);
					// every small ya, yu and yo (SMALL_Y) is a key of KANA
					String glide = Objects.requireNonNull(KANA.get(next));
					syllable = (stem.equals("sh") || stem.equals("ch") || stem.equals("j")) ? stem + glide.substring(1)
							: stem + glide;
					i++;
				}
				else if (SMALL_VOWELS.indexOf(next) >= 0) {
					syllable = consonant(syllable) + KANA.get(next);
					i++;
				}
			}
			if (geminate) {
				out.append(syllable.startsWith("ch") ? "t" : syllable.substring(0, 1));
				geminate = false;
			}
			out.append(syllable);
		}
		return out.toString();
	}

	/** The consonant of a syllable before a small vowel: ファ fa, ティ ti, ウィ wi. */
	private static String consonant(String syllable) {
		return syllable.equals("u") ? "w" : syllable.substring(0, syllable.length() - 1);
	}

	private static String doubled(String written) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < written.length(); i++) {
			char c = written.charAt(i);
			if (c == '-') {
				if (out.length() > 0 && "aiueo".indexOf(out.charAt(out.length() - 1)) >= 0) {
					out.append(out.charAt(out.length() - 1));
				}
				continue;
			}
			out.append(c);
		}
		return out.toString();
	}

}
