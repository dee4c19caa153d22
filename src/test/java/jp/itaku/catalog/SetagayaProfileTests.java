package jp.itaku.catalog;

import java.io.IOException;
import java.util.List;

import jp.itaku.catalog.ProfileDefinition.ClauseDefinition;
import jp.itaku.catalog.ProfileDefinition.RequirementDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spot checks of Setagaya's profile against what a reader of the source text would
 * conclude: which submissions depend on My Number files or cloud services, what needs the
 * ward's prior approval, what is reported immediately or promptly, what the roster
 * contains, and which remedies are the ward's.
 */
class SetagayaProfileTests {

	private static ProfileDefinition profile;

	@BeforeAll
	static void load() throws IOException {
		profile = ProfileTestSupport.bundled("setagaya");
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
	void networkDiagramAndSecuritySpecificationAreRequiredOnlyWhenMyNumberFilesAreHandled() {
		assertThat(requirements("3(4)")).isNotEmpty().allSatisfy((requirement) -> {
			assertThat(requirement.when()).containsExactly(ContractAttribute.HANDLES_MY_NUMBER);
			assertThat(requirement.deliverable()).isEqualTo(Deliverable.NETWORK_DIAGRAM);
		});
		assertThat(requirements("3(5)")).isNotEmpty().allSatisfy((requirement) -> {
			assertThat(requirement.when()).containsExactly(ContractAttribute.HANDLES_MY_NUMBER);
			assertThat(requirement.deliverable()).isEqualTo(Deliverable.SECURITY_SPECIFICATION);
		});
		assertThat(profile.clauses()).flatExtracting(ClauseDefinition::requirements)
			.filteredOn((requirement) -> requirement.deliverable() == Deliverable.NETWORK_DIAGRAM
					|| requirement.deliverable() == Deliverable.SECURITY_SPECIFICATION)
			.allSatisfy((requirement) -> assertThat(requirement.when()).contains(ContractAttribute.HANDLES_MY_NUMBER));
	}

	@Test
	void cloudRiskDocumentIsRequiredOnlyWhenCloudServicesAreUsed() {
		assertThat(requirements("3(6)")).isNotEmpty().allSatisfy((requirement) -> {
			assertThat(requirement.when()).containsExactly(ContractAttribute.USES_CLOUD_SERVICES);
			assertThat(requirement.deliverable()).isEqualTo(Deliverable.CLOUD_RISK_MEASURES);
		});
		assertThat(requirements("25")).allSatisfy(
				(requirement) -> assertThat(requirement.when()).containsExactly(ContractAttribute.USES_CLOUD_SERVICES));
	}

	@Test
	void everyDocumentOfItemThreeIsDueImmediatelyAfterConclusionAndAgainWhenItChanges() {
		assertThat(clause("3").informational()).isTrue();
		for (String ref : List.of("3(1)", "3(2)①", "3(2)②", "3(2)③", "3(3)", "3(4)", "3(5)", "3(6)")) {
			assertThat(requirements(ref)).as(ref)
				.extracting((requirement) -> requirement.trigger().type())
				.containsExactly(TriggerType.CONTRACT_START, TriggerType.ON_CHANGE);
			assertThat(requirements(ref)).as(ref).allSatisfy((requirement) -> {
				assertThat(requirement.kind()).isEqualTo(RequirementKind.SUBMIT_DOCUMENT);
				assertThat(requirement.deadline().policy()).isEqualTo(DeadlinePolicy.IMMEDIATELY);
			});
		}
		assertThat(requirements("3(1)")).allSatisfy((requirement) -> assertThat(requirement.when()).isEmpty());
	}

	@Test
	void rosterNamesTheLeadTheProcessorsAndThoseWhoHandleAndHandOverPersonalInformation() {
		assertThat(clause("3(2)").informational()).isTrue();
		assertThat(requirements("3(2)①")).allSatisfy((requirement) -> {
			assertThat(requirement.deliverable()).isEqualTo(Deliverable.ROSTER);
			assertThat(requirement.contents()).contains(ContentItem.NAME, ContentItem.RESPONSIBILITY, ContentItem.ROLE,
					ContentItem.WORK_LOCATION);
		});
		assertThat(requirements("3(2)②")).allSatisfy((requirement) -> {
			assertThat(requirement.deliverable()).isEqualTo(Deliverable.ROSTER);
			assertThat(requirement.contents()).contains(ContentItem.PERSONAL_INFORMATION_HANDLERS,
					ContentItem.HANDOVER_PERSONS, ContentItem.WORK_LOCATION);
		});
		assertThat(requirements("3(2)③")).extracting(RequirementDefinition::deliverable)
			.containsOnly(Deliverable.EMERGENCY_CONTACTS);
	}

	@Test
	void copyingNeedsPriorApprovalExceptOperationalBackupsAndCopiesAreErasedAndReported() {
		assertThat(requirements("7")).filteredOn((requirement) -> requirement.kind() == RequirementKind.OBTAIN_APPROVAL)
			.singleElement()
			.satisfies((approval) -> {
				assertThat(approval.trigger().type()).isEqualTo(TriggerType.BEFORE_ACTION);
				assertThat(approval.trigger().action()).isEqualTo(GuardedAction.COPY);
				assertThat(approval.deadline().type()).isEqualTo(DeadlineType.BEFORE_ACTION);
				assertThat(approval.summary()).contains("バックアップ").contains("除き");
			});
		assertThat(requirements("7")).filteredOn((requirement) -> requirement.kind() == RequirementKind.NOTIFY)
			.singleElement()
			.satisfies((report) -> {
				assertThat(report.deliverable()).isEqualTo(Deliverable.DISPOSAL_REPORT);
				assertThat(report.contents()).contains(ContentItem.DATE_AND_TIME, ContentItem.PERSON_IN_CHARGE);
			});
		assertThat(requirements("8")).singleElement().satisfies((takeOut) -> {
			assertThat(takeOut.kind()).isEqualTo(RequirementKind.OBTAIN_APPROVAL);
			assertThat(takeOut.trigger().action()).isEqualTo(GuardedAction.TAKE_OUT);
		});
	}

	@Test
	void assetsAreReturnedPromptlyAndDisposalNeedsConsentBeforehandAndAReportAfter() {
		assertThat(requirements("29")).extracting(RequirementDefinition::kind)
			.contains(RequirementKind.OBTAIN_APPROVAL, RequirementKind.NOTIFY);
		assertThat(requirements("29"))
			.filteredOn((requirement) -> requirement.kind() == RequirementKind.OBTAIN_APPROVAL)
			.singleElement()
			.satisfies((approval) -> {
				assertThat(approval.trigger().action()).isEqualTo(GuardedAction.ERASURE_OR_DISPOSAL);
				assertThat(approval.deliverable()).isEqualTo(Deliverable.DISPOSAL_APPLICATION);
				assertThat(approval.deadline().type()).isEqualTo(DeadlineType.BEFORE_ACTION);
			});
		assertThat(requirements("29")).filteredOn((requirement) -> requirement.kind() == RequirementKind.NOTIFY)
			.singleElement()
			.satisfies((report) -> {
				assertThat(report.deliverable()).isEqualTo(Deliverable.DISPOSAL_REPORT);
				assertThat(report.contents()).contains(ContentItem.DATE_AND_TIME, ContentItem.PERSON_IN_CHARGE,
						ContentItem.METHOD);
			});
		assertThat(requirements("29")).first().satisfies((giveBack) -> {
			assertThat(giveBack.trigger().type()).isEqualTo(TriggerType.CONTRACT_END);
			assertThat(giveBack.deadline().policy()).isEqualTo(DeadlinePolicy.PROMPTLY);
		});
	}

	@Test
	void incidentsAndTheirRiskAreReportedImmediatelyAndTheListedEventsOnlyDefineThem() {
		assertThat(requirements("36")).extracting((requirement) -> requirement.trigger().event())
			.containsExactlyInAnyOrder(TriggerEvent.INCIDENT, TriggerEvent.INCIDENT_RISK);
		assertThat(requirements("36")).allSatisfy((requirement) -> {
			assertThat(requirement.kind()).isEqualTo(RequirementKind.NOTIFY);
			assertThat(requirement.deliverable()).isEqualTo(Deliverable.INCIDENT_REPORT);
			assertThat(requirement.deadline().policy()).isEqualTo(DeadlinePolicy.IMMEDIATELY);
		});
		assertThat(profile.clauses()).filteredOn((clause) -> "36".equals(clause.parent()))
			.hasSize(6)
			.allSatisfy((event) -> assertThat(event.informational()).isTrue());
		assertThat(requirements("35")).filteredOn((requirement) -> requirement.kind() == RequirementKind.NOTIFY)
			.singleElement()
			.satisfies((report) -> assertThat(report.deadline().policy()).isEqualTo(DeadlinePolicy.IMMEDIATELY));
	}

	@Test
	void subcontractingIsForbiddenSaveApprovedAncillaryWorkAtEveryLevel() {
		assertThat(requirements("4")).extracting(RequirementDefinition::kind, RequirementDefinition::party)
			.contains(org.assertj.core.groups.Tuple.tuple(RequirementKind.PROHIBITION, Party.CONTRACTOR),
					org.assertj.core.groups.Tuple.tuple(RequirementKind.OBTAIN_APPROVAL, Party.CONTRACTOR),
					org.assertj.core.groups.Tuple.tuple(RequirementKind.PROHIBITION, Party.SUBCONTRACTOR),
					org.assertj.core.groups.Tuple.tuple(RequirementKind.OBTAIN_APPROVAL, Party.SUBCONTRACTOR));
		assertThat(requirements("4")).filteredOn((requirement) -> requirement.kind() == RequirementKind.OBTAIN_APPROVAL)
			.allSatisfy((approval) -> {
				assertThat(approval.trigger().action()).isEqualTo(GuardedAction.SUBCONTRACT);
				assertThat(approval.deliverable()).isEqualTo(Deliverable.SUBCONTRACT_APPLICATION);
			});
	}

	@Test
	void auditTerminationAndDamagesAreTheWardsRights() {
		for (String ref : List.of("33", "34", "38")) {
			assertThat(requirements(ref)).as(ref)
				.filteredOn((requirement) -> requirement.kind() == RequirementKind.CLIENT_RIGHT)
				.isNotEmpty()
				.allSatisfy((right) -> assertThat(right.party()).isEqualTo(Party.CLIENT));
		}
		assertThat(requirements("38")).hasSize(2)
			.allSatisfy((right) -> assertThat(right.trigger().event()).isEqualTo(TriggerEvent.BREACH));
	}

}
