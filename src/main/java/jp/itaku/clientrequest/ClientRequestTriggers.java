package jp.itaku.clientrequest;

import java.util.Set;

import jp.itaku.catalog.TriggerType;
import jp.itaku.obligation.ObligationTrigger;
import jp.itaku.obligation.TriggerProducer;

import org.springframework.stereotype.Component;

/**
 * The trigger the client's requests raise: the client's request (ON_REQUEST), for every
 * requirement that binds the contractor to deliver a document when asked.
 */
@Component
class ClientRequestTriggers implements TriggerProducer {

	@Override
	public Set<ObligationTrigger> produces() {
		return Set.of(new ObligationTrigger(TriggerType.ON_REQUEST, null, null, null));
	}

}
