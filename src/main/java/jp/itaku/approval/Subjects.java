package jp.itaku.approval;

import java.text.Normalizer;

import org.jspecify.annotations.Nullable;

/**
 * How the subject of an approval (a place, a third party) is compared with the subject of
 * an act: width-folded (NFKC), blanks collapsed, so that 「第２庁舎 3階」 and 「第2庁舎 3階」 are the
 * same place.
 */
final class Subjects {

	private Subjects() {
	}

	/**
	 * Returns a subject in the form it is compared in.
	 * @param subject the subject as written
	 * @return the normalised subject, or {@code null} when blank
	 */
	static @Nullable String normalise(@Nullable String subject) {
		if (subject == null) {
			return null;
		}
		String folded = Normalizer.normalize(subject, Normalizer.Form.NFKC).replaceAll("\\s+", " ").strip();
		return folded.isEmpty() ? null : folded;
	}

}
