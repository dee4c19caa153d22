package jp.itaku.catalog;

import java.io.IOException;
import java.util.List;

import jp.itaku.catalog.ProfileDefinition.ClauseDefinition;
import jp.itaku.catalog.ProfileDefinition.ExternalReference;
import jp.itaku.catalog.ProfileDefinition.RequirementDefinition;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Spot checks of meaning in Nerima's profile, as a reader of the source text would make
 * them: tracked mail for important information on media, the separate My Number clauses,
 * prior approval and checked safeguards for subcontracting, approval for copies and
 * take-out, incidents reported immediately, the ward's rights, and the data custodian.
 */
class NerimaProfileTests {

	private static final String MY_NUMBER_CLAUSES = "特定個人情報等の保護および管理に関する特記事項";

	private static ProfileDefinition profile;

	@BeforeAll
	static void load() throws IOException {
		profile = ProfileTestSupport.bundled("nerima");
	}

	private static ClauseDefinition clause(String ref) {
		return profile.clauses()
			.stream()
			.filter((clause) -> clause.ref().equals(ref))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no clause " + ref));
	}

	private static List<RequirementDefinition> requirements(String ref, RequirementKind kind) {
		return clause(ref).requirements().stream().filter((r) -> r.kind() == kind).toList();
	}

	private static boolean has(RequirementDefinition requirement, DeadlinePolicy policy) {
		return requirement.deadline() != null && requirement.deadline().policy() == policy;
	}

	@Test
	void importantInformationOnMediaIsMailedByTrackedMail() {
		assertThat(requirements("第17条⑶", RequirementKind.IMPLEMENT_CONTROL)).singleElement().satisfies((r) -> {
			assertThat(r.party()).isEqualTo(Party.CONTRACTOR);
			assertThat(r.trigger().type()).isEqualTo(TriggerType.BEFORE_ACTION);
			assertThat(r.trigger().action()).isEqualTo(GuardedAction.SHIPMENT);
			assertThat(r.contents()).contains(ContentItem.TRACKED_MAIL);
			assertThat(r.assetScope()).contains(AssetScope.IMPORTANT_INFORMATION);
			assertThat(r.assetForm()).contains(AssetForm.ELECTRONIC_MEDIUM);
		});
		assertThat(profile.clauses()).flatExtracting(ClauseDefinition::requirements)
			.filteredOn((r) -> r.contents().contains(ContentItem.TRACKED_MAIL))
			.allSatisfy((r) -> assertThat(r.assetScope()).contains(AssetScope.IMPORTANT_INFORMATION));
	}

	@Test
	void theSeparateMyNumberClausesApplyWhenHandlingMyNumber() {
		Tuple myNumber = tuple(MY_NUMBER_CLAUSES, List.of(ContractAttribute.HANDLES_MY_NUMBER));
		assertThat(profile.references()).extracting(ExternalReference::title, ExternalReference::appliesWhen)
			.contains(myNumber);
		ClauseDefinition definition = clause("第2条第3項");
		assertThat(definition.text()).contains("「" + MY_NUMBER_CLAUSES + "」を併せて適用する");
		assertThat(definition.references()).extracting(ExternalReference::title, ExternalReference::appliesWhen)
			.containsExactly(myNumber);
		assertThat(definition.informational()).isTrue();
	}

	@Test
	void subcontractingNeedsPriorApprovalAndTheSubcontractorsSafeguardsCheckedBeforeSigning() {
		assertThat(requirements("第15条", RequirementKind.OBTAIN_APPROVAL)).singleElement().satisfies((r) -> {
			assertThat(r.trigger().action()).isEqualTo(GuardedAction.SUBCONTRACT);
			assertThat(r.deadline().type()).isEqualTo(DeadlineType.BEFORE_ACTION);
			assertThat(r.deliverable()).isEqualTo(Deliverable.SUBCONTRACT_APPLICATION);
		});
		List<RequirementDefinition> check = clause("第15条第2項").requirements();
		assertThat(check).isNotEmpty().allSatisfy((r) -> {
			assertThat(r.party()).isEqualTo(Party.CONTRACTOR);
			assertThat(r.trigger().action()).isEqualTo(GuardedAction.SUBCONTRACT);
			assertThat(r.deadline().type()).isEqualTo(DeadlineType.BEFORE_ACTION);
			assertThat(r.when()).contains(ContractAttribute.HANDLES_PERSONAL_INFORMATION);
			assertThat(r.contents()).contains(ContentItem.SUBCONTRACTOR_SAFETY_MEASURES);
		});
		assertThat(check).extracting(RequirementDefinition::kind)
			.contains(RequirementKind.IMPLEMENT_CONTROL, RequirementKind.SUBMIT_DOCUMENT);
		assertThat(requirements("第15条第3項⑴", RequirementKind.OBTAIN_APPROVAL)).singleElement()
			.satisfies((r) -> assertThat(r.party()).isEqualTo(Party.SUBCONTRACTOR));
		assertThat(requirements("第15条第3項⑶", RequirementKind.NOTIFY)).singleElement()
			.satisfies((r) -> assertThat(r.party()).isEqualTo(Party.SUBCONTRACTOR));
	}

