package jp.itaku.subcontract;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.itaku.approval.ApprovalSource;
import jp.itaku.approval.ApprovalStatus;
import jp.itaku.catalog.GuardedAction;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The subcontract applications in the approvals register, at every level of the chain:
 * subcontracting keeps its own form ({@link Subcontracts}); an approval is valid for the
 * subcontract's period.
 */
@Component
class SubcontractApprovalSource implements ApprovalSource {

	private final SubcontractRepository repository;

	SubcontractApprovalSource(SubcontractRepository repository) {
		this.repository = repository;
	}

	@Override
	public Set<GuardedAction> actions() {
		return Set.of(GuardedAction.SUBCONTRACT);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Entry> entries(UUID contractId) {
		return this.repository.findByContractIdOrderBySeqAsc(contractId).stream().map((s) -> {
			ApprovalStatus status = switch (s.getStatus()) {
				case PENDING -> ApprovalStatus.PENDING;
				case APPROVED -> ApprovalStatus.APPROVED;
				case REJECTED -> ApprovalStatus.REJECTED;
			};
			boolean approved = status == ApprovalStatus.APPROVED;
			return new Entry("SUB-" + s.getSeq(), GuardedAction.SUBCONTRACT, s.getSubcontractorName(), status,
					approved ? s.getPeriodStart() : null, approved ? s.getPeriodEnd() : null, s.getAppliedAt(),
					s.getDecidedAt(), "/contracts/" + contractId + "/subcontracts");
		}).toList();
	}

}
