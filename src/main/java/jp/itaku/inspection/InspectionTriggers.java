package jp.itaku.inspection;

import java.util.Set;

import jp.itaku.catalog.TriggerEvent;
import jp.itaku.catalog.TriggerType;
import jp.itaku.obligation.ObligationTrigger;
import jp.itaku.obligation.TriggerProducer;

import org.springframework.stereotype.Component;

/**
 * The triggers the audits and inspections raise: a finding (AUDIT_FINDING) and the
 * client's request for material (ON_REQUEST).
 */
@Component
class InspectionTriggers implements TriggerProducer {

	@Override
	public Set<ObligationTrigger> produces() {
		return Set.of(ObligationTrigger.event(TriggerEvent.AUDIT_FINDING),
				new ObligationTrigger(TriggerType.ON_REQUEST, null, null, null));
	}

}
