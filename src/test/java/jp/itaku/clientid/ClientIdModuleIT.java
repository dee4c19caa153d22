package jp.itaku.clientid;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jp.itaku.account.UserAccount;
import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.roster.RosterEvents;
import jp.itaku.roster.RosterMember;
import jp.itaku.roster.RosterMemberForm;
import jp.itaku.roster.Rosters;
import jp.itaku.roster.WorkerRole;
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
 * The client-ID module on its own (with the modules it depends on): a worker's departure
 * from the roster ({@link RosterEvents.WorkerLeft}) records, in the roster's transaction,
 * which IDs to revoke, and once committed mails the client's officers and security
 * administrators, each mail audited.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@Import(Fixtures.class)
@DirtiesContext
class ClientIdModuleIT {

	static final ServerSetup SMTP = TestMailServer.freeSmtp();

	@RegisterExtension
	static final GreenMailExtension mailServer = TestMailServer.greenMail(SMTP);

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	Rosters rosters;

	@Autowired
	ClientIds ids;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@DynamicPropertySource
	static void pointMailAtTheTestServer(DynamicPropertyRegistry registry) {
		TestMailServer.pointAt(registry, SMTP);
	}

	@Test
	void aDepartureWithActiveIdsIsRecordedAndMailedToTheClient(Scenario scenario) {
		LocalDate today = ItakuTime.today(this.clock);
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		UserAccount officer = this.fixtures.user(client, Role.CLIENT_OFFICER);
		UserAccount secadmin = this.fixtures.user(client, Role.CLIENT_SECURITY_ADMIN);
		Actor officerActor = this.fixtures.actor(officer);
		Actor lead = this.fixtures.actor(this.fixtures.user(contractor, Role.CONTRACTOR_LEAD));
		Contract contract = this.contracts.register(officerActor,
				this.fixtures.contractForm(contractor, "kadoma", today.minusMonths(2), Set.of()));
		RosterMemberForm form = new RosterMemberForm();
		form.setName("転出 次郎");
		form.setAffiliation("窓口運営課");
		form.setRole(WorkerRole.WORKER);
		form.setPeriodStart(today.minusMonths(1));
		RosterMember member = this.rosters.add(lead, contract.getId(), form);
		this.rosters.activate(lead, member.getId(), "試験");
		IssueIdForm id = new IssueIdForm();
		id.setMemberId(member.getId());
		id.setValue("MOD-V-" + UUID.randomUUID().toString().substring(0, 8));
		id.setSystemName("窓口専用端末");
		id.setIssuedOn(today);
		this.ids.issue(officerActor, contract.getId(), id);

		scenario.stimulate(() -> this.rosters.leave(lead, member.getId(), today))
			.andWaitAtMost(Duration.ofSeconds(30))
			.andWaitForStateChange(() -> Publications.completed(this.jdbc, RosterEvents.WorkerLeft.class,
					Departures.class, member.getId().toString()), (completed) -> completed == 1)
			.andVerify((completed) -> {
				assertThat(audited("CLIENT_IDS_TO_REVOKE", member)).isEqualTo(1);
				assertThat(TestMailServer.awaitMails(mailServer, 2,
						(message) -> TestMailServer.body(message).contains("/contracts/" + contract.getId() + "/ids")))
					.extracting(TestMailServer::to)
					.containsExactlyInAnyOrder(officer.getEmail(), secadmin.getEmail());
				assertThat(audited("CLIENT_ID_DEPARTURE_MAIL_SENT", member)).isEqualTo(2);
			});
	}

	private long audited(String action, RosterMember member) {
		return this.jdbc.sql("select count(*) from audit_entry where action = ? and target_id = ?")
			.param(action)
			.param(member.getId().toString())
			.query(Long.class)
			.single();
	}

}
