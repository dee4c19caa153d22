package jp.itaku.clientid;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jp.itaku.account.UserAccount;
import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.roster.RosterMember;
import jp.itaku.roster.RosterMemberForm;
import jp.itaku.roster.Rosters;
import jp.itaku.roster.WorkerRole;
import jp.itaku.support.Fixtures;
import jp.itaku.support.TestMailServer;
import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With a mail server configured, a departure tells the client's officers and security
 * administrators which IDs to revoke, once the departure is committed; the contractor is
 * not written to, and each mail is audited.
 */
@IntegrationTest
class DepartureMailIT {

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
	void theClientsOfficersAreToldWhichIdsToRevoke() throws Exception {
		LocalDate today = ItakuTime.today(this.clock);
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		UserAccount officer = this.fixtures.user(client, Role.CLIENT_OFFICER);
		UserAccount secadmin = this.fixtures.user(client, Role.CLIENT_SECURITY_ADMIN);
		UserAccount auditor = this.fixtures.user(client, Role.AUDITOR);
		UserAccount leadUser = this.fixtures.user(contractor, Role.CONTRACTOR_LEAD);
		Actor officerActor = this.fixtures.actor(officer);
		Actor lead = this.fixtures.actor(leadUser);
		Contract contract = this.contracts.register(officerActor,
				this.fixtures.contractForm(contractor, "kadoma", today.minusMonths(2), Set.of()));
		RosterMemberForm form = new RosterMemberForm();
		form.setName("転出 花子");
		form.setAffiliation("窓口運営課");
		form.setRole(WorkerRole.WORKER);
		form.setPeriodStart(today.minusMonths(1));
		RosterMember member = this.rosters.add(lead, contract.getId(), form);
		this.rosters.activate(lead, member.getId(), "試験");
		IssueIdForm id = new IssueIdForm();
		id.setMemberId(member.getId());
		id.setValue("MAIL-V-" + UUID.randomUUID().toString().substring(0, 8));
		id.setSystemName("窓口専用端末");
		id.setIssuedOn(today);
		ClientIssuedId issued = this.ids.issue(officerActor, contract.getId(), id);

		this.rosters.leave(lead, member.getId(), today);

		// The mails are sent after the departure is committed, asynchronously.
		assertThat(mailServer.waitForIncomingEmail(30_000, 2)).isTrue();
		await().atMost(Duration.ofSeconds(30)).until(() -> departureMailsAudited(member) == 2);
		List<String> recipients = new ArrayList<>();
		for (MimeMessage message : mailServer.getReceivedMessages()) {
			String body = message.getContent().toString();
			if (body.contains("/contracts/" + contract.getId() + "/ids")) {
				recipients.add(((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress());
				assertThat(message.getSubject()).contains(contract.getNumber(), "転出 花子");
				assertThat(body).contains(issued.getValue(), "照合ID", "窓口専用端末");
			}
		}
		assertThat(recipients).containsExactlyInAnyOrder(officer.getEmail(), secadmin.getEmail())
			.doesNotContain(auditor.getEmail(), leadUser.getEmail());
		assertThat(departureMailsAudited(member)).isEqualTo(2);
	}

	private long departureMailsAudited(RosterMember member) {
		return this.jdbc
			.sql("select count(*) from audit_entry where action = 'CLIENT_ID_DEPARTURE_MAIL_SENT' and target_id = ?")
			.param(member.getId().toString())
			.query(Long.class)
			.single();
	}

}
