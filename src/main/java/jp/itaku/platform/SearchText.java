package jp.itaku.platform;

import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a user searches for, folded as the database folds what it searches
 * ({@code itaku_fold} of {@code V85__search.sql}): width variants as one (NFKC: ｶﾀｶﾅ and
 * カタカナ, full-width digits and letters), letters in lower case, and the okurigana between
 * two kanji dropped (持ち出し and 持出し both read 持出し), so that the spellings a person writes
 * find each other. The folding is done by the database itself, so that the text and the
 * query are folded by the one function the trigram indexes were built with.
 *
 * @param query the text as typed (trimmed)
 * @param folded the text as the database folds it
 */
public record SearchText(String query, String folded) {

	private static final Pattern TRAILING_OKURIGANA = Pattern.compile("([一-龥々〆]{2,})[ぁ-ゖ]{1,2}$");

	/** The longest text searched for. */
	public static final int MAX_LENGTH = 100;

	/**
	 * The condition that a folded expression contains the text: {@code itaku_fold(<sql>)
	 * like :searchPattern}; the expression must be the one a trigram index of the table
	 * was built on for the index to serve it.
	 * @param sql the SQL expression searched (e.g. {@code c.title})
	 * @return the condition, with the parameter {@code searchPattern}
	 */
	public static String matches(String sql) {
		return "itaku_fold(" + sql + ") like :searchPattern";
	}

	/**
	 * Folds a text as the database folds what it searches.
	 * @param jdbc the database
	 * @param query the text as typed
	 * @return the text to search for
	 * @throws InvalidInputProblem naming the field {@code q} when the text is empty or
	 * longer than {@value #MAX_LENGTH} characters
	 */
	public static SearchText of(JdbcClient jdbc, String query) {
		String trimmed = query.strip();
		if (trimmed.isEmpty()) {
			throw new InvalidInputProblem("q", "search.error.empty");
		}
		if (trimmed.length() > MAX_LENGTH) {
			throw new InvalidInputProblem("q", "search.error.tooLong", String.valueOf(MAX_LENGTH));
		}
		return new SearchText(trimmed, fold(jdbc, trimmed));
	}

	/**
	 * Folds a text as {@link #of} does, but takes any text: an empty one finds
	 * everything, a long one is cut at {@value #MAX_LENGTH} characters (for a page whose
	 * own search answers every query, such as the clause catalog's).
	 * @param jdbc the database
	 * @param query the text as typed
	 * @return the text to search for
	 */
	public static SearchText lenient(JdbcClient jdbc, String query) {
		String trimmed = query.strip();
		if (trimmed.length() > MAX_LENGTH) {
			trimmed = trimmed.substring(0, MAX_LENGTH);
		}
		return new SearchText(trimmed, fold(jdbc, trimmed));
	}

	/**
	 * Folds as the database does, then drops the okurigana that ends the text after two
	 * or more kanji: what is searched for is the stem, so that 持出し (持ち出し) also finds
	 * 持ち出す, 持ち出して and 持ち出さない.
	 */
	private static String fold(JdbcClient jdbc, String text) {
		String folded = jdbc.sql("select itaku_fold(:q)").param("q", text).query(String.class).single();
		return TRAILING_OKURIGANA.matcher(folded).replaceFirst("$1");
	}

	/**
	 * Returns the pattern of {@link #matches}: the folded text anywhere, with
	 * {@code LIKE}'s wildcards taken literally.
	 * @return the value of {@code searchPattern}
	 */
	public String pattern() {
		return "%" + this.folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	@Override
	public String toString() {
		// What a person looked for may name a person: never in a log.
		return "SearchText[" + this.query.length() + " characters]";
	}

}
