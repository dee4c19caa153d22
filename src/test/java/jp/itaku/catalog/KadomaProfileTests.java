package jp.itaku.catalog;

import java.io.IOException;
import java.util.List;

import jp.itaku.catalog.ProfileDefinition.ClauseDefinition;
import jp.itaku.catalog.ProfileDefinition.RequirementDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kadoma's profile says what a reader of its special clauses finds there: a roster with
 * nationality, a work schedule due by the 20th of the previous month, a monthly
 * self-inspection report, ID removal reported when a worker leaves, prior consent for
 * taking assets out, nationality used by the city only to trace leaks, no search by
 * resident record code, and an immediate written incident report.
 */
class KadomaProfileTests {

	private ProfileDefinition profile;

	@BeforeEach
	void load() throws IOException {
		this.profile = ProfileTestSupport.bundled("kadoma");
	}

	private ClauseDefinition clause(String ref) {
		return this.profile.clauses()
			.stream()
			.filter((c) -> c.ref().equals(ref))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no clause " + ref));
	}

	private List<RequirementDefinition> requirements() {
		return this.profile.clauses().stream().flatMap((c) -> c.requirements().stream()).toList();
	}

	@Test
	void theProfileIsKadomasWithItsPartiesAndDeadlinePolicies() {
		assertThat(this.profile.code()).isEqualTo("kadoma");
		assertThat(this.profile.issuer()).isEqualTo("門真市");
		assertThat(this.profile.partyTerms()).containsEntry("client", "市").containsEntry("contractor", "受託者");
		assertThat(this.profile.deadlinePolicies()).containsEntry(DeadlinePolicy.IMMEDIATELY, "PT1H")
			.containsEntry(DeadlinePolicy.PROMPTLY, "P3D")
			.containsEntry(DeadlinePolicy.WITHOUT_DELAY, "P7D");
	}

	@Test
	void theRosterIncludesNationality() {
		assertThat(requirements()).filteredOn((r) -> r.deliverable() == Deliverable.ROSTER)
			.isNotEmpty()
			.anySatisfy((r) -> {
				assertThat(r.party()).isEqualTo(Party.CONTRACTOR);
				assertThat(r.contents()).contains(ContentItem.NAME, ContentItem.AFFILIATION, ContentItem.EXPERTISE,
						ContentItem.TRACK_RECORD, ContentItem.NATIONALITY);
			});
		assertThat(clause("2(4)").requirements()).anySatisfy((r) -> {
			assertThat(r.kind()).isEqualTo(RequirementKind.PROHIBITION);
			assertThat(r.summary()).contains("名簿に掲載されていない者");
		});
	}

	@Test
	void theWorkScheduleIsDueByTheTwentiethOfThePreviousMonth() {
		assertThat(clause("2(2)").requirements()).anySatisfy((r) -> {
			assertThat(r.kind()).isEqualTo(RequirementKind.SUBMIT_DOCUMENT);
			assertThat(r.trigger().type()).isEqualTo(TriggerType.MONTHLY);
			assertThat(r.deliverable()).isEqualTo(Deliverable.WORK_SCHEDULE);
			assertThat(r.deadline().type()).isEqualTo(DeadlineType.DAY_OF_MONTH);
			assertThat(r.deadline().day()).isEqualTo(20);
			assertThat(r.deadline().monthOffset()).isEqualTo(-1);
		}).anySatisfy((r) -> {
			assertThat(r.trigger().type()).isEqualTo(TriggerType.ON_CHANGE);
			assertThat(r.trigger().subject()).isEqualTo(ChangeSubject.WORK_SCHEDULE);
			assertThat(r.deadline().policy()).isEqualTo(DeadlinePolicy.PROMPTLY);
		});
	}

	@Test
	void selfInspectionIsReportedInWritingEveryMonth() {
		assertThat(clause("11(1)").requirements()).anySatisfy((r) -> {
			assertThat(r.kind()).isEqualTo(RequirementKind.SUBMIT_DOCUMENT);
			assertThat(r.party()).isEqualTo(Party.CONTRACTOR);
			assertThat(r.trigger().type()).isEqualTo(TriggerType.MONTHLY);
			assertThat(r.deliverable()).isEqualTo(Deliverable.SELF_INSPECTION_REPORT);
		});
	}

