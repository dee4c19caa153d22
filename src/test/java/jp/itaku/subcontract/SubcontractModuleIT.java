package jp.itaku.subcontract;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jp.itaku.account.UserAccount;
import jp.itaku.catalog.ContractAttribute;
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
 * The subcontract module on its own (with the modules it depends on): an application
 * publishes {@link SubcontractEvents.SubcontractApplied}, and once it is committed the
 * client's officers are mailed (the applicant itself is not), each mail audited.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@Import(Fixtures.class)
@DirtiesContext
class SubcontractModuleIT {

	static final ServerSetup SMTP = TestMailServer.freeSmtp();

	@RegisterExtension
	static final GreenMailExtension mailServer = TestMailServer.greenMail(SMTP);

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	Subcontracts subcontracts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@DynamicPropertySource
	static void pointMailAtTheTestServer(DynamicPropertyRegistry registry) {
		TestMailServer.pointAt(registry, SMTP);
	}

	@Test
	void anApplicationIsPublishedAndToldUpstream(Scenario scenario) {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		Organisation subcontractor = this.fixtures.organisation(OrganisationKind.SUBCONTRACTOR);
		UserAccount officer = this.fixtures.user(client, Role.CLIENT_OFFICER);
		UserAccount lead = this.fixtures.user(contractor, Role.CONTRACTOR_LEAD);
		Contract contract = this.contracts.register(this.fixtures.actor(officer),
				this.fixtures.contractForm(contractor, "kadoma", ItakuTime.today(this.clock).minusMonths(1),
						Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION, ContractAttribute.HAS_SUBCONTRACTORS)));

		scenario
			.stimulate(() -> this.subcontracts.apply(this.fixtures.actor(lead), contract.getId(),
					SubcontractsIT.form(subcontractor)))
			.andWaitAtMost(Duration.ofSeconds(30))
			.andWaitForStateChange(() -> Publications.completed(this.jdbc, SubcontractEvents.SubcontractApplied.class,
					contract.getId().toString()), (completed) -> completed == 1)
			.andVerify((completed, applied) -> {
				assertThat(TestMailServer.awaitMails(mailServer, 1,
						(message) -> TestMailServer.body(message)
							.contains("/contracts/" + contract.getId() + "/subcontracts")))
					.extracting(TestMailServer::to)
					.containsExactly(officer.getEmail());
				assertThat(this.jdbc
					.sql("select count(*) from audit_entry where action = 'SUBCONTRACT_UPSTREAM_NOTICE_SENT'"
							+ " and target_id = ?")
					.param(applied.getId().toString())
					.query(Long.class)
					.single()).isEqualTo(1);
			});
	}

}
