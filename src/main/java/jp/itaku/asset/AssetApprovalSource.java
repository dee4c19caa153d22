package jp.itaku.asset;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import jp.itaku.approval.ApprovalSource;
import jp.itaku.approval.ApprovalStatus;
import jp.itaku.catalog.GuardedAction;
import jp.itaku.platform.ItakuTime;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The asset requests (copies, take-outs, bring-ins, disposals) and the backups in the
 * approvals register: these acts keep their own forms ({@link AssetRequests},
 * {@link AssetBackups}), and the register lists the requests with their state and, for a
 * take-out, its planned period.
 */
@Component
class AssetApprovalSource implements ApprovalSource {

	private final AssetRequestRepository requests;

	AssetApprovalSource(AssetRequestRepository requests) {
		this.requests = requests;
	}

	@Override
	public Set<GuardedAction> actions() {
		Set<GuardedAction> actions = EnumSet.of(GuardedAction.BACKUP);
		Stream.of(RequestType.values()).map(RequestType::action).forEach((a) -> {
			if (a != null) {
				actions.add(a);
			}
		});
		return actions;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Entry> entries(UUID contractId) {
		return this.requests.findByContractIdOrderByRequestedAtDesc(contractId)
			.stream()
			.filter((r) -> r.getType().action() != null)
			.map(AssetApprovalSource::entry)
			.toList();
	}

	// filtered above: every request listed has an action
	@SuppressWarnings("NullAway")
	private static Entry entry(AssetRequest r) {
		ApprovalStatus status = switch (r.getStatus()) {
			case REQUESTED -> ApprovalStatus.PENDING;
			case REJECTED -> ApprovalStatus.REJECTED;
			case WITHDRAWN -> ApprovalStatus.WITHDRAWN;
			default -> ApprovalStatus.APPROVED;
		};
		boolean approved = status == ApprovalStatus.APPROVED;
		String subject = (r.getItemDescription() != null) ? r.getItemDescription()
				: (r.getDestination() != null) ? r.getDestination() : r.getPurpose();
		return new Entry(r.getNumber(), r.getType().action(), subject, status,
				approved ? day((r.getPlannedStart() != null) ? r.getPlannedStart() : r.getDecidedAt()) : null,
				approved ? day(r.getPlannedEnd()) : null, r.getRequestedAt(), r.getDecidedAt(),
				"/asset-requests/" + r.getId());
	}

	private static @Nullable LocalDate day(@Nullable Instant instant) {
		return (instant != null) ? ItakuTime.inTokyo(instant).toLocalDate() : null;
	}

}