	@Test
	void copiesAndTakeOutOfImportantInformationNeedTheWardsPriorApproval() {
		assertThat(requirements("第18条⑴", RequirementKind.OBTAIN_APPROVAL)).singleElement().satisfies((r) -> {
			assertThat(r.trigger().action()).isEqualTo(GuardedAction.TAKE_OUT);
			assertThat(r.deadline().type()).isEqualTo(DeadlineType.BEFORE_ACTION);
			assertThat(r.assetScope()).containsExactly(AssetScope.IMPORTANT_INFORMATION);
		});
		assertThat(requirements("第18条⑸", RequirementKind.OBTAIN_APPROVAL)).singleElement().satisfies((r) -> {
			assertThat(r.trigger().action()).isEqualTo(GuardedAction.COPY);
			assertThat(r.deliverable()).isEqualTo(Deliverable.COPY_REQUEST);
			assertThat(r.assetScope()).containsExactly(AssetScope.IMPORTANT_INFORMATION);
		});
		assertThat(requirements("第18条⑵", RequirementKind.KEEP_RECORD)).singleElement()
			.satisfies((r) -> assertThat(r.contents()).contains(ContentItem.APPROVER, ContentItem.DESTINATION,
					ContentItem.RETURN_DATE_AND_TIME, ContentItem.RETURN_CONFIRMED_BY));
	}

	@Test
	void incidentsAreReportedImmediatelyAndDeadlineWordsAreKept() {
		assertThat(requirements("第24条⑴", RequirementKind.NOTIFY)).isNotEmpty().allSatisfy((r) -> {
			assertThat(r.party()).isEqualTo(Party.CONTRACTOR);
			assertThat(r.trigger().type()).isEqualTo(TriggerType.ON_EVENT);
			assertThat(r.deadline().policy()).isEqualTo(DeadlinePolicy.IMMEDIATELY);
			assertThat(r.deliverable()).isEqualTo(Deliverable.INCIDENT_REPORT);
		});
		assertThat(requirements("第24条⑴", RequirementKind.NOTIFY)).extracting((r) -> r.trigger().event())
			.contains(TriggerEvent.INCIDENT, TriggerEvent.INCIDENT_RISK);
		assertThat(requirements("第24条第2項", RequirementKind.NOTIFY)).singleElement()
			.satisfies((r) -> assertThat(r.party()).isEqualTo(Party.SUBCONTRACTOR));
		assertThat(profile.clauses()).allSatisfy((clause) -> {
			if (clause.text().contains("直ちに")) {
				assertThat(clause.requirements()).as(clause.ref()).anyMatch((r) -> has(r, DeadlinePolicy.IMMEDIATELY));
			}
			if (clause.text().contains("速やかに")) {
				assertThat(clause.requirements()).as(clause.ref()).anyMatch((r) -> has(r, DeadlinePolicy.PROMPTLY));
			}
		});
	}

	@Test
	void theWardMayPublishIncidentsAndHasItsRemedies() {
		ClauseDefinition publication = clause("第25条");
		assertThat(publication.category()).isEqualTo(ClauseCategory.INCIDENT_PUBLICATION);
		assertThat(publication.requirements()).singleElement().satisfies((r) -> {
			assertThat(r.kind()).isEqualTo(RequirementKind.CLIENT_RIGHT);
			assertThat(r.party()).isEqualTo(Party.CLIENT);
			assertThat(r.trigger().event()).isEqualTo(TriggerEvent.INCIDENT);
		});
		for (String remedy : List.of("第26条", "第27条")) {
			assertThat(clause(remedy).category()).isEqualTo(ClauseCategory.BREACH_REMEDIES);
			assertThat(clause(remedy).requirements()).as(remedy)
				.singleElement()
				.satisfies((r) -> assertThat(r.party()).isEqualTo(Party.CLIENT));
		}
		assertThat(profile.clauses()).flatExtracting(ClauseDefinition::requirements)
			.filteredOn((r) -> r.kind() == RequirementKind.CLIENT_RIGHT)
			.allSatisfy((r) -> assertThat(r.party()).isEqualTo(Party.CLIENT));
	}

	@Test
	void theDataCustodianIsNamedInWritingWhenPersonalInformationIsHandled() {
		assertThat(requirements("第6条", RequirementKind.SUBMIT_DOCUMENT)).singleElement().satisfies((r) -> {
			assertThat(r.deliverable()).isEqualTo(Deliverable.RESPONSIBLE_PERSONS_NOTICE);
			assertThat(r.when()).containsExactly(ContractAttribute.HANDLES_PERSONAL_INFORMATION);
		});
		assertThat(requirements("第8条", RequirementKind.SUBMIT_DOCUMENT))
			.extracting((r) -> r.trigger().subject(), RequirementDefinition::deliverable)
			.containsExactlyInAnyOrder(tuple(ChangeSubject.RESPONSIBLE_PERSONS, Deliverable.RESPONSIBLE_PERSONS_NOTICE),
					tuple(ChangeSubject.ROSTER, Deliverable.ROSTER));
	}

}
