package jp.itaku.roster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import jp.itaku.catalog.ContentItem;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.catalog.Deliverable;
import jp.itaku.catalog.Party;
import jp.itaku.catalog.ProfileDefinition;
import jp.itaku.platform.ItakuProblem.FieldProblem;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * What a written roster must say of each person, as the contract's clause profile states
 * it: the {@code contents} of every roster requirement that applies to the contract (e.g.
 * Kadoma 2(4): name, affiliation, expertise, track record and nationality; Nerima 第7条:
 * the planned end of the work; Setagaya 3(2): the work location; Gunma 第4条: the scope of
 * work). One table maps the catalog's content items to the member's fields, for every
 * profile alike; content items with no field on a member (none of the bundled profiles'
 * roster items) are left to the client's review of the notice.
 */
public final class RosterContents {

	/**
	 * A field of a roster member that a content item asks for, in the form's order, with
	 * the test of whether a member has it.
	 */
	public enum Field {

		/** 氏名. */
		NAME("name", (m) -> !m.getName().isBlank()),

		/** 所属. */
		AFFILIATION("affiliation", (m) -> !m.getAffiliation().isBlank()),

		/** 役割 (also the responsibility a role carries). */
		ROLE("role", (m) -> true),

		/** 担当業務 (the scope of work). */
		DUTIES("duties", (m) -> m.getDuties() != null),

		/** 作業場所. */
		WORK_LOCATION("workLocation", (m) -> m.getWorkLocation() != null),

		/** 個人情報の取扱い (a yes or no the form always records). */
		HANDLES_PERSONAL_INFORMATION("handlesPersonalInformation", (m) -> true),

		/** 授受に携わる者 (a yes or no the form always records). */
		HANDOVER_PERSON("handoverPerson", (m) -> true),

		/** 専門性. */
		EXPERTISE("expertise", (m) -> m.getExpertise() != null),

		/** 実績. */
		TRACK_RECORD("trackRecord", (m) -> m.getTrackRecord() != null),

		/** 国籍 (encrypted; only whether it is on record is looked at). */
		NATIONALITY("nationality", RosterMember::hasNationality),

		/** 従事開始日. */
		PERIOD_START("periodStart", (m) -> true),

		/** 従事終了予定日 (or the last day, once known). */
		PLANNED_END("plannedEnd", (m) -> m.getPlannedEnd() != null || m.getActualEnd() != null);

		private final String code;

		private final Predicate<RosterMember> present;

		Field(String code, Predicate<RosterMember> present) {
			this.code = code;
			this.present = present;
		}

		/**
		 * Returns the field's name in forms, the API and the message bundles
		 * ({@code roster.field.<code>}).
		 * @return the name, e.g. {@code plannedEnd}
		 */
		public String code() {
			return this.code;
		}

		boolean presentIn(RosterMember member) {
			return this.present.test(member);
		}

	}

	/**
	 * The one table: which member fields each content item of a roster requirement asks
	 * for. A content item missing here has no field on a member.
	 */
	private static final Map<ContentItem, List<Field>> FIELDS = Map.ofEntries(
			Map.entry(ContentItem.NAME, List.of(Field.NAME)),
			Map.entry(ContentItem.AFFILIATION, List.of(Field.AFFILIATION)),
			Map.entry(ContentItem.ROLE, List.of(Field.ROLE)),
			Map.entry(ContentItem.RESPONSIBILITY, List.of(Field.ROLE)),
			Map.entry(ContentItem.DUTIES, List.of(Field.DUTIES)),
			Map.entry(ContentItem.WORK_LOCATION, List.of(Field.WORK_LOCATION)),
			Map.entry(ContentItem.WORK_PERIOD, List.of(Field.PERIOD_START, Field.PLANNED_END)),
			Map.entry(ContentItem.EXPERTISE, List.of(Field.EXPERTISE)),
			Map.entry(ContentItem.TRACK_RECORD, List.of(Field.TRACK_RECORD)),
			Map.entry(ContentItem.NATIONALITY, List.of(Field.NATIONALITY)),
			Map.entry(ContentItem.PERSONAL_INFORMATION_HANDLERS, List.of(Field.HANDLES_PERSONAL_INFORMATION)),
			Map.entry(ContentItem.HANDOVER_PERSONS, List.of(Field.HANDOVER_PERSON)));

	private final Map<Field, Set<String>> clauses;

	private RosterContents(Map<Field, Set<String>> clauses) {
		this.clauses = clauses;
	}

	/**
	 * Returns the member fields a content item asks for.
	 * @param item the content item
	 * @return the fields; empty when a member has no field for it
	 */
	public static List<Field> fieldsOf(ContentItem item) {
		return FIELDS.getOrDefault(item, List.of());
	}

	/**
	 * Reads what a contract's roster must say from its profile: the contents of every
	 * requirement met by the roster ({@link Deliverable#ROSTER}) that binds the
	 * contractor and applies to the contract's scope.
	 * @param profile the contract's profile version
	 * @param attributes the contract's scope
	 * @return the fields required, each with the clauses that require it
	 */
	public static RosterContents of(ProfileDefinition profile, Set<ContractAttribute> attributes) {
		Map<Field, Set<String>> clauses = new EnumMap<>(Field.class);
		for (ProfileDefinition.ClauseDefinition clause : profile.clauses()) {
			for (ProfileDefinition.RequirementDefinition requirement : clause.requirements()) {
				if (requirement.deliverable() != Deliverable.ROSTER || requirement.party() == Party.CLIENT
						|| !attributes.containsAll(requirement.when())) {
					continue;
				}
				for (ContentItem item : requirement.contents()) {
					for (Field field : fieldsOf(item)) {
						clauses.computeIfAbsent(field, (f) -> new LinkedHashSet<>()).add(clause.ref());
					}
				}
			}
		}
		return new RosterContents(Collections.unmodifiableMap(clauses));
	}

	/**
	 * Returns the fields required, in the form's order.
	 * @return the fields
	 */
	public Set<Field> fields() {
		return this.clauses.keySet();
	}

	/**
	 * Returns the names of the fields required, as forms name them.
	 * @return e.g. {@code name}, {@code nationality}
	 */
	public Set<String> codes() {
		Set<String> codes = new LinkedHashSet<>();
		this.clauses.keySet().forEach((f) -> codes.add(f.code()));
		return codes;
	}

	/**
	 * Returns the clauses that require some field, in profile order.
	 * @return the clause references, e.g. {@code 2(4)}
	 */
	public Set<String> clauses() {
		Set<String> all = new LinkedHashSet<>();
		this.clauses.values().forEach(all::addAll);
		return all;
	}

	/**
	 * Lists what the members still at work or to start lack (those who left can no longer
	 * be changed and are not asked).
	 * @param roster the members
	 * @return one problem per member and field, as {@code members[<id>].<field>}, whose
	 * message names the member, the field and the clauses; empty when the roster says all
	 * it must
	 */
	public List<FieldProblem> missing(List<RosterMember> roster) {
		List<FieldProblem> problems = new ArrayList<>();
		for (RosterMember member : roster) {
			if (member.getStatus() == MemberStatus.LEFT) {
				continue;
			}
			this.clauses.forEach((field, refs) -> {
				if (!field.presentIn(member)) {
					problems.add(new FieldProblem("members[" + member.getId() + "]." + field.code(),
							"roster.notice.missingContent", member.getName(),
							new DefaultMessageSourceResolvable("roster.field." + field.code()),
							String.join("、", refs)));
				}
			});
		}
		return problems;
	}

}
