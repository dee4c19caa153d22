package jp.itaku.contract;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

/**
 * Implemented by a module that lets organisations other than the two parties take part in
 * a contract (an approved subcontractor, Setagaya 4, Kadoma 8, Nerima 15): their users
 * then see the contract as {@link Contracts#get}, {@link Contracts#list} and
 * {@link Contracts#summaries} scope it. Looked up lazily, so the contract module does not
 * depend on the implementing one.
 */
@NamedInterface("participation")
public interface ContractParticipation {

	/**
	 * Returns the organisations besides client and contractor taking part in a contract.
	 * @param contractId the contract
	 * @return organisation ids, possibly empty
	 */
	Set<UUID> participatingOrganisations(UUID contractId);

	/**
	 * Returns the contracts an organisation takes part in besides those it is party to,
	 * read in one indexed query.
	 * @param organisationId the organisation
	 * @return contract ids, possibly empty
	 */
	Set<UUID> contractsOf(UUID organisationId);

	/**
	 * Returns the approved subcontractors below an organisation in a contract's chain, at
	 * every depth: those whose work it supervises.
	 * @param contractId the contract
	 * @param organisationId the organisation
	 * @return organisation ids, possibly empty
	 */
	Set<UUID> below(UUID contractId, UUID organisationId);

	/**
	 * Returns the organisations above a subcontractor in a contract's chain, nearest
	 * first, ending with the contractor (the client is not listed).
	 * @param contractId the contract
	 * @param organisationId the subcontractor
	 * @return organisation ids; empty when the organisation is no approved subcontractor
	 */
	List<UUID> above(UUID contractId, UUID organisationId);

}
