package jp.itaku.reminder;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jp.itaku.catalog.Deliverable;
import jp.itaku.contract.Contract;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.Obligations;
import jp.itaku.obligation.Submission;
import jp.itaku.platform.Dates;
import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reminder rules through the whole application, against a real SMTP server: the
 * contractor's leads are reminded 7, 3 and 1 days before a due date, both sides on the
 * day after it, the leads of every review outcome; in Japanese, or English for a lead who
 * prefers it; once only, and again after a failed send; never for an accepted obligation
 * or a draft contract; a lead without an e-mail address in the in-app mailbox. Each
 * reminder sent is audited.
 */
@IntegrationTest
@Import(SmallConnectionPool.class)
@DirtiesContext
class RemindersIT extends ReminderScenario {

	@Autowired
	ReminderJob job;

	LocalDate due;

	@BeforeEach
	void startAfresh() {
		clearMailbox();
		this.due = this.calendar.today().plusDays(60);
	}

	@Test
	void theContractorsLeadsAreRemindedSevenThreeAndOneDayBeforeTheDueDate() {
		Contract contract = contract(true);
		Obligation roster = dueOn(contract, Deliverable.ROSTER, this.due);

		for (int days : List.of(7, 3, 1)) {
			this.job.runFor(this.due.minusDays(days));
			List<Mail> mails = mailsAbout(roster.getId());
			assertThat(mails).as("%d days before", days)
				.extracting(Mail::to)
				.containsExactlyInAnyOrder(this.lead.getEmail(), this.englishLead.getEmail());
			Mail japanese = mailTo(mails, this.lead.getEmail());
			assertThat(japanese.subject()).startsWith("【Itaku】提出期限まであと" + days + "日です")
				.contains("従事者名簿")
				.contains(contract.getNumber());
			assertThat(mailTo(mails, this.englishLead.getEmail()).subject())
				.startsWith((days == 1) ? "[Itaku] Due in 1 day" : "[Itaku] Due in " + days + " days");
			clearMailbox();
		}
		// Three leads at each of the three reminders: the one without an address is
		// reminded in the in-app mailbox.
		assertThat(auditedReminders(roster.getId())).isEqualTo(9);
		assertThat(this.mailbox.list(this.withoutMail.getId())).hasSize(3)
			.allSatisfy((message) -> assertThat(message.body()).contains("/obligations/" + roster.getId()));
		assertThat(this.jdbc.sql("select details from audit_entry where action = 'REMINDER_SENT' and target_id = :id")
			.param("id", roster.getId().toString())
			.query(String.class)
			.list()).allSatisfy((details) -> assertThat(details).doesNotContain("@").contains("BEFORE_DUE"));
	}

	@Test
	void theMailNamesContractDocumentClauseAndEraDateAndLinksToTheObligation() {
		Contract contract = contract(true);
		Obligation roster = dueOn(contract, Deliverable.ROSTER, this.due);

		this.job.runFor(this.due.minusDays(7));

		String japanese = mailTo(mailsAbout(roster.getId()), this.lead.getEmail()).body();
		assertThat(japanese).contains("試験 利用者 様")
			.contains("提出期限まで、あと7日です")
			.contains("契約：" + contract.getNumber() + "　" + contract.getTitle())
			.contains("書面：従事者名簿")
			.contains("根拠条項：世田谷区 " + roster.getClauseRef())
			.contains("提出期限：" + Dates.wareki(this.due))
			.contains("http://localhost:8080/obligations/" + roster.getId())
			.doesNotContain("??");
		String english = mailTo(mailsAbout(roster.getId()), this.englishLead.getEmail()).body();
		assertThat(english).contains("Dear 試験 利用者,")
			.contains("due in 7 days")
			.contains("Document: Roster")
			.contains("Due date: " + this.due)
			.contains("http://localhost:8080/obligations/" + roster.getId())
			.doesNotContain("??");
	}

	@Test
	void onTheDayAfterTheDueDateTheLeadsAndTheClientsOfficersAreTold() {
		Obligation roster = dueOn(contract(true), Deliverable.ROSTER, this.due);

		this.job.runFor(this.due.plusDays(1));

		List<Mail> mails = mailsAbout(roster.getId());
		assertThat(mails).extracting(Mail::to)
			.containsExactlyInAnyOrder(this.lead.getEmail(), this.englishLead.getEmail(), this.officer.getEmail());
		assertThat(mailTo(mails, this.officer.getEmail()).subject()).startsWith("【Itaku】提出期限を過ぎています：従事者名簿");
		assertThat(mailTo(mails, this.englishLead.getEmail()).subject()).startsWith("[Itaku] Overdue: Roster");
	}

