package jp.itaku.selfinspection;

import java.util.List;

/**
 * The practical items a monthly self-inspection typically asks about (issue 8: lock
 * screens when away, no shared IDs or passwords, password length, virus definitions
 * current, patches applied, media locked away, take-outs recorded, no private devices).
 * Each is asked only when one of the contract's clauses demands it: a requirement binding
 * the contractor whose summary names the control (see {@link #matches}).
 */
enum TypicalItem {

	/** Screens locked or logged off when away from the seat. */
	LOCK_SCREEN(List.of(List.of("離席"), List.of("ログオフ"))),

	/** No shared IDs or passwords. */
	NO_SHARED_CREDENTIALS(List.of(List.of("共有", "パスワード"), List.of("共有", "ID"))),

	/** Passwords long enough. */
	PASSWORD_LENGTH(List.of(List.of("パスワード", "長さ"))),

	/** Virus definitions current. */
	VIRUS_DEFINITIONS(List.of(List.of("ウイルス"))),

	/** Security patches applied. */
	PATCHES(List.of(List.of("パッチ"))),

	/** Media and documents locked away. */
	MEDIA_LOCKED(List.of(List.of("施錠", "保管"), List.of("施錠", "媒体"))),

	/** Take-outs approved and recorded. */
	TAKE_OUTS_RECORDED(List.of(List.of("持ち出"))),

	/** No private devices. */
	NO_PRIVATE_DEVICES(List.of(List.of("私物")));

	/** Alternatives, each a list of words that must all appear in the summary. */
	private final List<List<String>> words;

	TypicalItem(List<List<String>> words) {
		this.words = words;
	}

	/**
	 * Returns whether a requirement's summary demands this item.
	 * @param summary the requirement's Japanese summary
	 * @return {@code true} when every word of one alternative appears in it
	 */
	boolean matches(String summary) {
		if (summary == null) {
			return false;
		}
		return this.words.stream().anyMatch((all) -> all.stream().allMatch(summary::contains));
	}

	String messageKey() {
		return "selfinspection.typical." + name();
	}

}
