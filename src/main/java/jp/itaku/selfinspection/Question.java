package jp.itaku.selfinspection;

/**
 * One question of a contract's self-inspection checklist.
 *
 * @param key a stable key, unique within the checklist ({@code R:14(9)ア:0} for a
 * requirement of the profile, {@code T:LOCK_SCREEN} for a typical item)
 * @param ref the clause reference that demands it
 * @param text the question in Japanese
 * @param textEn the question in English, or {@code null}
 * @param typical whether it is one of the typical practical items rather than a
 * requirement's own summary
 */
public record Question(String key, String ref, String text, String textEn, boolean typical) {

	/**
	 * Returns the text in the given language.
	 * @param english whether English is wanted
	 * @return the English text when wanted and present, otherwise the Japanese
	 */
	public String text(boolean english) {
		return (english && this.textEn != null) ? this.textEn : this.text;
	}

}
