package jp.itaku.obligation;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jp.itaku.catalog.ChangeSubject;
import jp.itaku.catalog.ClauseCatalog;
import jp.itaku.catalog.GuardedAction;
import jp.itaku.catalog.ProfileSummary;
import jp.itaku.catalog.StoredProfile;
import jp.itaku.catalog.TriggerEvent;
import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conformance of the four bundled profiles: every requirement due on an event, a
 * change, an action or a request has a module that raises its trigger — since the prior
 * approval workflow (issue 19) also the approvals of Setagaya 10, Kadoma 7(2)イ, Nerima
 * 第14条 and Gunma 第5条第2項, 第12条 and 第13条第6項. The test fails on any requirement that can
 * never become an obligation, naming its profile and clause. It logs the figures per
 * profile.
 */
@IntegrationTest
class TriggerConformanceIT {

	private static final Logger log = LoggerFactory.getLogger(TriggerConformanceIT.class);

	@Autowired
	ClauseCatalog catalog;

	@Autowired
	TriggerCoverage coverage;

	@Test
	void everyBundledRequirementHasAProducer() {
		Map<String, List<String>> unreached = new TreeMap<>();
		for (String code : List.of("setagaya", "kadoma", "nerima", "gunma")) {
			StoredProfile profile = newest(code);
			List<String> gaps = this.coverage.unreached(profile.definition())
				.stream()
				.map(TriggerCoverage.Unreached::toString)
				.distinct()
				.toList();
			unreached.put(code, gaps);
			TriggerCoverage.Counts counts = this.coverage.counts(profile.definition());
			log.info(
					"Conformance {}: {} requirements, {} raised by modules, {} of them reachable; {} periodic without a calendar, {} of them dated by the implementation plan",
					code, counts.requirements(), counts.raisedByModules(), counts.reached(),
					counts.periodicWithoutCalendar(), counts.planned());
		}
		assertThat(unreached).as("requirements whose trigger nothing raises, per profile (clause trigger)")
			.isEqualTo(new TreeMap<>(
					Map.of("setagaya", List.of(), "kadoma", List.of(), "nerima", List.of(), "gunma", List.of())));
	}

	@Test
	void theNoticeFormRaisesWhatTheIssueFoundUnreachable() {
		assertThat(this.coverage.produced()).contains(ObligationTrigger.change(ChangeSubject.SUBMITTED_DOCUMENTS),
				ObligationTrigger.event(TriggerEvent.SECURITY_PROBLEM),
				ObligationTrigger.event(TriggerEvent.VULNERABILITY_FOUND),
				ObligationTrigger.event(TriggerEvent.CREDENTIAL_LEAK_SUSPECTED),
				ObligationTrigger.event(TriggerEvent.CLIENT_INSTRUCTION));
	}

	@Test
	void periodicDutiesWithoutACalendarAreDatedByTheImplementationPlan() {
		assertThat(this.coverage.produced()).contains(ObligationTrigger.plan());
		Map<String, Integer> periodic = new TreeMap<>();
		for (String code : List.of("setagaya", "kadoma", "nerima", "gunma")) {
			TriggerCoverage.Counts counts = this.coverage.counts(newest(code).definition());
			assertThat(counts.planned()).as(code).isEqualTo(counts.periodicWithoutCalendar());
			periodic.put(code, counts.periodicWithoutCalendar());
		}
		// Setagaya 10, 16 (training, drills), 19, 24, 32; Kadoma 10(1) twice (reports
		// when no reporting interval is agreed); Nerima 第18条⑷オ, 第24条第3項.
		assertThat(periodic)
			.containsExactlyInAnyOrderEntriesOf(Map.of("setagaya", 6, "kadoma", 2, "nerima", 2, "gunma", 0));
	}

	@Test
	void theApprovalWorkflowRaisesTheApprovalsNoDedicatedFlowHandles() {
		assertThat(this.coverage.produced()).contains(
				ObligationTrigger.before(GuardedAction.WORK_OUTSIDE_DESIGNATED_SITE),
				ObligationTrigger.before(GuardedAction.THIRD_PARTY_PROVISION),
				ObligationTrigger.before(GuardedAction.USE_OUTSIDE_PURPOSE),
				ObligationTrigger.before(GuardedAction.PLACE_SERVERS_OUTSIDE_CLIENT_PREMISES),
				ObligationTrigger.before(GuardedAction.MODIFICATION));
	}

	private StoredProfile newest(String code) {
		ProfileSummary summary = this.catalog.profiles()
			.stream()
			.filter((p) -> p.code().equals(code))
			.findFirst()
			.orElseThrow();
		return this.catalog.get(summary.id());
	}

}
