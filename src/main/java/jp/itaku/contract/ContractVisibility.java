package jp.itaku.contract;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jp.itaku.platform.Actor;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.OrganisationVisibility;

import org.springframework.stereotype.Component;

/**
 * A contract relates its two parties: the client sees its contractors, a contractor sees
 * its clients (e.g. who reviews its submissions). Nothing else.
 */
@Component
class ContractVisibility implements OrganisationVisibility {

	private final ContractRepository repository;

	ContractVisibility(ContractRepository repository) {
		this.repository = repository;
	}

	@Override
	public Set<UUID> relatedOrganisations(Actor actor) {
		Set<UUID> related = new HashSet<>();
		if (actor.organisationKind() == OrganisationKind.CLIENT) {
			this.repository.findByClientOrganisationIdOrderByPeriodStartDescNumberAsc(actor.organisationId())
				.forEach((contract) -> related.add(contract.getContractorOrganisationId()));
		}
		else {
			this.repository.findByContractorOrganisationIdOrderByPeriodStartDescNumberAsc(actor.organisationId())
				.forEach((contract) -> related.add(contract.getClientOrganisationId()));
		}
		return related;
	}

}
