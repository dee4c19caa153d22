package jp.itaku.finding;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.itaku.contract.ContractRoles;

import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractScope;
import jp.itaku.contract.Contracts;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.database.ReadFocus;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A contract's findings from every source ({@link FindingSource}: inspections, log
 * checks) in one list: those not closed first, the overdue and most serious at the top.
 * Only a party to the contract reads it.
 */
@Service
public class Findings {

	private final Contracts contracts;

	private final List<FindingSource> sources;

	private final Clock clock;

	Findings(Contracts contracts, List<FindingSource> sources, Clock clock) {
		this.contracts = contracts;
		this.sources = sources;
		this.clock = clock;
	}

	/**
	 * Returns a contract's findings from every source.
	 * @param actor a party to the contract
	 * @param contractId the contract
	 * @return the list
	 * @throws NotFoundProblem when the actor is no party to the contract
	 */
	@Transactional(readOnly = true)
	public ContractFindings list(Actor actor, UUID contractId) {
		Contract contract = this.contracts.get(actor, contractId);
		LocalDate today = ItakuTime.today(this.clock);
		List<FindingSummary> all = new ArrayList<>();
		for (FindingSource source : this.sources) {
			all.addAll(source.findingsOf(contract));
		}
		all.sort(Comparator.comparing((FindingSummary f) -> f.status().isClosed())
			.thenComparing((f) -> !f.isOverdue(today))
			.thenComparingInt(FindingSummary::severityRank)
			.thenComparing(FindingSummary::dueOn, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(FindingSummary::foundOn, Comparator.nullsLast(Comparator.reverseOrder()))
			.thenComparing(FindingSummary::reference, Comparator.nullsLast(Comparator.naturalOrder())));
		return new ContractFindings(contract, all, today);
	}

	/**
	 * Returns the findings that wait for the actor's next step, across the open contracts
	 * the actor may see: those whose status allows a step the actor may take
	 * ({@link FindingParties#mayTake}), the overdue and soonest due first.
	 * @param actor the acting user
	 * @return the findings with their contracts
	 */
	@Transactional(readOnly = true)
	public List<Awaiting> awaitingStep(Actor actor) {
		LocalDate today = ItakuTime.today(this.clock);
		List<Awaiting> awaiting = new ArrayList<>();
		// Only the contracts with findings are read: the sources find them among those
		// the actor sees, in the database.
		ContractScope scope = this.contracts.scope(actor);
		UUID focus = ReadFocus.contract();
		Map<FindingSource, Set<UUID>> withFindings = new HashMap<>();
		Set<UUID> ids = new HashSet<>();
		for (FindingSource source : this.sources) {
			Set<UUID> found = new HashSet<>(source.contractsWithFindings(scope));
			if (focus != null) {
				found.retainAll(Set.of(focus));
			}
			withFindings.put(source, found);
			ids.addAll(found);
		}
		List<Contract> participating = this.contracts.listAsParticipant(actor, ids);
		for (Contract contract : participating) {
			// An approved subcontractor's lead explains the findings of the inspections
			// of
			// its own organisation (Setagaya 33), on the contracts it takes part in.
			boolean mayAct = ContractRoles.isParty(actor, contract) ? mayTakeAnyStep(actor, contract)
					: ContractRoles.CONTRACTOR_LEADS.contains(actor.role());
			if (!ContractRoles.isOpen(contract) || !mayAct) {
				continue;
			}
			for (FindingSource source : this.sources) {
				if (!withFindings.getOrDefault(source, Set.of()).contains(contract.getId())) {
					continue;
				}
				for (FindingSummary finding : source.findingsOf(contract)) {
					if (Arrays.stream(FindingStep.values())
						.anyMatch((step) -> finding.status().allows(step) && FindingParties.mayTake(actor,
								contract.getClientOrganisationId(), finding.answeringParty(contract), step))) {
						awaiting.add(new Awaiting(contract, finding));
					}
				}
			}
		}
		awaiting.sort(Comparator.comparing((Awaiting a) -> !a.finding().isOverdue(today))
			.thenComparing((a) -> a.finding().dueOn(), Comparator.nullsLast(Comparator.naturalOrder())));
		return awaiting;
	}

	private static boolean mayTakeAnyStep(Actor actor, Contract contract) {
		return Arrays.stream(FindingStep.values()).anyMatch((step) -> FindingParties.mayTake(actor, contract, step));
	}

	/**
	 * A finding that waits for the actor, with its contract.
	 *
	 * @param contract the contract
	 * @param finding the finding
	 */
	public record Awaiting(Contract contract, FindingSummary finding) {
	}

	/**
	 * A contract's findings.
	 *
	 * @param contract the contract
	 * @param findings from every source, open ones first
	 * @param today today in Tokyo
	 */
	public record ContractFindings(Contract contract, List<FindingSummary> findings, LocalDate today) {
	}

}
