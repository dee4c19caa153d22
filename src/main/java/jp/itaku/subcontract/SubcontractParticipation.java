package jp.itaku.subcontract;

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

}
