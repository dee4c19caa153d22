package jp.itaku.approval;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jp.itaku.catalog.ContentItem;
import jp.itaku.catalog.GuardedAction;
import jp.itaku.catalog.ProfileDefinition.RequirementDefinition;

import org.jspecify.annotations.Nullable;

/**
 * What an application states besides its reason, and which of it a requirement asks for:
 * what the act by its nature concerns ({@link #of(GuardedAction)}: working elsewhere
 * concerns a place, giving information to others a third party and its safeguards), plus
 * whatever the requirement's contents name. Not a list per city: a new profile's
 * requirement gets its fields from its action and contents.
 */
public enum ApprovalField {

	/** Where the act takes place (作業場所・設置場所). */
	LOCATION,

	/** Who receives the information (提供先). */
	THIRD_PARTY,

	/** The measures that protect the information (安全管理措置). */
	SAFEGUARDS,

	/** What for (目的). */
	PURPOSE,

	/** For how long (期間): the requested first and last day. */
	PERIOD,

	/** Which systems or equipment (システム・機器). */
	SYSTEMS,

	/** Which information (対象となる情報). */
	INFORMATION;

	/**
	 * Returns the name of the form's property that holds this field (for the period, its
	 * first day).
	 * @return e.g. {@code thirdParty}
	 */
	public String property() {
		return switch (this) {
			case THIRD_PARTY -> "thirdParty";
			case PERIOD -> "periodFrom";
			default -> name().toLowerCase(Locale.ROOT);
		};
	}

	/**
	 * Returns the fields a requirement asks an application to state, in this enum's
	 * order.
	 * @param requirement the BEFORE_ACTION requirement
	 * @return the fields; never empty, PERIOD always included
	 */
	public static List<ApprovalField> of(RequirementDefinition requirement) {
		Set<ApprovalField> fields = EnumSet.copyOf(of(requirement.trigger().action()));
		for (ContentItem item : requirement.contents()) {
			switch (item) {
				case WORK_LOCATION, DESTINATION -> fields.add(LOCATION);
				case PURPOSE -> fields.add(PURPOSE);
				case INFORMATION_CONTENT, ITEMS -> fields.add(INFORMATION);
				case PROTECTION_MEASURES, ENCRYPTION, SUBCONTRACTOR_SAFETY_MEASURES -> fields.add(SAFEGUARDS);
				default -> {
				}
			}
		}
		return List.copyOf(new LinkedHashSet<>(fields));
	}

	/**
	 * Returns what an act concerns by its nature.
	 * @param action the act
	 * @return the fields
	 */
	static Set<ApprovalField> of(GuardedAction action) {
		return switch (action) {
			case WORK_OUTSIDE_DESIGNATED_SITE -> EnumSet.of(LOCATION, PERIOD, INFORMATION);
			case THIRD_PARTY_PROVISION, HANDOVER -> EnumSet.of(THIRD_PARTY, SAFEGUARDS, PURPOSE, PERIOD, INFORMATION);
			case USE_OUTSIDE_PURPOSE -> EnumSet.of(PURPOSE, PERIOD, INFORMATION);
			case PLACE_SERVERS_OUTSIDE_CLIENT_PREMISES -> EnumSet.of(LOCATION, SYSTEMS, SAFEGUARDS, PERIOD);
			case MODIFICATION -> EnumSet.of(PURPOSE, SYSTEMS, PERIOD, INFORMATION);
			case SHIPMENT -> EnumSet.of(LOCATION, THIRD_PARTY, SAFEGUARDS, PERIOD, INFORMATION);
			default -> EnumSet.of(PURPOSE, PERIOD, INFORMATION);
		};
	}

	/**
	 * Returns the field that names what an approval covers, which the gate compares with
	 * the act being recorded: the place for an act at a place, else the third party.
	 * @param fields the fields an act asks for
	 * @return the field, or {@code null} when an approval covers the act as a whole
	 */
	static @Nullable ApprovalField subjectOf(List<ApprovalField> fields) {
		if (fields.contains(LOCATION)) {
			return LOCATION;
		}
		return fields.contains(THIRD_PARTY) ? THIRD_PARTY : null;
	}

}
