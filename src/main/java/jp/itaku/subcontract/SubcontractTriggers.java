package jp.itaku.subcontract;

import java.util.Set;

import jp.itaku.catalog.ChangeSubject;
import jp.itaku.catalog.GuardedAction;
import jp.itaku.catalog.TriggerEvent;
import jp.itaku.catalog.TriggerType;
import jp.itaku.obligation.ObligationTrigger;
import jp.itaku.obligation.TriggerProducer;

import org.springframework.stereotype.Component;

/**
 * The triggers subcontracting raises: the application before subcontracting, its
 * approval, a change of a subcontractor's staff, and the client's request for the
 * supervision report (ON_REQUEST).
 */
@Component
class SubcontractTriggers implements TriggerProducer {

	@Override
	public Set<ObligationTrigger> produces() {
		return Set.of(ObligationTrigger.before(GuardedAction.SUBCONTRACT),
				ObligationTrigger.event(TriggerEvent.SUBCONTRACT_APPROVED),
				ObligationTrigger.change(ChangeSubject.SUBCONTRACT_STAFF),
				new ObligationTrigger(TriggerType.ON_REQUEST, null, null, null));
	}

}
