package jp.itaku.catalog;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.jspecify.annotations.Nullable;

/**
 * A clause profile as written in its file, validated: one body's special clauses.
 *
 * @param code stable identifier, e.g. {@code setagaya}
 * @param issuer the issuing body, e.g. 世田谷区
 * @param issuerEn the issuer in English
 * @param title the document's title
 * @param source where the text comes from
 * @param partyTerms how the text names the parties (e.g. client = 甲)
 * @param deadlinePolicies default durations (ISO-8601) of 直ちに, 速やかに, 遅滞なく
 * @param references documents the profile refers to without including them
 * @param clauses every numbered clause and sub-item, in document order
 */
public record ProfileDefinition(String code, String issuer, String issuerEn, String title, String source,
		Map<String, String> partyTerms, Map<DeadlinePolicy, String> deadlinePolicies,
		List<ExternalReference> references, List<ClauseDefinition> clauses) {

	public ProfileDefinition {
		partyTerms = (partyTerms != null) ? Map.copyOf(partyTerms) : Map.of();
		references = (references != null) ? List.copyOf(references) : List.of();
		clauses = List.copyOf(clauses);
	}

	/**
	 * A document referred to but not included (e.g. Nerima's 特定個人情報等の特記事項).
	 *
	 * @param title its title
	 * @param appliesWhen contract attributes under which it applies
	 * @param note a note
	 */
	public record ExternalReference(String title, List<ContractAttribute> appliesWhen, String note) {

		public ExternalReference {
			appliesWhen = (appliesWhen != null) ? List.copyOf(appliesWhen) : List.of();
		}

	}

	/**
	 * One clause or sub-item.
	 *
	 * @param ref the reference as printed, e.g. {@code 3(2)②}
	 * @param parent the enclosing clause's reference, or {@code null}
	 * @param heading the heading, or {@code null}
	 * @param text the original text verbatim
	 * @param category the canonical category
	 * @param informational whether it binds nobody to an action
	 * @param references documents this clause refers to
	 * @param requirements what it requires
	 */
	public record ClauseDefinition(String ref, String parent, String heading, String text, ClauseCategory category,
			boolean informational, List<ExternalReference> references, List<RequirementDefinition> requirements) {

		public ClauseDefinition {
			text = (text != null) ? text : "";
			references = (references != null) ? List.copyOf(references) : List.of();
			requirements = (requirements != null) ? List.copyOf(requirements) : List.of();
		}

	}

	/**
	 * One requirement of a clause.
	 *
	 * @param kind what is asked
	 * @param party who is bound
	 * @param summary what is required, in Japanese
	 * @param summaryEn the same in English, or {@code null}
	 * @param trigger when it becomes due
	 * @param when contract attributes that must all hold for it to apply
	 * @param deliverable what proves it, or {@code null}
	 * @param deadline its deadline rule, or {@code null}
	 * @param contents what the deliverable must contain or the control include
	 * @param assetScope the kinds of information it is limited to (any of them); empty
	 * for all
	 * @param assetForm the forms of asset it is limited to (any of them); empty for all
	 * @param onlyIf for a requirement due at the end of the contract: what must have
	 * happened for it to bind at all ({@code null}: it always binds)
	 * @param subcontractorDocuments for a prior approval of a subcontract: the documents
	 * of the subcontractor's own that the application must carry (Setagaya 4: the item-3
	 * documents); empty when the clause asks for none
	 * @param alsoMetBy other deliverables whose submission meets the requirement too,
	 * where the clause lets the act be done either way (Gunma 13②, Kadoma 9(1)ア: return
	 * <em>or</em> dispose of with approval, so the disposal certificate meets the
	 * return); empty when only {@code deliverable} does
	 */
	public record RequirementDefinition(RequirementKind kind, @JsonProperty("actor") Party party, String summary,
			String summaryEn, Trigger trigger, List<ContractAttribute> when, Deliverable deliverable, Deadline deadline,
			List<ContentItem> contents, List<AssetScope> assetScope, List<AssetForm> assetForm,
			@Nullable EndCondition onlyIf, List<Deliverable> subcontractorDocuments, List<Deliverable> alsoMetBy) {

		public RequirementDefinition {
			alsoMetBy = (alsoMetBy != null) ? List.copyOf(alsoMetBy) : List.of();
			subcontractorDocuments = (subcontractorDocuments != null) ? List.copyOf(subcontractorDocuments) : List.of();
			when = (when != null) ? List.copyOf(when) : List.of();
			contents = (contents != null) ? List.copyOf(contents) : List.of();
			assetScope = (assetScope != null) ? List.copyOf(assetScope) : List.of();
			assetForm = (assetForm != null) ? List.copyOf(assetForm) : List.of();
		}

	}

	/**
	 * When a requirement becomes due.
	 *
	 * @param type the kind of trigger
	 * @param subject for {@link TriggerType#ON_CHANGE}: what changed
	 * @param interval for {@link TriggerType#PERIODIC}: ISO-8601 period or
	 * {@code AS_AGREED}
	 * @param event for {@link TriggerType#ON_EVENT}: the event
	 * @param action for {@link TriggerType#BEFORE_ACTION}: the action
	 */
	public record Trigger(TriggerType type, ChangeSubject subject, String interval, TriggerEvent event,
			GuardedAction action) {
	}

	/**
	 * A deadline rule.
	 *
	 * @param type the kind of rule
	 * @param policy for {@link DeadlineType#POLICY}
	 * @param day for {@link DeadlineType#DAY_OF_MONTH}: the day
	 * @param monthOffset for {@link DeadlineType#DAY_OF_MONTH}: months relative to the
	 * period (-1: the previous month)
	 * @param period for {@link DeadlineType#WITHIN} and {@link DeadlineType#RETENTION}:
	 * ISO-8601
	 */
	public record Deadline(DeadlineType type, DeadlinePolicy policy, @Nullable Integer day,
			@Nullable Integer monthOffset, @Nullable String period) {
	}

}
