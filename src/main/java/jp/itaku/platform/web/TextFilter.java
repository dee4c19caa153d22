package jp.itaku.platform.web;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The text box of a short list's filter (the administrator's users and organisations):
 * whether any of a row's fields contains what was typed, width variants (NFKC: ｶﾀｶﾅ and
 * カタカナ, full-width digits and letters) and letter case aside. Lists that can grow large
 * search in the database instead ({@code SearchText}).
 */
public final class TextFilter {

	private final String folded;

	private TextFilter(String folded) {
		this.folded = folded;
	}

	/**
	 * The filter for a text as typed.
	 * @param typed the text, {@code null} or blank for none (then every row matches)
	 * @return the filter
	 */
	public static TextFilter of(@Nullable String typed) {
		return new TextFilter((typed != null) ? fold(typed.strip()) : "");
	}

	/**
	 * Returns whether a row matches.
	 * @param fields the row's texts, any of them {@code null}
	 * @return {@code true} when nothing was typed or one of the fields contains it
	 */
	public boolean matches(@Nullable String... fields) {
		if (this.folded.isEmpty()) {
			return true;
		}
		for (String field : fields) {
			if (field != null && fold(field).contains(this.folded)) {
				return true;
			}
		}
		return false;
	}

	private static String fold(String text) {
		return Objects.requireNonNull(Normalizer.normalize(text, Normalizer.Form.NFKC)).toLowerCase(Locale.ROOT);
	}

}
