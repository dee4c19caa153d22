package jp.itaku.subcontract;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jp.itaku.approval.ApprovalSource;
import jp.itaku.approval.ApprovalStatus;
import jp.itaku.catalog.Deliverable;
import jp.itaku.catalog.GuardedAction;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The subcontract applications in the approvals register, at every level of the chain:
 * subcontracting keeps its own form ({@link Subcontracts}); an approval is valid for the
 * subcontract's period. The entry lists the subcontractor's documents the application
 * carries (Setagaya 4), each file of its newest version with its SHA-256.
 */
@Component
class SubcontractApprovalSource implements ApprovalSource {

	private final SubcontractRepository repository;

	private final SubcontractDocumentRepository documents;

	SubcontractApprovalSource(SubcontractRepository repository, SubcontractDocumentRepository documents) {
		this.repository = repository;
		this.documents = documents;
	}

	@Override
	public Set<GuardedAction> actions() {
		return Set.of(GuardedAction.SUBCONTRACT);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Entry> entries(UUID contractId) {
		List<Subcontract> all = this.repository.findByContractIdOrderBySeqAsc(contractId);
		Map<UUID, List<SubcontractDocument>> files = this.documents
			.findBySubcontractIdInOrderByVersionAscUploadedAtAsc(all.stream().map(Subcontract::getId).toList())
			.stream()
			.collect(Collectors.groupingBy(SubcontractDocument::getSubcontractId));
		return all.stream().map((s) -> {
			ApprovalStatus status = switch (s.getStatus()) {
				case PENDING -> ApprovalStatus.PENDING;
				case APPROVED -> ApprovalStatus.APPROVED;
				case REJECTED -> ApprovalStatus.REJECTED;
			};
			boolean approved = status == ApprovalStatus.APPROVED;
			return new Entry("SUB-" + s.getSeq(), GuardedAction.SUBCONTRACT, s.getSubcontractorName(), status,
					approved ? s.getPeriodStart() : null, approved ? s.getPeriodEnd() : null, s.getAppliedAt(),
					s.getDecidedAt(), "/contracts/" + contractId + "/subcontracts#subcontract-" + s.getId(),
					current(files.getOrDefault(s.getId(), List.of())));
		}).toList();
	}

	/** The files of each document type's newest version, in the order of the types. */
	private static List<Document> current(List<SubcontractDocument> files) {
		Map<Deliverable, Integer> newest = new EnumMap<>(Deliverable.class);
		files.forEach((f) -> newest.merge(f.getDeliverable(), f.getVersion(), Math::max));
		return files.stream()
			.filter((f) -> f.getVersion() == newest.getOrDefault(f.getDeliverable(), 0))
			.sorted(Comparator.comparing((SubcontractDocument f) -> f.getDeliverable().ordinal()))
			.map((f) -> new Document(f.getDeliverable().name(), f.getVersion(), f.getFileName(), f.getSha256()))
			.toList();
	}

}
