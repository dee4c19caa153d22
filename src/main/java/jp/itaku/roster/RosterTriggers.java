package jp.itaku.roster;

import java.util.Set;

import jp.itaku.catalog.ChangeSubject;
import jp.itaku.catalog.TriggerEvent;
import jp.itaku.obligation.ObligationTrigger;
import jp.itaku.obligation.TriggerProducer;

import org.springframework.stereotype.Component;

/**
 * The triggers the roster raises: a worker joining or leaving, and a change of the roster
 * or of the responsible persons.
 */
@Component
class RosterTriggers implements TriggerProducer {

	@Override
	public Set<ObligationTrigger> produces() {
		return Set.of(ObligationTrigger.event(TriggerEvent.WORKER_JOINED),
				ObligationTrigger.event(TriggerEvent.WORKER_LEFT), ObligationTrigger.change(ChangeSubject.ROSTER),
				ObligationTrigger.change(ChangeSubject.RESPONSIBLE_PERSONS));
	}

}
