package jp.itaku.worksite;

import java.util.Set;

import jp.itaku.catalog.ChangeSubject;
import jp.itaku.obligation.ObligationTrigger;
import jp.itaku.obligation.TriggerProducer;

import org.springframework.stereotype.Component;

/**
 * The trigger the work schedules raise: a change of a month's schedule.
 */
@Component
class WorksiteTriggers implements TriggerProducer {

	@Override
	public Set<ObligationTrigger> produces() {
		return Set.of(ObligationTrigger.change(ChangeSubject.WORK_SCHEDULE));
	}

}
