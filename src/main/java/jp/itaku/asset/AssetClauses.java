package jp.itaku.asset;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import jp.itaku.catalog.AssetForm;
import jp.itaku.catalog.AssetScope;
import jp.itaku.catalog.ContentItem;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.catalog.GuardedAction;
import jp.itaku.catalog.ProfileDefinition;
import jp.itaku.catalog.ProfileDefinition.ClauseDefinition;
import jp.itaku.catalog.ProfileDefinition.RequirementDefinition;
import jp.itaku.catalog.TriggerType;
import jp.itaku.platform.ItakuProblem.FieldProblem;

import org.jspecify.annotations.Nullable;

/**
 * The rules of a contract's clause profile for an action on an asset: which requirements
 * concern the asset (a requirement limited to important information, or to electronic
 * media, concerns only such assets), and what they demand of the way the action is taken
 * — a trackable way of sending (追跡可能な移送手段), encryption or a password, a locked container.
 * Each refusal cites the clause it comes from.
 */
final class AssetClauses {

	private static final Set<ContentItem> MEASURES = EnumSet.of(ContentItem.TRACKED_MAIL, ContentItem.ENCRYPTION,
			ContentItem.LOCKED_CONTAINER);

	private AssetClauses() {
	}

	/**
	 * What the clauses look at in an asset.
	 *
	 * @param scopes the kinds of information it holds
	 * @param form its form, {@code null} for data not on a medium of its own
	 */
	record Facts(Set<AssetScope> scopes, @Nullable AssetForm form) {

		static Facts of(AssetEvent state) {
			Set<AssetScope> scopes = EnumSet.noneOf(AssetScope.class);
			if (state.isImportant()) {
				scopes.add(AssetScope.IMPORTANT_INFORMATION);
			}
			if (state.isPersonal()) {
				scopes.add(AssetScope.PERSONAL_INFORMATION);
			}
			if (state.isMyNumber()) {
				scopes.add(AssetScope.MY_NUMBER_INFORMATION);
			}
			AssetForm form = switch (state.getKind()) {
				case PAPER, SYSTEM_DOCUMENT -> AssetForm.PAPER_DOCUMENT;
				case ELECTRONIC_MEDIUM, DEVICE -> AssetForm.ELECTRONIC_MEDIUM;
				case DATA -> null;
			};
			return new Facts(scopes, form);
		}

	}

	/**
	 * A measure a clause demands.
	 *
	 * @param issuer the profile's issuer, e.g. 練馬区
	 * @param clauseRef the clause, e.g. 第17条⑶
	 * @param measure what it demands
	 */
	record Demand(String issuer, String clauseRef, ContentItem measure) {
	}

	/**
	 * Returns whether a requirement concerns an asset.
	 * @param requirement the requirement
	 * @param facts the asset
	 * @return {@code true} when neither its information nor its form excludes it
	 */
	static boolean concerns(RequirementDefinition requirement, Facts facts) {
		boolean scope = requirement.assetScope().isEmpty()
				|| requirement.assetScope().stream().anyMatch(facts.scopes()::contains);
		boolean form = requirement.assetForm().isEmpty()
				|| (facts.form() != null && requirement.assetForm().contains(facts.form()));
		return scope && form;
	}

	/**
	 * Returns a test of whether a requirement concerns any of the assets of a request; a
	 * request without assets (a bring-in) is concerned by the requirements limited to
	 * none.
	 * @param assets the assets
	 * @return the test
	 */
	static Predicate<RequirementDefinition> concernsAny(List<Facts> assets) {
		if (assets.isEmpty()) {
			return (requirement) -> requirement.assetScope().isEmpty() && requirement.assetForm().isEmpty();
		}
		return (requirement) -> assets.stream().anyMatch((facts) -> concerns(requirement, facts));
	}

	/**
	 * Returns the measures the profile demands before an action on an asset.
	 * @param profile the contract's profile
	 * @param attributes the contract's scope attributes
	 * @param action the action
	 * @param facts the asset
	 * @return the demands, in clause order
	 */
	static List<Demand> demands(ProfileDefinition profile, Set<ContractAttribute> attributes, GuardedAction action,
			Facts facts) {
		List<Demand> demands = new ArrayList<>();
		for (ClauseDefinition clause : profile.clauses()) {
			for (RequirementDefinition requirement : clause.requirements()) {
				if (requirement.trigger() == null || requirement.trigger().type() != TriggerType.BEFORE_ACTION
						|| requirement.trigger().action() != action || !attributes.containsAll(requirement.when())
						|| !concerns(requirement, facts)) {
					continue;
				}
				for (ContentItem content : requirement.contents()) {
					// Encryption and passwords protect electronic information, not paper.
					boolean applicable = MEASURES.contains(content)
							&& !(content == ContentItem.ENCRYPTION && facts.form() == AssetForm.PAPER_DOCUMENT);
					if (applicable) {
						demands.add(new Demand(profile.issuer(), clause.ref(), content));
					}
				}
			}
		}
		return demands;
	}

	/**
	 * Checks a shipment against the demands.
	 * @param demands what the clauses demand before sending the asset
	 * @param shipment the shipment
	 * @return the problems, each citing its clause
	 */
	static List<FieldProblem> shipmentProblems(List<Demand> demands, ShipmentForm shipment) {
		List<FieldProblem> problems = new ArrayList<>();
		for (Demand demand : demands) {
			switch (demand.measure()) {
				case TRACKED_MAIL -> {
					if (shipment.getMethod() != null && !shipment.getMethod().isTrackable()) {
						problems.add(new FieldProblem("method", "asset.rule.trackedMail", demand.issuer(),
								demand.clauseRef()));
					}
				}
				case ENCRYPTION -> {
					if (!shipment.isEncrypted() && !shipment.isPasswordProtected()) {
						problems.add(new FieldProblem("encrypted", "asset.rule.encryption", demand.issuer(),
								demand.clauseRef()));
					}
				}
				case LOCKED_CONTAINER -> {
					if (!shipment.isLockedContainer()) {
						problems.add(new FieldProblem("lockedContainer", "asset.rule.lockedContainer", demand.issuer(),
								demand.clauseRef()));
					}
				}
				default -> {
				}
			}
		}
		return problems;
	}

	/**
	 * Checks the protection declared for a take-out against the demands.
	 * @param demands what the clauses demand before taking the assets out
	 * @param request the take-out request
	 * @return the problems, each citing its clause
	 */
	static List<FieldProblem> takeOutProblems(List<Demand> demands, AssetRequestForm request) {
		List<FieldProblem> problems = new ArrayList<>();
		for (Demand demand : demands) {
			if (demand.measure() == ContentItem.ENCRYPTION && !request.isEncrypted()
					&& !request.isPasswordProtected()) {
				problems
					.add(new FieldProblem("encrypted", "asset.rule.encryption", demand.issuer(), demand.clauseRef()));
			}
			else if (demand.measure() == ContentItem.LOCKED_CONTAINER && !request.isLockedContainer()) {
				problems.add(new FieldProblem("lockedContainer", "asset.rule.lockedContainer", demand.issuer(),
						demand.clauseRef()));
			}
		}
		return problems.stream().distinct().toList();
	}

}
