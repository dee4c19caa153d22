package jp.itaku.contract;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;

/**
 * The one vocabulary for who may act on a contract, used by every module instead of
 * comparing roles and organisation ids by hand. Each rule names a side of the contract:
 * <ul>
 * <li>{@link #isParty} — the client, the contractor, or the system administrator: may see
 * the contract;</li>
 * <li>{@link #ofClient} — any user of the client organisation (officers, security
 * administrators, auditors);</li>
 * <li>{@link #decidesForClient} — an officer or security administrator of the client:
 * approves, rejects, inspects, issues, asks;</li>
 * <li>{@link #administersSecurityForClient} — the client's security administrator
 * only;</li>
 * <li>{@link #editsForClient} — {@code decidesForClient} or the system administrator:
 * changes the contract's own data;</li>
 * <li>{@link #leadsForContractor} — a lead of the contractor organisation;</li>
 * <li>{@link #worksForContractor} — a lead or a worker of the contractor
 * organisation;</li>
 * <li>{@link #isOpen} — the contract is not closed, so records may still change;</li>
 * <li>{@link #clientRightsRun} — the client's rights that outlive the contract (its
 * inspections and requests for material, Kadoma 11(4)) still run: the contract is open,
 * or closed less than {@code itaku.contract.post-closing-rights} ago;</li>
 * <li>{@link #requireSecondPerson} — maker-checker: the user who checks is not the user
 * who made.</li>
 * </ul>
 * The rules for subcontractors (who work in a part of a contract) are
 * {@link Contracts#part} and {@link ContractPart#sees}.
 */
public final class ContractRoles {

	/** The client's roles that decide: officers and security administrators. */
	public static final Set<Role> CLIENT_DECIDERS = Set.of(Role.CLIENT_OFFICER, Role.CLIENT_SECURITY_ADMIN);

	/** The client's roles that edit the contract: the deciders and the system admin. */
	public static final Set<Role> CLIENT_EDITORS = Set.of(Role.SYSTEM_ADMIN, Role.CLIENT_SECURITY_ADMIN,
			Role.CLIENT_OFFICER);

	/** The contractor's roles that lead. */
	public static final Set<Role> CONTRACTOR_LEADS = Set.of(Role.CONTRACTOR_LEAD);

	/** The contractor's roles that work on the contract: leads and workers. */
	public static final Set<Role> CONTRACTOR_MEMBERS = Set.of(Role.CONTRACTOR_LEAD, Role.CONTRACTOR_WORKER);

	private ContractRoles() {
	}

	/**
	 * Returns whether the actor's organisation is party to the contract, or the actor
	 * administers the system.
	 * @param actor the acting user
	 * @param contract the contract
	 * @return {@code true} when the actor may see the contract
	 */
	public static boolean isParty(Actor actor, Contract contract) {
		return actor.is(Role.SYSTEM_ADMIN) || ofClient(actor, contract) || ofContractor(actor, contract);
	}

	/**
	 * Returns whether the actor is a user of the contract's client organisation.
	 * @param actor the acting user
	 * @param contract the contract
	 * @return {@code true} for any role of the client organisation
	 */
	public static boolean ofClient(Actor actor, Contract contract) {
		return actor.organisationKind() == OrganisationKind.CLIENT
				&& contract.getClientOrganisationId().equals(actor.organisationId());
	}

	/**
	 * Returns whether the actor is a user of the contract's contractor organisation.
	 * @param actor the acting user
	 * @param contract the contract
	 * @return {@code true} for any role of the contractor organisation
	 */
	public static boolean ofContractor(Actor actor, Contract contract) {
		return actor.organisationKind() != OrganisationKind.CLIENT
				&& contract.getContractorOrganisationId().equals(actor.organisationId());
	}

	/**
	 * Returns whether the actor decides for the client: an officer or a security
	 * administrator of the contract's client.
	 * @param actor the acting user
	 * @param contract the contract
	 * @return {@code true} when the actor decides for the client
	 */
	public static boolean decidesForClient(Actor actor, Contract contract) {
		return CLIENT_DECIDERS.contains(actor.role()) && ofClient(actor, contract);
	}

	/**
	 * Returns whether the actor is the security administrator of the contract's client.
	 * @param actor the acting user
	 * @param contract the contract
	 * @return {@code true} for the client's security administrator
	 */
	public static boolean administersSecurityForClient(Actor actor, Contract contract) {
		return actor.is(Role.CLIENT_SECURITY_ADMIN) && ofClient(actor, contract);
	}

	/**
	 * Returns whether the actor may change the contract's own data for the client: a
	 * decider of the client or the system administrator.
	 * @param actor the acting user
	 * @param contract the contract
	 * @return {@code true} when the actor edits for the client
	 */
	public static boolean editsForClient(Actor actor, Contract contract) {
		return actor.is(Role.SYSTEM_ADMIN) || decidesForClient(actor, contract);
	}

	/**
	 * Returns whether the actor may register contracts for their organisation: a decider
	 * or the system administrator of a client organisation.
	 * @param actor the acting user
	 * @return {@code true} when the actor may register contracts
	 */
	public static boolean registersForClient(Actor actor) {
		return CLIENT_EDITORS.contains(actor.role()) && actor.organisationKind() == OrganisationKind.CLIENT;
	}

