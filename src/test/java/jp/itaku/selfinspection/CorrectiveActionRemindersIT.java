package jp.itaku.selfinspection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jp.itaku.account.UserAccount;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
import jp.itaku.contract.Contracts;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import jp.itaku.support.TestMailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corrective action promised in a self-inspection and not done is followed up by mail
 * to the contractor's leads (GreenMail): once when it falls due within three days, once
 * more when it is overdue, never again after it is marked done, and never twice for the
 * same stage however often the job runs.
 */
@IntegrationTest
class CorrectiveActionRemindersIT {

	static final ServerSetup SMTP = TestMailServer.freeSmtp();

	@RegisterExtension
	static final GreenMailExtension mailServer = TestMailServer.greenMail(SMTP);

	@DynamicPropertySource
	static void pointMailAtTheTestServer(DynamicPropertyRegistry registry) {
		TestMailServer.pointAt(registry, SMTP);
	}

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	SelfInspections inspections;

	@Autowired
	CorrectiveActionReminderJob job;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	UserAccount leadUser;

	UserAccount officerUser;

	Actor lead;

	Contract contract;

	LocalDate today;

	YearMonth month;

	@BeforeEach
	void kadomaContractWithANo() throws Exception {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.officerUser = this.fixtures.user(client, Role.CLIENT_OFFICER);
		this.leadUser = this.fixtures.user(contractor, Role.CONTRACTOR_LEAD);
		this.lead = this.fixtures.actor(this.leadUser);
		this.today = ItakuTime.today(this.clock);
		this.month = YearMonth.from(this.today);
		ContractForm form = this.fixtures.contractForm(contractor, "kadoma",
				this.today.withDayOfMonth(1).minusMonths(1), Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION));
		this.contract = this.contracts.register(this.fixtures.actor(this.officerUser), form);
		List<AnswerInput> answers = new ArrayList<>();
		for (Question q : this.inspections.checklist(this.lead, this.contract.getId())) {
			answers.add(q.key().equals("T:LOCK_SCREEN")
					? new AnswerInput(q.key(), Answer.NO, "一部端末で未設定", "全端末に5分の自動ロックを設定", this.today.plusDays(2))
					: new AnswerInput(q.key(), Answer.YES, null, null, null));
		}
		this.inspections.save(this.lead, this.contract.getId(), this.month, answers);
		mailServer.purgeEmailFromAllMailboxes();
	}

	@Test
	void dueSoonThenOverdueEachOnceAndNothingAfterItIsDone() throws Exception {
		// Not yet in the window: nothing.
		this.job.runFor(this.today.minusDays(2));
		assertThat(mails()).isEmpty();

		assertThat(this.job.runFor(this.today)).isEqualTo(1);
		assertThat(this.job.runFor(this.today)).isZero();
		assertThat(mails()).hasSize(1);
		assertThat(mails().get(0).getSubject()).contains("期限が近づいています").contains(this.contract.getNumber());
		assertThat(mails().get(0).getContent().toString()).contains("全端末に5分の自動ロックを設定")
			.contains("/contracts/" + this.contract.getId() + "/self-inspections/" + this.month);
		assertThat(recipient(mails().get(0))).isEqualTo(this.leadUser.getEmail());

		assertThat(this.job.runFor(this.today.plusDays(3))).isEqualTo(1);
		assertThat(this.job.runFor(this.today.plusDays(4))).isZero();
		assertThat(mails()).hasSize(2);
		assertThat(mails().get(1).getSubject()).contains("期限を過ぎています");
		assertThat(reminders("DUE_SOON")).isEqualTo(1);
		assertThat(reminders("OVERDUE")).isEqualTo(1);
	}

	@Test
	void aDoneActionIsNotFollowedUp() throws Exception {
		SelfInspectionAnswer no = this.inspections.month(this.lead, this.contract.getId(), this.month)
			.items()
			.stream()
			.filter((i) -> i.question().key().equals("T:LOCK_SCREEN"))
			.findFirst()
			.orElseThrow()
			.answer();
		this.inspections.completeAction(this.lead, this.contract.getId(), no.getId());
		assertThat(this.job.runFor(this.today.plusDays(5))).isZero();
		assertThat(mails()).isEmpty();
	}

	private List<MimeMessage> mails() {
		List<MimeMessage> mine = new ArrayList<>();
		for (MimeMessage message : mailServer.getReceivedMessages()) {
			try {
				if (message.getSubject().contains(this.contract.getNumber())) {
					mine.add(message);
				}
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return mine;
	}

	private static String recipient(MimeMessage message) throws Exception {
		return ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
	}

	private long reminders(String stage) {
		return this.jdbc.sql("""
				select count(*) from self_inspection_action_reminder r
				join self_inspection_answer a on a.id = r.answer_id
				join self_inspection i on i.id = a.inspection_id
				where i.contract_id = ? and r.stage = ?
				""").param(this.contract.getId()).param(stage).query(Long.class).single();
	}

}
