package jp.itaku.incident;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jp.itaku.obligation.ObligationTrigger;
import jp.itaku.obligation.TriggerProducer;

import org.springframework.stereotype.Component;

/**
 * The triggers the incident reports raise: INCIDENT, INCIDENT_RISK (suspected) and
 * TROUBLE, by category ({@link IncidentCategory#trigger}).
 */
@Component
class IncidentTriggers implements TriggerProducer {

	@Override
	public Set<ObligationTrigger> produces() {
		return Stream.of(IncidentCategory.values())
			.flatMap((c) -> Stream.of(c.trigger(true), c.trigger(false)))
			.map(ObligationTrigger::event)
			.collect(Collectors.toSet());
	}

}