	/**
	 * Returns whether the actor leads for the contractor: a lead of the contract's
	 * contractor organisation.
	 * @param actor the acting user
	 * @param contract the contract
	 * @return {@code true} for the contractor's leads
	 */
	public static boolean leadsForContractor(Actor actor, Contract contract) {
		return CONTRACTOR_LEADS.contains(actor.role()) && ofContractor(actor, contract);
	}

	/**
	 * Returns whether the actor works for the contractor: a lead or a worker of the
	 * contract's contractor organisation.
	 * @param actor the acting user
	 * @param contract the contract
	 * @return {@code true} for the contractor's leads and workers
	 */
	public static boolean worksForContractor(Actor actor, Contract contract) {
		return CONTRACTOR_MEMBERS.contains(actor.role()) && ofContractor(actor, contract);
	}

	/**
	 * Returns whether the contract's records may still change: it is not closed.
	 * @param contract the contract
	 * @return {@code true} unless the contract is closed
	 */
	public static boolean isOpen(Contract contract) {
		return contract.getStatus() != ContractStatus.CLOSED;
	}

	/**
	 * Returns whether the actor decides for the client of an open contract.
	 * @param actor the acting user
	 * @param contract the contract
	 * @return {@code decidesForClient && isOpen}
	 */
	public static boolean decidesForClientWhileOpen(Actor actor, Contract contract) {
		return decidesForClient(actor, contract) && isOpen(contract);
	}

	/**
	 * Returns whether the client's rights that outlive the contract still run (Kadoma
	 * 11(4): 契約期間満了後又は契約解除後も同様): while the contract is open, and once closed until the
	 * day fixed at closing ({@link Contract#getClientRightsUntil}).
	 * @param contract the contract
	 * @param today today in Tokyo
	 * @return {@code true} while the client may still inspect and request material
	 */
	public static boolean clientRightsRun(Contract contract, LocalDate today) {
		if (isOpen(contract)) {
			return true;
		}
		LocalDate until = contract.getClientRightsUntil();
		return until != null && !today.isAfter(until);
	}

	/**
	 * Returns whether the actor decides for the client while the client's post-contract
	 * rights run: inspects and requests material, also after closing.
	 * @param actor the acting user
	 * @param contract the contract
	 * @param today today in Tokyo
	 * @return {@code decidesForClient && clientRightsRun}
	 */
	public static boolean decidesForClientWhileRightsRun(Actor actor, Contract contract, LocalDate today) {
		return decidesForClient(actor, contract) && clientRightsRun(contract, today);
	}

	/**
	 * Refuses a decider of the client once the client's post-contract rights have run
	 * out, saying so; anyone else is refused as by {@link #require}.
	 * @param actor the acting user
	 * @param contract the contract
	 * @param today today in Tokyo
	 * @throws AccessDeniedProblem unless {@link #decidesForClientWhileRightsRun}
	 */
	public static void requireClientRights(Actor actor, Contract contract, LocalDate today) {
		require(decidesForClient(actor, contract));
		if (!clientRightsRun(contract, today)) {
			throw new AccessDeniedProblem("contract.error.clientRightsEnded", contract.getNumber(),
					String.valueOf(contract.getClientRightsUntil()));
		}
	}

	/**
	 * Returns whether the actor leads for the contractor of an open contract.
	 * @param actor the acting user
	 * @param contract the contract
	 * @return {@code leadsForContractor && isOpen}
	 */
	public static boolean leadsForContractorWhileOpen(Actor actor, Contract contract) {
		return leadsForContractor(actor, contract) && isOpen(contract);
	}

	/**
	 * Returns whether the actor is not the user who made a record: maker-checker.
	 * @param makerId the user who made the record (applied, recorded), or {@code null}
	 * @param checker the user who would check it (approve, witness)
	 * @return {@code true} when they are different users
	 */
	public static boolean isSecondPerson(UUID makerId, Actor checker) {
		return makerId == null || !makerId.equals(checker.userId());
	}

	/**
	 * Refuses a check by the user who made the record: maker-checker.
	 * @param makerId the user who made the record
	 * @param checker the user who would check it
	 * @param field the field the refusal names
	 * @param messageKey the message that explains it
	 * @throws InvalidInputProblem when they are the same user
	 */
	public static void requireSecondPerson(UUID makerId, Actor checker, String field, String messageKey) {
		requireSecondPerson(makerId, checker.userId(), field, messageKey);
	}

	/**
	 * Refuses a check by the user who made the record: maker-checker, for an entity that
	 * keeps user ids.
	 * @param makerId the user who made the record
	 * @param checkerId the user who would check it
	 * @param field the field the refusal names
	 * @param messageKey the message that explains it
	 * @throws InvalidInputProblem when they are the same user
	 */
	public static void requireSecondPerson(UUID makerId, UUID checkerId, String field, String messageKey) {
		if (makerId != null && makerId.equals(checkerId)) {
			throw new InvalidInputProblem(field, messageKey);
		}
	}

	/**
	 * Refuses an actor a rule does not allow.
	 * @param allowed the outcome of one of the rules above
	 * @throws AccessDeniedProblem when it is {@code false}
	 */
	public static void require(boolean allowed) {
		if (!allowed) {
			throw new AccessDeniedProblem("error.forbidden");
		}
	}

}
