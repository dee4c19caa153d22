package jp.itaku.asset;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import jp.itaku.catalog.GuardedAction;
import jp.itaku.catalog.TriggerEvent;
import jp.itaku.obligation.ObligationTrigger;
import jp.itaku.obligation.TriggerProducer;

import org.springframework.stereotype.Component;

/**
 * The triggers the information assets raise: the applications before a copy, take-out,
 * bring-in or disposal (by {@link RequestType}), a shipment and the backups declared, an
 * asset received or no longer needed, and what is still held or was copied at the
 * contract's end.
 */
@Component
class AssetTriggers implements TriggerProducer {

	@Override
	public Set<ObligationTrigger> produces() {
		Set<ObligationTrigger> triggers = new HashSet<>();
		Stream.of(RequestType.values())
			.map(RequestType::action)
			.filter(Objects::nonNull)
			.forEach((action) -> triggers.add(ObligationTrigger.before(action)));
		triggers.add(ObligationTrigger.before(GuardedAction.SHIPMENT));
		triggers.add(ObligationTrigger.before(GuardedAction.BACKUP));
		triggers.add(ObligationTrigger.event(TriggerEvent.ASSET_RECEIVED));
		triggers.add(ObligationTrigger.event(TriggerEvent.ASSET_NO_LONGER_NEEDED));
		triggers.add(ObligationTrigger.contractEnd());
		return triggers;
	}

}