	@Test
	void aSecondRunOnTheSameDaySendsNothingTwice() {
		Obligation roster = dueOn(contract(true), Deliverable.ROSTER, this.due);

		assertThat(this.job.runFor(this.due.minusDays(3))).isPositive();
		assertThat(this.job.runFor(this.due.minusDays(3))).isZero();

		assertThat(mailsAbout(roster.getId())).hasSize(2);
		assertThat(auditedReminders(roster.getId())).isEqualTo(3);
		assertThat(this.mailbox.list(this.withoutMail.getId())).hasSize(1);
	}

	@Test
	void aReturnAndAnAcceptanceAreToldToTheLeadsAfterTheReview() {
		Obligation roster = dueOn(contract(true), Deliverable.ROSTER, this.due);
		Submission first = this.obligations.submit(this.leadActor, roster.getId(), "名簿です", pdf());

		this.obligations.review(this.officerActor, first.getId(), false, "業務執行場所が抜けています");

		List<Mail> returned = mailsAbout(roster.getId(), 2);
		assertThat(returned).extracting(Mail::to)
			.containsExactlyInAnyOrder(this.lead.getEmail(), this.englishLead.getEmail());
		assertThat(mailTo(returned, this.lead.getEmail()).subject()).startsWith("【Itaku】提出書類が差し戻されました：従事者名簿");
		assertThat(mailTo(returned, this.lead.getEmail()).body()).contains("第1回提出が、委託者から差し戻されました")
			.contains("審査コメント：")
			.contains("業務執行場所が抜けています");
		assertThat(mailTo(returned, this.englishLead.getEmail()).subject())
			.startsWith("[Itaku] Submission returned: Roster");
		clearMailbox();

		Submission second = this.obligations.submit(this.leadActor, roster.getId(), "修正しました", pdf());
		this.obligations.review(this.officerActor, second.getId(), true, null);

		List<Mail> accepted = mailsAbout(roster.getId(), 2);
		assertThat(accepted).extracting(Mail::to)
			.containsExactlyInAnyOrder(this.lead.getEmail(), this.englishLead.getEmail());
		assertThat(mailTo(accepted, this.lead.getEmail()).subject()).startsWith("【Itaku】提出書類が受理されました：従事者名簿");
		assertThat(mailTo(accepted, this.lead.getEmail()).body()).contains("第2回提出が、委託者に受理されました")
			.doesNotContain("審査コメント");

		this.job.runFor(this.calendar.today());
		assertThat(mailsAbout(roster.getId())).as("the daily run does not send them again").hasSize(2);
	}

	@Test
	void anAcceptedObligationAndADraftContractGetNoReminders() {
		Obligation accepted = dueOn(contract(true), Deliverable.ROSTER, this.due);
		Submission submission = this.obligations.submit(this.leadActor, accepted.getId(), null, pdf());
		this.obligations.review(this.officerActor, submission.getId(), true, null);
		// The review's outcome is mailed after commit; it is not a reminder.
		mailsAbout(accepted.getId(), 2);
		Obligation draft = dueOn(contract(false), Deliverable.ROSTER, this.due);
		clearMailbox();

		this.job.runFor(this.due.minusDays(7));
		this.job.runFor(this.due.plusDays(1));

		assertThat(mailsAbout(accepted.getId())).isEmpty();
		assertThat(mailsAbout(draft.getId())).isEmpty();
	}

	@Test
	void aReminderTheMailServerDidNotTakeIsSentAtTheNextRun() {
		Obligation roster = dueOn(contract(true), Deliverable.ROSTER, this.due);
		mailServer.stop();
		try {
			this.job.runFor(this.due.minusDays(7));
		}
		finally {
			mailServer.start();
		}
		// At most the lead without an address has it, whose reminder needs no mail server
		// (unless the run gave up first on the other tests' reminders: after three
		// reminders in a row of which the server took no mail, the rest wait for the next
		// run).
		assertThat(auditedReminders(roster.getId())).isLessThanOrEqualTo(1)
			.isEqualTo(this.mailbox.list(this.withoutMail.getId()).size());

		this.job.runFor(this.due.minusDays(6));

		List<Mail> mails = mailsAbout(roster.getId());
		assertThat(mails).extracting(Mail::to)
			.containsExactlyInAnyOrder(this.lead.getEmail(), this.englishLead.getEmail());
		assertThat(mailTo(mails, this.lead.getEmail()).subject()).startsWith("【Itaku】提出期限まであと6日です");
		assertThat(auditedReminders(roster.getId())).isEqualTo(3);
		assertThat(this.mailbox.list(this.withoutMail.getId())).hasSize(1);
	}

	private long auditedReminders(UUID obligationId) {
		return this.jdbc
			.sql("select count(*) from audit_entry where action = 'REMINDER_SENT' and target_type = 'Obligation'"
					+ " and target_id = :id")
			.param("id", obligationId.toString())
			.query(Long.class)
			.single();
	}

	private static List<Obligations.Upload> pdf() {
		return List.of(new Obligations.Upload("名簿.pdf", "application/pdf", new ByteArrayResource(
				("%PDF-1.4\n% " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8))));
	}

}
