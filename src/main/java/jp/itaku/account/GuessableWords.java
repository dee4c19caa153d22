package jp.itaku.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The words that make a password easy to guess for one person: their user ID, name,
 * e-mail address and organisation, and the product's own words (Itaku, 委託, demo, the
 * years around now) — as written and as people type them in Latin letters. An
 * organisation's name reaches the password rules without its legal form (株式会社…), cut
 * where the script changes, its kana romanised (みらい → mirai) and its katakana words also
 * in the English they come from (データサービス → data, service). Kanji have no reading here and
 * are kept as written.
 */
final class GuessableWords {

	/** The product's own words, in every spelling a user might take. */
	private static final List<String> PRODUCT = List.of("itaku", "委託", "いたく", "イタク", "demo", "デモ", "kanri", "管理");

	/** Legal forms of organisations, left out of the words (every company has one). */
	private static final List<String> LEGAL_FORMS = List.of("特定非営利活動法人", "一般社団法人", "一般財団法人", "公益社団法人", "公益財団法人", "株式会社",
			"有限会社", "合同会社", "合資会社", "合名会社", "(株)", "(有)", "㈱", "㈲");

	private static final Map<String, List<String>> KATAKANA_WORDS = loadKatakanaWords();

	private GuessableWords() {
	}

	/**
	 * Returns the guessable words of a person.
	 * @param username the user ID
	 * @param displayName the name shown
	 * @param email the e-mail address, may be {@code null}
	 * @param organisationName the organisation's name, may be {@code null}
	 * @param year the current year in Tokyo
	 * @return the words, in lower case, at least two characters (three for Latin letters
	 * and digits)
	 */
	static List<String> of(String username, String displayName, @Nullable String email,
			@Nullable String organisationName, int year) {
		Set<String> words = new LinkedHashSet<>();
		addParts(words, username);
		addParts(words, displayName);
		if (email != null) {
			addParts(words, email);
		}
		if (organisationName != null) {
			addOrganisation(words, organisationName);
		}
		words.addAll(PRODUCT);
		for (int y = year - 1; y <= year + 1; y++) {
			words.add(Integer.toString(y));
		}
		// 令和: 2019 is 令和元年.
		words.add("reiwa" + (year - 2018));
		return words.stream().filter(GuessableWords::longEnough).toList();
	}

	/**
	 * Returns a password as the words are compared with it: NFKC (full-width letters as
	 * ASCII) and lower case.
	 * @param text the text
	 * @return the normalised text
	 */
	static String normalise(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
	}

	/**
	 * Returns what is left of a password once every guessable word is taken out, longest
	 * words first.
	 * @param password the password
	 * @param words the words
	 * @return the rest
	 */
	static String withoutWords(String password, List<String> words) {
		String rest = normalise(password);
		List<String> longestFirst = new ArrayList<>(words);
		longestFirst.sort(Comparator.comparingInt(String::length).reversed());
		for (String word : longestFirst) {
			rest = rest.replace(word, "");
		}
		return rest;
	}

	/**
	 * Returns a password with common letter-for-digit substitutions undone
	 * ({@code w0rker} → {@code worker}).
	 * @param password the password
	 * @return the password in letters
	 */
	static String unleet(String password) {
		StringBuilder letters = new StringBuilder();
		for (char c : normalise(password).toCharArray()) {
			letters.append(switch (c) {
				case '0' -> 'o';
				case '1', '!' -> 'i';
				case '3' -> 'e';
				case '4', '@' -> 'a';
				case '5', '$' -> 's';
				case '7' -> 't';
				default -> c;
			});
		}
		return letters.toString();
	}

	private static void addParts(Set<String> words, String text) {
		String normalised = normalise(text).strip();
		words.add(normalised.replaceAll("\\s+", ""));
		for (String part : normalised.split("[\\s\\p{Punct}　・]+")) {
			addScriptRuns(words, part);
		}
	}

	private static void addOrganisation(Set<String> words, String name) {
		String bare = normalise(name);
		for (String form : LEGAL_FORMS) {
			bare = bare.replace(normalise(form), " ");
		}
		addParts(words, bare);
		// The whole name in Latin letters, in each way of writing long vowels.
		for (int variant = 0; variant < 3; variant++) {
			StringBuilder romanised = new StringBuilder();
			for (String part : bare.strip().split("[\\s\\p{Punct}　・]+")) {
				for (String run : scriptRuns(part)) {
					List<String> spellings = Romaji.isKana(run.codePointAt(0)) ? List.copyOf(Romaji.of(run))
							: List.of(run);
					romanised.append(spellings.isEmpty() ? "" : spellings.get(Math.min(variant, spellings.size() - 1)));
				}
			}
			words.add(romanised.toString());
		}
	}

	/** Adds a text's runs of one script, with the kana ones romanised and explained. */
	private static void addScriptRuns(Set<String> words, String part) {
		if (part.isEmpty()) {
			return;
		}
		words.add(part);
		for (String run : scriptRuns(part)) {
			words.add(run);
			if (Romaji.isKana(run.codePointAt(0))) {
				words.addAll(Romaji.of(run));
				addKatakanaWords(words, run);
			}
		}
	}

	/** Cuts a katakana run into known words, longest first, each with its English. */
	private static void addKatakanaWords(Set<String> words, String run) {
		int i = 0;
		while (i < run.length()) {
			String found = null;
			for (int end = run.length(); end > i + 1; end--) {
				if (KATAKANA_WORDS.containsKey(run.substring(i, end))) {
					found = run.substring(i, end);
					break;
				}
			}
			if (found == null) {
				i++;
				continue;
			}
			words.add(found);
			words.addAll(Romaji.of(found));
			words.addAll(KATAKANA_WORDS.get(found));
			i += found.length();
		}
	}

	/**
	 * Splits where the script changes: kanji, hiragana, katakana, Latin letters, digits.
	 */
	private static List<String> scriptRuns(String text) {
		List<String> runs = new ArrayList<>();
		StringBuilder run = new StringBuilder();
		int kind = -1;
		for (int c : text.codePoints().toArray()) {
			int k = kind(c);
			if (k != kind && run.length() > 0) {
				runs.add(run.toString());
				run.setLength(0);
			}
			kind = k;
			run.appendCodePoint(c);
		}
		if (run.length() > 0) {
			runs.add(run.toString());
		}
		return runs;
	}

	private static int kind(int c) {
		if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.HIRAGANA) {
			return 0;
		}
		if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.KATAKANA) {
			return 5;
		}
		if (Character.isIdeographic(c)) {
			return 1;
		}
		if (Character.isDigit(c)) {
			return 2;
		}
		return Character.isLetter(c) ? 3 : 4;
	}

	private static boolean longEnough(String word) {
		int length = word.codePointCount(0, word.length());
		boolean latin = word.codePoints().allMatch((c) -> c < 0x80);
		return length >= (latin ? 3 : 2);
	}

	private static Map<String, List<String>> loadKatakanaWords() {
		Map<String, List<String>> words = new HashMap<>();
		try (InputStream in = GuessableWords.class.getResourceAsStream("/account/katakana-words.txt")) {
			if (in == null) {
				throw new IllegalStateException("account/katakana-words.txt is missing");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] fields = line.strip().split("\\s+");
				words.put(fields[0], List.of(fields).subList(1, fields.length));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Map.copyOf(words);
	}

}