	@Test
	void aLeavingWorkerIsReportedSoThatTheVerificationIdIsRemoved() {
		assertThat(clause("4(3)").requirements()).singleElement().satisfies((r) -> {
			assertThat(r.kind()).isEqualTo(RequirementKind.NOTIFY);
			assertThat(r.party()).isEqualTo(Party.CONTRACTOR);
			assertThat(r.trigger().type()).isEqualTo(TriggerType.ON_EVENT);
			assertThat(r.trigger().event()).isEqualTo(TriggerEvent.WORKER_LEFT);
			assertThat(r.deliverable()).isEqualTo(Deliverable.ID_REVOCATION_NOTICE);
		});
		assertThat(clause("4(2)").requirements()).allSatisfy((r) -> assertThat(r.party()).isEqualTo(Party.CLIENT));
	}

	@Test
	void takingAssetsOutIsForbiddenUnlessTheCityConsentsBeforehand() {
		assertThat(clause("14(5)").requirements()).anySatisfy((r) -> {
			assertThat(r.kind()).isEqualTo(RequirementKind.PROHIBITION);
		}).anySatisfy((r) -> {
			assertThat(r.kind()).isEqualTo(RequirementKind.OBTAIN_APPROVAL);
			assertThat(r.trigger().type()).isEqualTo(TriggerType.BEFORE_ACTION);
			assertThat(r.trigger().action()).isEqualTo(GuardedAction.TAKE_OUT);
			assertThat(r.deadline().type()).isEqualTo(DeadlineType.BEFORE_ACTION);
			assertThat(r.deliverable()).isEqualTo(Deliverable.TAKE_OUT_REQUEST);
		});
	}

	@Test
	void theCityUsesNationalityOnlyToTraceLeaks() {
		ClauseDefinition clause = clause("2(5)");
		assertThat(clause.text()).contains("国籍", "目的でのみ利用する");
		assertThat(clause.requirements()).singleElement().satisfies((r) -> {
			assertThat(r.party()).isEqualTo(Party.CLIENT);
			assertThat(r.kind()).isEqualTo(RequirementKind.PROHIBITION);
			assertThat(r.summary()).contains("国籍", "追跡", "のみ");
		});
		assertThat(clause("2(6)").requirements()).allSatisfy((r) -> assertThat(r.party()).isEqualTo(Party.CLIENT));
	}

	@Test
	void searchingByResidentRecordCodeIsForbidden() {
		assertThat(clause("14(8)").requirements()).singleElement().satisfies((r) -> {
			assertThat(r.kind()).isEqualTo(RequirementKind.PROHIBITION);
			assertThat(r.party()).isEqualTo(Party.CONTRACTOR);
			assertThat(r.summary()).contains("住民票コード");
		});
	}

	@Test
	void anIncidentIsReportedInWritingImmediatelyWithWhatWhereAndHowMany() {
		assertThat(clause("12(1)ア").requirements()).anySatisfy((r) -> {
			assertThat(r.kind()).isEqualTo(RequirementKind.NOTIFY);
			assertThat(r.trigger().event()).isEqualTo(TriggerEvent.INCIDENT);
			assertThat(r.deliverable()).isEqualTo(Deliverable.INCIDENT_REPORT);
			assertThat(r.deadline().policy()).isEqualTo(DeadlinePolicy.IMMEDIATELY);
			assertThat(r.contents()).containsExactlyInAnyOrder(ContentItem.INFORMATION_CONTENT,
					ContentItem.RECORD_COUNT, ContentItem.INCIDENT_LOCATION, ContentItem.INCIDENT_CIRCUMSTANCES);
		});
		assertThat(clause("12(1)ウ").requirements()).singleElement().satisfies((r) -> {
			assertThat(r.kind()).isEqualTo(RequirementKind.CLIENT_RIGHT);
			assertThat(r.party()).isEqualTo(Party.CLIENT);
		});
	}

}
