package jp.itaku.emergency;

import java.util.Set;

import jp.itaku.catalog.ChangeSubject;
import jp.itaku.obligation.ObligationTrigger;
import jp.itaku.obligation.TriggerProducer;

import org.springframework.stereotype.Component;

/**
 * The trigger the emergency contacts raise: a change of the contact list.
 */
@Component
class EmergencyTriggers implements TriggerProducer {

	@Override
	public Set<ObligationTrigger> produces() {
		return Set.of(ObligationTrigger.change(ChangeSubject.EMERGENCY_CONTACTS));
	}

}
