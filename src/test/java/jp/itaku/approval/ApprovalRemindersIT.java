package jp.itaku.approval;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jp.itaku.account.UserAccount;
import jp.itaku.catalog.GuardedAction;
import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import jp.itaku.support.TestMailServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An approval that ends within 14 days is mailed once to the contractor's leads
 * (GreenMail) and audited; one that ends later is not, and a second run sends nothing.
 */
@IntegrationTest
class ApprovalRemindersIT {

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
	Approvals approvals;

	@Autowired
	ApprovalReminderJob job;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void anApprovalEndingSoonIsMailedOnceToTheLeads() throws Exception {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		Actor officer = this.fixtures.actor(this.fixtures.user(client, Role.CLIENT_OFFICER));
		UserAccount leadUser = this.fixtures.user(contractor, Role.CONTRACTOR_LEAD);
		Actor lead = this.fixtures.actor(leadUser);
		LocalDate today = ItakuTime.today(this.clock);
		Contract contract = this.contracts.register(officer,
				this.fixtures.contractForm(contractor, "gunma", today.minusMonths(1), Set.of()));
		Approval soon = approved(lead, officer, contract, "前橋分室", today.plusDays(5));
		Approval later = approved(lead, officer, contract, "高崎事業所", today.plusDays(40));
		mailServer.purgeEmailFromAllMailboxes();

		this.job.runFor(today);
		this.job.runFor(today);

		assertThat(mails(contract)).singleElement().satisfies((m) -> {
			assertThat(m.getSubject()).contains(soon.number()).contains(contract.getNumber());
			assertThat(m.getContent().toString()).contains(soon.getClauseRef())
				.contains("/contracts/" + contract.getId() + "/approvals");
		});
		assertThat(this.jdbc
			.sql("select count(*) from audit_entry where action = 'APPROVAL_EXPIRY_REMINDED'"
					+ " and target_id in (?, ?)")
			.param(soon.getId().toString())
			.param(later.getId().toString())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private Approval approved(Actor lead, Actor officer, Contract contract, String place, LocalDate until) {
		ApprovalForm form = new ApprovalForm();
		form.setAction(GuardedAction.WORK_OUTSIDE_DESIGNATED_SITE);
		form.setReason("改修工事のため");
		form.setLocation(place);
		form.setInformation("調査票データ");
		form.setPeriodFrom(ItakuTime.today(this.clock));
		Approval a = this.approvals.apply(lead, contract.getId(), form, List.of());
		DecisionForm decision = new DecisionForm();
		decision.setValidUntil(until);
		return this.approvals.approve(officer, a.getId(), decision);
	}

	private static List<MimeMessage> mails(Contract contract) throws MessagingException {
		List<MimeMessage> mine = new ArrayList<>();
		for (MimeMessage message : mailServer.getReceivedMessages()) {
			// Only this job's mails: accepting the applications mails the review outcome
			// too.
			if (message.getSubject().contains(contract.getNumber()) && message.getSubject().contains("有効期間")) {
				mine.add(message);
			}
		}
		return mine;
	}

}
