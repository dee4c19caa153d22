package jp.itaku.catalog;

import java.io.IOException;
import java.util.List;

import jp.itaku.catalog.ProfileDefinition.ClauseDefinition;
import jp.itaku.catalog.ProfileDefinition.Deadline;
import jp.itaku.catalog.ProfileDefinition.RequirementDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a reader of Gunma's special clauses finds in its profile: logs kept for three
 * months and submitted on request, prior written approval for work elsewhere, copies,
 * take-out and subcontracting, prompt emergency reports, the prefecture's right to
 * publish, and technical safeguards that apply only with personal information.
 */
class GunmaProfileTests {

	private static ProfileDefinition profile;

	@BeforeAll
	static void load() throws IOException {
		profile = ProfileTestSupport.bundled("gunma");
	}

	private static ClauseDefinition clause(String ref) {
		return profile.clauses()
			.stream()
			.filter((clause) -> clause.ref().equals(ref))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no clause " + ref));
	}

	private static List<RequirementDefinition> requirements(String ref) {
		return clause(ref).requirements();
	}

	@Test
	void logsCoverAtLeastThePastThreeMonthsAndAreSubmittedOnRequest() {
		assertThat(requirements("第9条イ")).anySatisfy((r) -> {
			assertThat(r.kind()).isEqualTo(RequirementKind.KEEP_RECORD);
			assertThat(r.deliverable()).isEqualTo(Deliverable.ACCESS_LOG);
			assertThat(r.deadline()).isEqualTo(new Deadline(DeadlineType.RETENTION, null, null, null, "P3M"));
		});
		assertThat(requirements("第9条イ")).anySatisfy((r) -> {
			assertThat(r.kind()).isEqualTo(RequirementKind.SUBMIT_DOCUMENT);
			assertThat(r.party()).isEqualTo(Party.CONTRACTOR);
			assertThat(r.trigger().type()).isEqualTo(TriggerType.ON_REQUEST);
			assertThat(r.deliverable()).isEqualTo(Deliverable.LOG_SUBMISSION);
		});
		assertThat(requirements("第9条ア")).anySatisfy((r) -> {
			assertThat(r.deliverable()).isEqualTo(Deliverable.WORK_RECORD);
			assertThat(r.deadline().type()).isEqualTo(DeadlineType.RETENTION);
			assertThat(r.deadline().period()).isEqualTo("P3M");
		});
	}

	@Test
	void workOutsideTheDesignatedPlaceNeedsPriorWrittenApproval() {
		assertThat(requirements("第5条")).singleElement().satisfies((r) -> assertThat(r.party()).isEqualTo(Party.CLIENT));
		assertThat(requirements("第5条第2項")).singleElement().satisfies((r) -> {
			assertThat(r.kind()).isEqualTo(RequirementKind.OBTAIN_APPROVAL);
			assertThat(r.party()).isEqualTo(Party.CONTRACTOR);
			assertThat(r.trigger().type()).isEqualTo(TriggerType.BEFORE_ACTION);
			assertThat(r.trigger().action()).isEqualTo(GuardedAction.WORK_OUTSIDE_DESIGNATED_SITE);
			assertThat(r.deliverable()).isEqualTo(Deliverable.WORK_LOCATION_REQUEST);
			assertThat(r.deadline().type()).isEqualTo(DeadlineType.BEFORE_ACTION);
		});
	}

