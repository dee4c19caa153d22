package jp.itaku.obligation;

import java.util.Objects;

import jp.itaku.catalog.ChangeSubject;
import jp.itaku.catalog.GuardedAction;
import jp.itaku.catalog.ProfileDefinition.Trigger;
import jp.itaku.catalog.TriggerEvent;
import jp.itaku.catalog.TriggerType;

import org.jspecify.annotations.Nullable;

/**
 * What happened, for the requirements due when it happens: an event (a worker left, an
 * incident), a change of something submitted (the roster, the emergency contacts), or an
 * action about to be taken (a copy, a take-out).
 *
 * @param type the kind of trigger: {@link TriggerType#ON_EVENT},
 * {@link TriggerType#ON_CHANGE} or {@link TriggerType#BEFORE_ACTION}
 * @param event for an event
 * @param subject for a change
 * @param action for an action
 */
public record ObligationTrigger(TriggerType type, @Nullable TriggerEvent event, @Nullable ChangeSubject subject,
		@Nullable GuardedAction action) {

	public ObligationTrigger {
		Objects.requireNonNull(type, "type");
	}

	/**
	 * An event happened.
	 * @param event the event
	 * @return the trigger
	 */
	public static ObligationTrigger event(TriggerEvent event) {
		return new ObligationTrigger(TriggerType.ON_EVENT, Objects.requireNonNull(event), null, null);
	}

	/**
	 * Something submitted changed.
	 * @param subject what changed
	 * @return the trigger
	 */
	public static ObligationTrigger change(ChangeSubject subject) {
		return new ObligationTrigger(TriggerType.ON_CHANGE, null, Objects.requireNonNull(subject), null);
	}

	/**
	 * An action is about to be taken.
	 * @param action the action
	 * @return the trigger
	 */
	public static ObligationTrigger before(GuardedAction action) {
		return new ObligationTrigger(TriggerType.BEFORE_ACTION, null, null, Objects.requireNonNull(action));
	}

	/**
	 * The contract has ended and something a requirement due at its end depends on
	 * happened (assets still held, a return impossible, a copy made): only the
	 * requirements with such a condition ({@code onlyIf}) are raised on it, the others
	 * being planned with the contract.
	 * @return the trigger
	 */
	public static ObligationTrigger contractEnd() {
		return new ObligationTrigger(TriggerType.CONTRACT_END, null, null, null);
	}

	/**
	 * A periodic duty without a calendar of its own is dated by the contract's
	 * implementation plan (実施計画): the trigger of every {@code PERIODIC} requirement, for
	 * the module that plans them.
	 * @return the trigger
	 */
	public static ObligationTrigger plan() {
		return new ObligationTrigger(TriggerType.PERIODIC, null, null, null);
	}

	@Override
	public String toString() {
		Object what = (this.event != null) ? this.event : (this.subject != null) ? this.subject : this.action;
		return this.type + ":" + what;
	}

	/**
	 * Returns whether a requirement's trigger is this one.
	 * @param trigger the requirement's trigger
	 * @return {@code true} when the requirement becomes due on this trigger
	 */
	public boolean matches(@Nullable Trigger trigger) {
		return trigger != null && trigger.type() == this.type && trigger.event() == this.event
				&& trigger.subject() == this.subject && trigger.action() == this.action;
	}

}
