package jp.itaku.incident;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.itaku.platform.ItakuTime;
import jp.itaku.roster.LeakEvents;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The incidents a view of a worker's nationality may name (Kadoma 2(5): 「情報漏えい等の事実又は
 * そのおそれが発見された際」): those of the contract in which information left, or may have left, the
 * contractor's hands — a leak, a loss, unauthorised access, a breach of the rules, or
 * another event — reported or only suspected, open or closed (deletion and retrieval may
 * go on after closing). Damage, tampering, erasure and troubles of the work take nothing
 * anywhere, so they are not offered.
 */
@Component
class IncidentLeakEvents implements LeakEvents {

	/** The categories in which information may have gone somewhere. */
	static final Set<IncidentCategory> LEAKING = EnumSet.of(IncidentCategory.LEAK, IncidentCategory.LOSS,
			IncidentCategory.UNAUTHORISED_ACCESS, IncidentCategory.POLICY_VIOLATION, IncidentCategory.OTHER);

	private final IncidentRepository incidents;

	IncidentLeakEvents(IncidentRepository incidents) {
		this.incidents = incidents;
	}

	@Override
	@Transactional(readOnly = true)
	public List<LeakEvent> of(UUID contractId) {
		return this.incidents.findByContractIdOrderByReportedAtDesc(contractId)
			.stream()
			.filter((i) -> LEAKING.contains(i.getCategory()))
			.map((i) -> new LeakEvent(i.getId(), i.getNumber(), "incident.category." + i.getCategory().name(),
					i.isSuspected(), ItakuTime.inTokyo(i.getDetectedAt()).toLocalDate()))
			.toList();
	}

}