	@Test
	void copiesAndTakeOutNeedPriorWrittenApproval() {
		assertThat(requirements("第13条第4項")).allSatisfy((r) -> {
			assertThat(r.kind()).isEqualTo(RequirementKind.OBTAIN_APPROVAL);
			assertThat(r.deadline().type()).isEqualTo(DeadlineType.BEFORE_ACTION);
		})
			.extracting((r) -> r.trigger().action(), RequirementDefinition::deliverable)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple(GuardedAction.COPY, Deliverable.COPY_REQUEST),
					org.assertj.core.groups.Tuple.tuple(GuardedAction.TAKE_OUT, Deliverable.TAKE_OUT_REQUEST));
		assertThat(requirements("第13条第5項")).singleElement()
			.satisfies((r) -> assertThat(r.contents()).contains(ContentItem.ENCRYPTION));
	}

	@Test
	void subcontractingNeedsPriorWrittenApprovalWithTheListedContents() {
		assertThat(requirements("第14条")).singleElement().satisfies((r) -> {
			assertThat(r.kind()).isEqualTo(RequirementKind.OBTAIN_APPROVAL);
			assertThat(r.trigger().action()).isEqualTo(GuardedAction.SUBCONTRACT);
			assertThat(r.deliverable()).isEqualTo(Deliverable.SUBCONTRACT_APPLICATION);
			assertThat(r.when()).isEmpty();
		});
		assertThat(requirements("第14条第2項")).singleElement().satisfies((r) -> {
			assertThat(r.deliverable()).isEqualTo(Deliverable.SUBCONTRACT_APPLICATION);
			assertThat(r.trigger().action()).isEqualTo(GuardedAction.SUBCONTRACT);
			assertThat(r.contents()).containsExactlyInAnyOrder(ContentItem.SUBCONTRACT_REASON,
					ContentItem.SUBCONTRACT_SCOPE, ContentItem.SUBCONTRACTOR_NAME_AND_ADDRESS,
					ContentItem.INFORMATION_CONTENT, ContentItem.SUBCONTRACTOR_SAFETY_MEASURES,
					ContentItem.SUPERVISION_METHOD);
		});
		assertThat(requirements("第14条第3項")).anySatisfy((r) -> {
			assertThat(r.trigger().subject()).isEqualTo(ChangeSubject.SUBCONTRACT_STAFF);
			assertThat(r.deadline().policy()).isEqualTo(DeadlinePolicy.PROMPTLY);
		});
		assertThat(clause("第14条第3項").requirements())
			.allSatisfy((r) -> assertThat(r.when()).containsExactly(ContractAttribute.HAS_SUBCONTRACTORS));
		assertThat(clause("第14条第4項").requirements())
			.allSatisfy((r) -> assertThat(r.when()).containsExactly(ContractAttribute.HAS_SUBCONTRACTORS));
	}

	@Test
	void incidentsAndTheirRiskAreReportedPromptly() {
		assertThat(clause("第16条").category()).isEqualTo(ClauseCategory.REPORTING);
		assertThat(requirements("第16条")).allSatisfy((r) -> {
			assertThat(r.kind()).isEqualTo(RequirementKind.NOTIFY);
			assertThat(r.party()).isEqualTo(Party.CONTRACTOR);
			assertThat(r.deliverable()).isEqualTo(Deliverable.INCIDENT_REPORT);
			assertThat(r.deadline().policy()).isEqualTo(DeadlinePolicy.PROMPTLY);
		})
			.extracting((r) -> r.trigger().event())
			.containsExactlyInAnyOrder(TriggerEvent.INCIDENT, TriggerEvent.INCIDENT_RISK);
	}

	@Test
	void thePrefectureMayPublishAnIncidentNamingTheContractor() {
		assertThat(clause("第16条第3項").category()).isEqualTo(ClauseCategory.INCIDENT_PUBLICATION);
		assertThat(requirements("第16条第3項")).singleElement().satisfies((r) -> {
			assertThat(r.kind()).isEqualTo(RequirementKind.CLIENT_RIGHT);
			assertThat(r.party()).isEqualTo(Party.CLIENT);
			assertThat(r.trigger().event()).isEqualTo(TriggerEvent.INCIDENT);
		});
		assertThat(profile.clauses()).flatMap(ClauseDefinition::requirements)
			.filteredOn((r) -> r.kind() == RequirementKind.CLIENT_RIGHT)
			.hasSizeGreaterThanOrEqualTo(5)
			.allSatisfy((r) -> assertThat(r.party()).isEqualTo(Party.CLIENT));
	}

	@Test
	void technicalSafeguardsOfArticle3ApplyOnlyWithPersonalInformation() {
		assertThat(clause("第3条").informational()).isTrue();
		List<ClauseDefinition> items = profile.clauses().stream().filter((c) -> "第3条".equals(c.parent())).toList();
		assertThat(items).extracting(ClauseDefinition::ref).containsExactly("第3条ア", "第3条イ", "第3条ウ", "第3条エ");
		assertThat(items).flatMap(ClauseDefinition::requirements)
			.isNotEmpty()
			.allSatisfy((r) -> assertThat(r.when()).containsExactly(ContractAttribute.HANDLES_PERSONAL_INFORMATION));
		assertThat(profile.clauses()).filteredOn((c) -> !"第3条".equals(c.parent()))
			.flatMap(ClauseDefinition::requirements)
			.allSatisfy((r) -> assertThat(r.when()).doesNotContain(ContractAttribute.HANDLES_PERSONAL_INFORMATION));
	}

}
