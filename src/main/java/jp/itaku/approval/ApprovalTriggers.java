package jp.itaku.approval;

import java.util.Set;
import java.util.stream.Collectors;

import jp.itaku.obligation.ObligationTrigger;
import jp.itaku.obligation.TriggerProducer;

import org.springframework.stereotype.Component;

/**
 * The triggers the prior-approval workflow raises: the application before each act it
 * handles, which is every act no dedicated flow approves
 * ({@link ApprovableActs#generic}).
 */
@Component
class ApprovalTriggers implements TriggerProducer {

	private final ApprovableActs acts;

	ApprovalTriggers(ApprovableActs acts) {
		this.acts = acts;
	}

	@Override
	public Set<ObligationTrigger> produces() {
		return this.acts.generic().stream().map(ObligationTrigger::before).collect(Collectors.toSet());
	}

}
