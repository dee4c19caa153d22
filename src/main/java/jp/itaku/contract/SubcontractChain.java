package jp.itaku.contract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A contract's approved subcontracting chain (再委託・再々委託) with each subcontractor's level,
 * and the one rule by which the client aims something at a level of it (a request for a
 * report, Issue 19; an audit or inspection of a subcontractor, Setagaya 33): the
 * subcontractor named, which must take part in the approved chain (at the level given, if
 * one is), or the only one at the level given. A level with several subcontractors needs
 * the one meant named; no level and no subcontractor aims at the contractor itself.
 */
@Component
public class SubcontractChain {

	private final ObjectProvider<ContractParticipation> participations;

	SubcontractChain(ObjectProvider<ContractParticipation> participations) {
		this.participations = participations;
	}

	/**
	 * Returns the approved subcontractors of a contract's chain with their levels.
	 * @param contract the contract, already scoped to the reader
	 * @return the chain, shallowest first, then by organisation
	 */
	public List<Link> of(Contract contract) {
		List<Link> chain = new ArrayList<>();
		for (ContractParticipation p : this.participations.orderedStream().toList()) {
			for (UUID organisation : p.participatingOrganisations(contract.getId())) {
				chain.add(new Link(organisation, p.above(contract.getId(), organisation).size()));
			}
		}
		chain.sort(Comparator.comparingInt(Link::level).thenComparing(Link::organisationId));
		return chain;
	}

	/**
	 * Returns what a level and a subcontractor chosen by the client aim at in a chain.
	 * @param chain the contract's chain ({@link #of})
	 * @param level the level chosen (1: the contractor's own subcontractors), or
	 * {@code null} / 0 for none
	 * @param named the subcontractor chosen, or {@code null}
	 * @return the subcontractor aimed at ({@code null}: the contractor itself) and what
	 * is wrong with the choice, if anything
	 */
	public static Aim aim(List<Link> chain, @Nullable Integer level, @Nullable UUID named) {
		List<Refusal> refusals = new ArrayList<>();
		if (level != null && level >= 1 && chain.stream().noneMatch((l) -> l.level() == level)) {
			refusals.add(Refusal.LEVEL);
		}
		if (named == null && (level == null || level < 1)) {
			return new Aim(null, refusals);
		}
		if (named != null) {
			Link found = chain.stream().filter((l) -> l.organisationId().equals(named)).findFirst().orElse(null);
			if (found == null || (level != null && level.intValue() != found.level())) {
				refusals.add(Refusal.SUBCONTRACTOR);
				return new Aim(null, refusals);
			}
			return new Aim(found, refusals);
		}
		int wanted = Objects.requireNonNull(level);
		List<Link> atLevel = chain.stream().filter((l) -> l.level() == wanted).toList();
		if (atLevel.size() > 1) {
			refusals.add(Refusal.AMBIGUOUS);
		}
		return new Aim((atLevel.size() == 1) ? atLevel.get(0) : null, refusals);
	}

	/**
	 * An approved subcontractor in a contract's chain.
	 *
	 * @param organisationId its organisation
	 * @param level its level, 1 for the contractor's own subcontractors
	 */
	public record Link(UUID organisationId, int level) {
	}

	/**
	 * What a choice aims at.
	 *
	 * @param link the subcontractor aimed at, or {@code null} for the contractor itself
	 * (or when the choice is refused)
	 * @param refusals what is wrong with the choice; empty when it stands
	 */
	public record Aim(@Nullable Link link, List<Refusal> refusals) {

		public Aim {
			refusals = List.copyOf(refusals);
		}

	}

	/** What can be wrong with a choice of level and subcontractor. */
	public enum Refusal {

		/** No approved subcontractor sits at the level chosen. */
		LEVEL,

		/**
		 * The subcontractor chosen takes no part in the approved chain, or sits at
		 * another level than the one chosen.
		 */
		SUBCONTRACTOR,

		/** Several subcontractors sit at the level chosen and none is named. */
		AMBIGUOUS

	}

}
