package jp.itaku.platform.events;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jp.itaku.account.UserAccount;
import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.incident.Incident;
import jp.itaku.incident.IncidentForm;
import jp.itaku.incident.Incidents;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.platform.mail.MailDeliveries;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import jp.itaku.support.TestMailServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A listener of another module that fails leaves its event publication incomplete, and
 * the resubmission job completes it once the cause is gone: an incident reported while
 * the mail server is down is mailed when the server is back, to each recipient once. The
 * mail deliveries skip the recipients a failed run already reached.
 */
@IntegrationTest
@TestPropertySource(properties = "itaku.events.resubmit-after=PT0S")
class EventResubmissionIT {

	/** A port nothing listens on until the test starts the server on it. */
	static final ServerSetup SMTP = TestMailServer.freeSmtp();

	static final GreenMail mailServer = new GreenMail(SMTP);

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	Incidents incidents;

	@Autowired
	EventResubmission resubmission;

	@Autowired
	MailDeliveries deliveries;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@DynamicPropertySource
	static void pointMailAtTheTestServer(DynamicPropertyRegistry registry) {
		TestMailServer.pointAt(registry, SMTP);
	}

	@AfterAll
	static void stopTheMailServer() {
		mailServer.stop();
	}

	@Test
	void aMailThatFailedIsSentWhenItsPublicationIsResubmitted() throws Exception {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		UserAccount officer = this.fixtures.user(client, Role.CLIENT_OFFICER);
		UserAccount first = this.fixtures.user(client, Role.CLIENT_SECURITY_ADMIN);
		UserAccount second = this.fixtures.user(client, Role.CLIENT_SECURITY_ADMIN);
		UserAccount lead = this.fixtures.user(contractor, Role.CONTRACTOR_LEAD);
		Contract contract = this.contracts.register(this.fixtures.actor(officer),
				this.fixtures.contractForm(contractor, "kadoma", ItakuTime.today(this.clock).minusMonths(1), Set.of()));
		IncidentForm form = this.fixtures.lossReport(this.clock);

		Incident incident = this.incidents.report(this.fixtures.actor(lead), contract.getId(), form);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(status(incident.getId())).isEqualTo("FAILED"));
		assertThat(completed(incident.getId())).isFalse();
		assertThat(mailsAudited(incident.getId())).isZero();

		mailServer.start();
		this.resubmission.resubmit();

		assertThat(mailServer.waitForIncomingEmail(30_000, 2)).isTrue();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(completed(incident.getId())).isTrue());
		assertThat(mailsAudited(incident.getId())).isEqualTo(2);
		List<String> to = new ArrayList<>();
		for (var message : mailServer.getReceivedMessages()) {
			to.add(message.getAllRecipients()[0].toString());
		}
		assertThat(to).containsExactlyInAnyOrder(first.getEmail(), second.getEmail());

		// Completed: a later run sends nothing again.
		this.resubmission.resubmit();
		assertThat(mailServer.waitForIncomingEmail(1_000, 3)).isFalse();
	}

	@Test
	void aRunAgainMailsOnlyTheRecipientsNotReachedYet() {
		String occasion = "test:" + UUID.randomUUID();
		UUID reached = UUID.randomUUID();
		UUID failing = UUID.randomUUID();
		List<UUID> sent = new ArrayList<>();

		assertThatThrownBy(() -> this.deliveries.deliver(occasion, List.of(reached, failing), (id) -> id, (id) -> {
			if (id.equals(failing)) {
				throw new MailSendException("server away");
			}
			sent.add(id);
		})).isInstanceOf(MailDeliveries.MailNotDelivered.class);
		int now = this.deliveries.deliver(occasion, List.of(reached, failing), (id) -> id, sent::add);

		assertThat(now).isEqualTo(1);
		assertThat(sent).containsExactly(reached, failing);
	}

	private String status(UUID incidentId) {
		return this.jdbc.sql("select status from event_publication where serialized_event like ?")
			.param("%" + incidentId + "%")
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private boolean completed(UUID incidentId) {
		return this.jdbc.sql("select completion_date is not null from event_publication where serialized_event like ?")
			.param("%" + incidentId + "%")
			.query(Boolean.class)
			.single();
	}

	private long mailsAudited(UUID incidentId) {
		return this.jdbc.sql("select count(*) from audit_entry where action = 'INCIDENT_MAIL_SENT' and target_id = ?")
			.param(incidentId.toString())
			.query(Long.class)
			.single();
	}

}
