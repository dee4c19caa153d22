package jp.itaku.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of contracts without a user's scope, for the system's own work: scheduled jobs,
 * mails, event listeners, the log checks and the demo data; never for a request made on a
 * user's behalf, and never shown to a user without scoping. It is the named interface
 * {@code contract :: system}: a module that uses it says so in its
 * {@code allowedDependencies}, and no web class may call it
 * ({@code ArchitectureRulesTests}).
 */
@Component
@NamedInterface("system")
public class ContractSystemReads {

	private final ContractRepository repository;

	private final ObjectProvider<ContractParticipation> participations;

	ContractSystemReads(ContractRepository repository, ObjectProvider<ContractParticipation> participations) {
		this.repository = repository;
		this.participations = participations;
	}

	/**
	 * Returns the organisations above one taking part in a contract, nearest first,
	 * ending with the contractor: those a subcontractor's incident is reported to besides
	 * the client (Nerima 24②). Unscoped, for other modules.
	 * @param contractId the contract
	 * @param organisationId an approved subcontractor
	 * @return organisation ids; empty for the contractor itself or an organisation that
	 * takes no part
	 */
	@Transactional(readOnly = true)
	public List<UUID> aboveUnscoped(UUID contractId, UUID organisationId) {
		List<UUID> above = new ArrayList<>();
		this.participations.orderedStream().forEach((p) -> above.addAll(p.above(contractId, organisationId)));
		return above;
	}

	/**
	 * Looks up a contract without scoping, for other modules' internal use (planning
	 * obligations, scheduled jobs); never hand its result to a user without scoping.
	 * @param id the contract
	 * @return the contract, if it exists
	 */
	@Transactional(readOnly = true)
	public Optional<Contract> findUnscoped(UUID id) {
		return this.repository.findById(id);
	}

	/**
	 * Lists every contract, for scheduled jobs.
	 * @return all contracts
	 */
	@Transactional(readOnly = true)
	public List<Contract> allUnscoped() {
		return this.repository.findAll();
	}

}
