package jp.itaku.selfinspection;

import java.util.List;

import jp.itaku.catalog.GuardedAction;
import jp.itaku.catalog.ProfileDefinition.RequirementDefinition;
import jp.itaku.catalog.RequirementKind;
import jp.itaku.catalog.TriggerType;

/**
 * The practical items a monthly self-inspection typically asks about (issue 8: lock
 * screens when away, no shared IDs or passwords, password length, virus definitions
 * current, patches applied, media locked away, take-outs recorded, no private devices).
 * Each is asked only when one of the contract's clauses demands it, and cites that
 * clause: a control binding the contractor whose summary names the item (see
 * {@link #matches}); take-outs, by what they are — the approval before a take-out and the
 * register that records it, every clause that asks for either (Nerima 第18条⑴⑵, Gunma
 * 第13条第4項).
 */
enum TypicalItem {

	/**
	 * Screens locked or logged off when away from the seat (a locker for a PC while away
	 * is theft prevention, not this).
	 */
	LOCK_SCREEN(List.of(List.of("離席", "ロック"), List.of("ログオフ"))),

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

	/** Take-outs approved and recorded: see {@link #demandedBy}. */
	TAKE_OUTS_RECORDED(List.of()),

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

	/**
	 * Returns whether a requirement that binds the contractor and applies to the contract
	 * demands this item: a control or prohibition whose summary names it, or, for
	 * take-outs, the approval before a take-out or the register of take-outs.
	 * @param requirement the requirement
	 * @return {@code true} when the item is asked because of it
	 */
	boolean demandedBy(RequirementDefinition requirement) {
		if (this == TAKE_OUTS_RECORDED) {
			return requirement.trigger() != null && requirement.trigger().type() == TriggerType.BEFORE_ACTION
					&& requirement.trigger().action() == GuardedAction.TAKE_OUT
					&& (requirement.kind() == RequirementKind.OBTAIN_APPROVAL
							|| requirement.kind() == RequirementKind.KEEP_RECORD);
		}
		return (requirement.kind() == RequirementKind.IMPLEMENT_CONTROL
				|| requirement.kind() == RequirementKind.PROHIBITION) && matches(requirement.summary());
	}

	/**
	 * Returns whether the item cites every clause that demands it rather than the first.
	 * @return {@code true} for take-outs (approval and register may be two clauses)
	 */
	boolean citesEvery() {
		return this == TAKE_OUTS_RECORDED;
	}

	String messageKey() {
		return "selfinspection.typical." + name();
	}

}
