package jp.itaku.notice;

import jp.itaku.catalog.ChangeSubject;
import jp.itaku.catalog.TriggerEvent;
import jp.itaku.obligation.ObligationTrigger;

/**
 * What a notice reports: an event of the clauses that no other flow of Itaku records, the
 * trigger it raises, and the side that files it.
 */
public enum NoticeKind {

	/**
	 * A security problem, or a difficulty in complying with the clauses (Setagaya 13,
	 * Kadoma 12(2)).
	 */
	SECURITY_PROBLEM(ObligationTrigger.event(TriggerEvent.SECURITY_PROBLEM), false),

	/** A vulnerability found, or a patch to consult on (Setagaya 21, Gunma). */
	VULNERABILITY_FOUND(ObligationTrigger.event(TriggerEvent.VULNERABILITY_FOUND), false),

	/** A suspected leak of passwords or other credentials (Kadoma 14(9)カ). */
	CREDENTIAL_LEAK_SUSPECTED(ObligationTrigger.event(TriggerEvent.CREDENTIAL_LEAK_SUSPECTED), false),

	/**
	 * A change of a document submitted at the start (Setagaya 3: 「変更があった場合も同様とする」): the
	 * revised document is then submitted to the obligation this raises.
	 */
	DOCUMENT_CHANGED(ObligationTrigger.change(ChangeSubject.SUBMITTED_DOCUMENTS), false),

	/**
	 * The work of creating an information asset is finished (Setagaya 30:
	 * 「情報資産の作成業務を終了したとき」).
	 */
	ASSET_CREATION_FINISHED(ObligationTrigger.event(TriggerEvent.ASSET_CREATION_FINISHED), false),

	/**
	 * The client's instruction the contractor must follow and report on (Kadoma 11(2)).
	 */
	CLIENT_INSTRUCTION(ObligationTrigger.event(TriggerEvent.CLIENT_INSTRUCTION), true),

	/** A breach of the clauses the client records (the client's remedies). */
	BREACH(ObligationTrigger.event(TriggerEvent.BREACH), true);

	private final ObligationTrigger trigger;

	private final boolean filedByClient;

	NoticeKind(ObligationTrigger trigger, boolean filedByClient) {
		this.trigger = trigger;
		this.filedByClient = filedByClient;
	}

	/**
	 * Returns the trigger a notice of this kind raises.
	 * @return the trigger
	 */
	public ObligationTrigger trigger() {
		return this.trigger;
	}

	/**
	 * Returns whether the client files notices of this kind (otherwise the contractor).
	 * @return {@code true} for the client's
	 */
	public boolean filedByClient() {
		return this.filedByClient;
	}

}
