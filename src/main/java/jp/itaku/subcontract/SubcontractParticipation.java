package jp.itaku.subcontract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jp.itaku.contract.ContractParticipation;

import org.springframework.stereotype.Component;

/**
 * An approved subcontractor takes part in the contract: its users see it (Setagaya 4,
 * Kadoma 8, Nerima 15); a pending or rejected one does not.
 */
@Component
class SubcontractParticipation implements ContractParticipation {

	private final SubcontractRepository repository;

	SubcontractParticipation(SubcontractRepository repository) {
		this.repository = repository;
	}

	@Override
	public Set<UUID> participatingOrganisations(UUID contractId) {
		return this.repository.approvedParticipants(contractId);
	}

	@Override
	public Set<UUID> contractsOf(UUID organisationId) {
		return this.repository.approvedContractsOf(organisationId);
	}

	@Override
	public Set<UUID> below(UUID contractId, UUID organisationId) {
		List<Subcontract> approved = approved(contractId);
		Set<UUID> shown = new HashSet<>();
		own(approved, organisationId).ifPresent((s) -> shown.add(s.getId()));
		Set<UUID> below = new LinkedHashSet<>();
		boolean grew = !shown.isEmpty();
		while (grew) {
			grew = false;
			for (Subcontract s : approved) {
				if (s.getParentId() != null && shown.contains(s.getParentId()) && shown.add(s.getId())) {
					below.add(s.getSubcontractorOrganisationId());
					grew = true;
				}
			}
		}
		return below;
	}

	@Override
	public List<UUID> above(UUID contractId, UUID organisationId) {
		List<Subcontract> approved = approved(contractId);
		List<UUID> above = new ArrayList<>();
		Optional<Subcontract> at = own(approved, organisationId);
		while (at.isPresent()) {
			Subcontract s = at.get();
			if (!above.contains(s.getApplicantOrganisationId())) {
				above.add(s.getApplicantOrganisationId());
			}
			at = approved.stream().filter((p) -> p.getId().equals(s.getParentId())).findFirst();
		}
		return above;
	}

	private List<Subcontract> approved(UUID contractId) {
		return this.repository.findByContractIdOrderBySeqAsc(contractId)
			.stream()
			.filter(Subcontract::isApproved)
			.toList();
	}

	private static Optional<Subcontract> own(List<Subcontract> approved, UUID organisationId) {
		return approved.stream().filter((s) -> s.getSubcontractorOrganisationId().equals(organisationId)).findFirst();
	}

}
