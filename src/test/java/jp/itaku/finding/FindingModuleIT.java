package jp.itaku.finding;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jp.itaku.account.UserAccount;
import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import jp.itaku.support.Publications;
import jp.itaku.support.TestMailServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The finding module on its own (with the modules it depends on; the modules that own
 * findings publish the steps): a {@link FindingEvents.StepTaken} of the client's
 * acknowledgement mails the contractor's leads once its publication is handled, each mail
 * audited; the same step taken again is mailed again (each step has its own identity).
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@Import(Fixtures.class)
@DirtiesContext
class FindingModuleIT {

	static final ServerSetup SMTP = TestMailServer.freeSmtp();

	@RegisterExtension
	static final GreenMailExtension mailServer = TestMailServer.greenMail(SMTP);

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@DynamicPropertySource
	static void pointMailAtTheTestServer(DynamicPropertyRegistry registry) {
		TestMailServer.pointAt(registry, SMTP);
	}

	@Test
	void anAcknowledgedFindingIsMailedToTheContractorsLeadsEachTimeItIsAcknowledged(Scenario scenario) {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		UserAccount officer = this.fixtures.user(client, Role.CLIENT_OFFICER);
		UserAccount lead = this.fixtures.user(contractor, Role.CONTRACTOR_LEAD);
		UserAccount worker = this.fixtures.user(contractor, Role.CONTRACTOR_WORKER);
		Contract contract = this.contracts.register(this.fixtures.actor(officer),
				this.fixtures.contractForm(contractor, "kadoma", ItakuTime.today(this.clock).minusMonths(1), Set.of()));
		UUID findingId = UUID.randomUUID();
		FindingSummary finding = new FindingSummary("inspection", findingId, "AUD-1-F1", "inspection.kind.ON_SITE",
				"inspection.severity.MAJOR", 1, "14(8)", FindingStatus.ACKNOWLEDGED,
				ItakuTime.today(this.clock).plusDays(14), ItakuTime.today(this.clock),
				"/inspections/x#finding-AUD-1-F1");

		for (int time = 1; time <= 2; time++) {
			int expected = time;
			scenario
				.publish(new FindingEvents.StepTaken(contract.getId(), "Finding", FindingStep.ACKNOWLEDGE, finding,
						null))
				.andWaitAtMost(Duration.ofSeconds(30))
				.andWaitForStateChange(
						() -> Publications.completed(this.jdbc, FindingEvents.StepTaken.class, findingId.toString()),
						(completed) -> completed == expected)
				.andVerify((completed) -> {
					assertThat(mailsAudited(findingId)).isEqualTo(expected);
					assertThat(TestMailServer.awaitMails(mailServer, expected,
							(message) -> TestMailServer.to(message).equals(lead.getEmail())))
						.hasSize(expected)
						.allSatisfy((message) -> assertThat(TestMailServer.body(message)).contains(contract.getNumber(),
								"AUD-1-F1", "14(8)"));
					assertThat(TestMailServer.awaitMails(mailServer, 0,
							(message) -> TestMailServer.to(message).equals(worker.getEmail())))
						.isEmpty();
				});
		}
	}

	private long mailsAudited(UUID findingId) {
		return this.jdbc.sql("select count(*) from audit_entry where action = 'FINDING_MAIL_SENT' and target_id = ?")
			.param(findingId.toString())
			.query(Long.class)
			.single();
	}

}
