package jp.itaku.contract;

import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The part of a contract an actor's organisation may see and work in. The client, the
 * contractor and the system administrator see the whole contract; an approved
 * subcontractor sees its own records and those of the subcontractors below it, whose work
 * it supervises (Nerima 16②, Kadoma 8(5)), and nothing of the levels above.
 *
 * @param contract the contract
 * @param whole whether the actor sees every organisation's records
 * @param organisationId the actor's organisation
 * @param organisations the organisations whose records the actor sees when not
 * {@code whole}: its own first, then those below it
 */
public record ContractPart(Contract contract, boolean whole, UUID organisationId, Set<UUID> organisations) {

	public ContractPart {
		organisations = Set.copyOf(organisations);
	}

	/**
	 * Returns whether the actor sees the records an organisation keeps on this contract.
	 * @param organisationId the organisation that keeps a record
	 * @return {@code true} when the record is in the actor's part
	 */
	public boolean sees(@Nullable UUID organisationId) {
		return this.whole || this.organisations.contains(organisationId);
	}

	/**
	 * Returns whether the actor works on the contract as a subcontractor.
	 * @return {@code true} for an approved subcontractor at any level
	 */
	public boolean subcontractor() {
		return !this.whole;
	}

}
