package jp.itaku.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Set;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jp.itaku.account.UserAccount;
import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.platform.mail.Mailbox;
import jp.itaku.support.Fixtures;
import jp.itaku.support.Publications;
import jp.itaku.support.TestMailServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incident module on its own (with the modules it depends on): reporting an incident
 * publishes {@link IncidentEvents.IncidentReported}, and its listener mails the client's
 * security administrators after the report is committed (one without an e-mail address
 * gets it in the in-app mailbox), each mail audited, and the publication completed in the
 * registry.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@Import(Fixtures.class)
@DirtiesContext
class IncidentModuleIT {

	static final ServerSetup SMTP = TestMailServer.freeSmtp();

	@RegisterExtension
	static final GreenMailExtension mailServer = TestMailServer.greenMail(SMTP);

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	Incidents incidents;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	Mailbox mailbox;

	@DynamicPropertySource
	static void pointMailAtTheTestServer(DynamicPropertyRegistry registry) {
		TestMailServer.pointAt(registry, SMTP);
	}

	@Test
	void aReportIsPublishedAndTheClientsSecurityAdministratorsAreMailed(Scenario scenario) {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		UserAccount officer = this.fixtures.user(client, Role.CLIENT_OFFICER);
		UserAccount secadmin = this.fixtures.user(client, Role.CLIENT_SECURITY_ADMIN);
		// Registered without an address: told in the in-app mailbox although a mail
		// server
		// is configured.
		UserAccount noAddress = this.fixtures.userWithoutAddress(client, Role.CLIENT_SECURITY_ADMIN);
		UserAccount lead = this.fixtures.user(contractor, Role.CONTRACTOR_LEAD);
		Contract contract = this.contracts.register(this.fixtures.actor(officer),
				this.fixtures.contractForm(contractor, "kadoma", ItakuTime.today(this.clock).minusMonths(1), Set.of()));
		IncidentForm form = this.fixtures.lossReport(this.clock);

		scenario.stimulate(() -> this.incidents.report(this.fixtures.actor(lead), contract.getId(), form))
			.andWaitAtMost(Duration.ofSeconds(30))
			.andWaitForStateChange(() -> Publications.completed(this.jdbc, IncidentEvents.IncidentReported.class,
					contract.getId().toString()), (completed) -> completed == 1)
			.andVerify((completed, incident) -> {
				assertThat(mailsSent(contract)).isEqualTo(2);
				assertThat(mailServer.getReceivedMessagesForDomain(secadmin.getEmail())).hasSize(1);
				assertThat(mailServer.getReceivedMessagesForDomain(officer.getEmail())).isEmpty();
				assertThat(this.mailbox.list(noAddress.getId())).singleElement()
					.satisfies((message) -> assertThat(message.subject()).contains(contract.getNumber()));
				assertThat(this.mailbox.unread(secadmin.getId())).isZero();
			});
	}

	@Test
	void theEventNamesTheReportedIncident(Scenario scenario) {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		UserAccount officer = this.fixtures.user(client, Role.CLIENT_OFFICER);
		UserAccount lead = this.fixtures.user(contractor, Role.CONTRACTOR_LEAD);
		Contract contract = this.contracts.register(this.fixtures.actor(officer),
				this.fixtures.contractForm(contractor, "kadoma", ItakuTime.today(this.clock).minusMonths(1), Set.of()));
		IncidentForm form = new IncidentForm();
		form.setCategory(IncidentCategory.LEAK);
		form.setDetectedAt(LocalDateTime.now(this.clock.withZone(ItakuTime.ZONE)).withNano(0).minusMinutes(5));
		form.setLocation("作業室");
		form.setDescription("誤送信");

		scenario.stimulate(() -> this.incidents.report(this.fixtures.actor(lead), contract.getId(), form))
			.andWaitForEventOfType(IncidentEvents.IncidentReported.class)
			.matching((event) -> event.contractId().equals(contract.getId()))
			.toArriveAndVerify((event, incident) -> {
				assertThat(event.incidentId()).isEqualTo(incident.getId());
				assertThat(event.reporterOrganisationId()).isEqualTo(contractor.getId());
			});
	}

	private long mailsSent(Contract contract) {
		return this.jdbc.sql("select count(*) from audit_entry where action = 'INCIDENT_MAIL_SENT' and details like ?")
			.param("%" + contract.getId() + "%")
			.query(Long.class)
			.single();
	}

}
