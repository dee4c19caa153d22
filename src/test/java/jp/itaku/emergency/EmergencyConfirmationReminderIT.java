package jp.itaku.emergency;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jp.itaku.account.UserAccount;
import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
import jp.itaku.contract.Contracts;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.Dates;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.platform.mail.Mailbox;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import jp.itaku.support.TestMailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The confirmation reminder against a real SMTP server (GreenMail): a list last confirmed
 * longer ago than three months is flagged 要確認 on the contract page and its contractor's
 * leads get one mail in Japanese, exactly once however often the job runs (through
 * ShedLock, twice); a fresh confirmation ends the cycle.
 */
@IntegrationTest
@DirtiesContext
class EmergencyConfirmationReminderIT {

	static final ServerSetup SMTP = TestMailServer.freeSmtp();

	@RegisterExtension
	static final GreenMailExtension mailServer = TestMailServer.greenMail(SMTP);

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	EmergencyContacts emergency;

	@Autowired
	ConfirmationReminderJob job;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	Organisation contractor;

	UserAccount lead;

	UserAccount worker;

	Actor leadActor;

	Actor officer;

	UserAccount officerUser;

	/** A lead registered without an e-mail address: told in the in-app mailbox. */
	UserAccount withoutMail;

	@Autowired
	Mailbox mailbox;

	@DynamicPropertySource
	static void pointMailAtTheTestServer(DynamicPropertyRegistry registry) {
		TestMailServer.pointAt(registry, SMTP);
	}

	@BeforeEach
	void parties() throws Exception {
		mailServer.purgeEmailFromAllMailboxes();
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		this.contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.lead = this.fixtures.user(this.contractor, Role.CONTRACTOR_LEAD);
		this.leadActor = this.fixtures.actor(this.lead);
		this.worker = this.fixtures.user(this.contractor, Role.CONTRACTOR_WORKER);
		this.withoutMail = this.fixtures.userWithoutAddress(this.contractor, Role.CONTRACTOR_LEAD);
		this.officerUser = this.fixtures.user(client, Role.CLIENT_OFFICER);
		this.officer = this.fixtures.actor(this.officerUser);
	}

	@Test
	void anOverdueConfirmationIsFlaggedAndMailedToTheLeadsExactlyOnce() throws Exception {
		Contract contract = contract();
		LocalDate confirmedOn = this.calendar.today().minusMonths(4);
		this.emergency.takeOver(this.leadActor, contract.getId(),
				EmergencyContactsIT.list(EmergencyContactsIT.taro("03-0000-0001")), confirmedOn);

		this.mvc
			.perform(get("/contracts/" + contract.getId())
				.with(authentication(this.fixtures.signedIn(this.officerUser))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"emergency-confirm-due\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("要確認")));

		this.job.run();
		this.job.run();

		List<Mail> mails = mailsAbout(contract);
		assertThat(mails).singleElement().satisfies((mail) -> {
			assertThat(mail.to()).isEqualTo(this.lead.getEmail());
			assertThat(mail.subject()).isEqualTo("【Itaku】緊急時連絡先の現状確認をお願いします（契約番号 " + contract.getNumber() + "）");
			assertThat(mail.body()).contains("試験 利用者 様")
				.contains("最後の提出・現状確認から3か月が経ちました")
				.contains("契約：" + contract.getNumber() + "　" + contract.getTitle())
				.contains("最後の提出・現状確認：" + Dates.wareki(confirmedOn))
				.contains("現状確認の期限：" + Dates.wareki(confirmedOn.plusMonths(3)))
				.contains("http://localhost:8080/contracts/" + contract.getId() + "/emergency-contacts")
				.doesNotContain("??");
		});
		assertThat(this.jdbc.sql("select count(*) from emergency_confirmation_reminder where contract_id = :id")
			.param("id", contract.getId())
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(this.jdbc
			.sql("select count(*) from audit_entry where action = 'EMERGENCY_CONFIRMATION_REMINDER_SENT'"
					+ " and target_id = :id")
			.param("id", contract.getId().toString())
			.query(Long.class)
			.single()).isEqualTo(2);
		// The lead without an address is told in the mailbox, once too.
		assertThat(this.mailbox.list(this.withoutMail.getId())).singleElement()
			.satisfies((message) -> assertThat(message.subject()).contains(contract.getNumber()));
	}

	@Test
	void aConfirmationEndsTheCycleAndAFreshListIsNotDue() throws Exception {
		Contract overdue = contract();
		this.emergency.takeOver(this.leadActor, overdue.getId(),
				EmergencyContactsIT.list(EmergencyContactsIT.taro("03-0000-0001")),
				this.calendar.today().minusMonths(3));
		Contract fresh = contract();
		this.emergency.takeOver(this.leadActor, fresh.getId(),
				EmergencyContactsIT.list(EmergencyContactsIT.taro("03-0000-0002")),
				this.calendar.today().minusMonths(3).plusDays(1));

		this.emergency.confirm(this.leadActor, overdue.getId());
		this.job.runFor(this.calendar.today());
		this.job.runFor(this.calendar.today());

		assertThat(mailsAbout(overdue)).isEmpty();
		assertThat(mailsAbout(fresh)).isEmpty();
		assertThat(this.emergency.confirmationDue(this.officer, this.contracts.get(this.officer, overdue.getId())))
			.isFalse();
		assertThat(this.emergency.confirmationDue(this.officer, this.contracts.get(this.officer, fresh.getId())))
			.isFalse();

		this.job.runFor(this.calendar.today().plusDays(1));
		assertThat(mailsAbout(fresh)).as("due the next day").hasSize(1);
	}

	private Contract contract() {
		ContractForm form = this.fixtures.contractForm(this.contractor, "setagaya",
				this.calendar.today().minusMonths(6), Set.of());
		form.setNumber("EC-" + UUID.randomUUID().toString().substring(0, 8));
		form.setTitle("住民記録システム運用保守業務委託");
		Contract contract = this.contracts.register(this.officer, form);
		this.contracts.activate(this.officer, contract.getId());
		return contract;
	}

	private static List<Mail> mailsAbout(Contract contract) {
		List<Mail> mails = new ArrayList<>();
		try {
			for (MimeMessage message : mailServer.getReceivedMessages()) {
				String body = message.getContent().toString();
				if (body.contains("/contracts/" + contract.getId() + "/emergency-contacts")) {
					mails.add(new Mail(
							((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress(),
							message.getSubject(), body));
				}
			}
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
		return mails;
	}

	record Mail(String to, String subject, String body) {
	}

}
