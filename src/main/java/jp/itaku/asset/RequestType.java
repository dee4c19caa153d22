package jp.itaku.asset;

import jp.itaku.catalog.Deliverable;
import jp.itaku.catalog.GuardedAction;
import org.jspecify.annotations.Nullable;

/**
 * What a contractor asks the client's approval for, with the action the clauses guard,
 * the written application the profiles ask for and the register the movements go into.
 */
public enum RequestType {

	/** 複製・複写 (Setagaya 7, Kadoma 7(2)イ, Nerima 18⑸, Gunma 13④). */
	COPY(GuardedAction.COPY, Deliverable.COPY_REQUEST, Deliverable.COPY_REGISTER),

	/** 持出し (Setagaya 8, Kadoma 14(5), Nerima 18⑴⑵, Gunma 13④⑤). */
	TAKE_OUT(GuardedAction.TAKE_OUT, Deliverable.TAKE_OUT_REQUEST, Deliverable.TAKE_OUT_REGISTER),

	/** 持込み of devices or data into the work site (Kadoma 2(7), Nerima 19). */
	BRING_IN(GuardedAction.BRING_IN, Deliverable.BRING_IN_REQUEST, Deliverable.BRING_IN_REGISTER),

	/** 廃棄・消去 (Setagaya 29–31, Kadoma 9, Nerima 20–21, Gunma 13②). */
	DISPOSAL(GuardedAction.ERASURE_OR_DISPOSAL, Deliverable.DISPOSAL_APPLICATION, Deliverable.DISPOSAL_REGISTER),

	/** 返還 (Setagaya 29, Kadoma 9(1)ア, Nerima 20–21). */
	RETURN(null, null, null);

	private final @Nullable GuardedAction action;

	private final @Nullable Deliverable application;

	private final @Nullable Deliverable register;

	RequestType(@Nullable GuardedAction action, @Nullable Deliverable application, @Nullable Deliverable register) {
		this.action = action;
		this.application = application;
		this.register = register;
	}

	/**
	 * Returns the action the clauses guard, whose BEFORE_ACTION requirements the request
	 * raises; {@code null} for a return, which no clause guards as an action.
	 * @return the action
	 */
	public @Nullable GuardedAction action() {
		return this.action;
	}

	/**
	 * Returns the written application (書面) the request's PDF is submitted to.
	 * @return the deliverable, or {@code null}
	 */
	public @Nullable Deliverable application() {
		return this.application;
	}

	/**
	 * Returns the register (管理簿) the movements of the request are recorded in.
	 * @return the deliverable, or {@code null}
	 */
	public @Nullable Deliverable register() {
		return this.register;
	}

	/**
	 * Returns whether the request lists assets of the register (all but a bring-in, which
	 * is about the contractor's own devices and data).
	 * @return {@code true} when the request has items
	 */
	public boolean hasItems() {
		return this != BRING_IN;
	}

	/**
	 * Returns whether the request ends the assets' life with the contractor.
	 * @return {@code true} for disposal and return
	 */
	public boolean settles() {
		return this == DISPOSAL || this == RETURN;
	}

}
