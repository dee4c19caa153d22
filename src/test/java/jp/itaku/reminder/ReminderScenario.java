package jp.itaku.reminder;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jp.itaku.account.UserAccount;
import jp.itaku.account.UserAccounts;
import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.catalog.ClauseCatalog;
import jp.itaku.catalog.Deliverable;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
import jp.itaku.contract.Contracts;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationSystemReads;
import jp.itaku.obligation.Obligations;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.platform.mail.Mailbox;
import jp.itaku.support.Fixtures;
import jp.itaku.support.TestMailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * What the reminder tests share: a real SMTP server (GreenMail on a free loopback port,
 * which the application is pointed at), and a client and a contractor with their people:
 * two contractor leads (one reading English), a worker, a lead without an e-mail address
 * and a client officer. Mails are told apart by the obligation they link to, since the
 * job also reminds of other tests' obligations in the same database.
 */
abstract class ReminderScenario {

	static final ServerSetup SMTP = TestMailServer.freeSmtp();

	@RegisterExtension
	static final GreenMailExtension mailServer = TestMailServer.greenMail(SMTP);

	@Autowired
	Fixtures fixtures;

	@Autowired
	Mailbox mailbox;

	@Autowired
	UserAccounts users;

	@Autowired
	Contracts contracts;

	@Autowired
	Obligations obligations;

	@Autowired
	ObligationSystemReads obligationReads;

	@Autowired
	ClauseCatalog catalog;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	Organisation client;

	Organisation contractor;

	UserAccount lead;

	UserAccount englishLead;

	/** A lead registered without an e-mail address: reminded in the in-app mailbox. */
	UserAccount withoutMail;

	UserAccount worker;

	UserAccount officer;

	Actor officerActor;

	Actor leadActor;

	@DynamicPropertySource
	static void pointMailAtTheTestServer(DynamicPropertyRegistry registry) {
		TestMailServer.pointAt(registry, SMTP);
	}

	@BeforeEach
	void parties() {
		this.client = this.fixtures.organisation(OrganisationKind.CLIENT);
		this.contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.lead = this.fixtures.user(this.contractor, Role.CONTRACTOR_LEAD);
		this.leadActor = this.fixtures.actor(this.lead);
		this.englishLead = this.fixtures.user(this.contractor, Role.CONTRACTOR_LEAD);
		this.users.preferLocale(this.fixtures.actor(this.englishLead), Locale.ENGLISH);
		this.worker = this.fixtures.user(this.contractor, Role.CONTRACTOR_WORKER);
		this.withoutMail = this.fixtures.userWithoutAddress(this.contractor, Role.CONTRACTOR_LEAD);
		this.officer = this.fixtures.user(this.client, Role.CLIENT_OFFICER);
		this.officerActor = this.fixtures.actor(this.officer);
		this.fixtures.user(this.client, Role.CLIENT_SECURITY_ADMIN);
	}

	/**
	 * Registers a Setagaya contract between the client and the contractor.
	 * @param active whether to put it in force
	 * @return the contract
	 */
	Contract contract(boolean active) {
		LocalDate start = this.calendar.today().plusMonths(1);
		ContractForm form = this.fixtures.contractForm(this.contractor, "setagaya", start, Set.of());
		form.setNumber("R-" + UUID.randomUUID().toString().substring(0, 8));
		form.setTitle("住民記録システム運用保守業務委託");
		Contract contract = this.contracts.register(this.officerActor, form);
		if (active) {
			this.contracts.activate(this.officerActor, contract.getId());
		}
		return contract;
	}

	/**
	 * Returns a contract's obligation for a document, moved to a due date.
	 * @param contract the contract
	 * @param deliverable the document
	 * @param due the due date to give it
	 * @return the obligation as stored
	 */
	Obligation dueOn(Contract contract, Deliverable deliverable, LocalDate due) {
		Obligation obligation = this.obligations.forContract(this.officerActor, contract.getId())
			.stream()
			.filter((o) -> o.getDeliverable() == deliverable)
			.findFirst()
			.orElseThrow();
		this.jdbc.sql("update obligation set due_date = :due where id = :id")
			.param("due", due)
			.param("id", obligation.getId())
			.update();
		return this.obligationReads.findUnscoped(obligation.getId()).orElseThrow();
	}

	/**
	 * Forgets every mail received so far.
	 */
	static void clearMailbox() {
		try {
			mailServer.purgeEmailFromAllMailboxes();
		}
		catch (FolderException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Returns the mails about an obligation (they link to it), waiting (at most 30 s)
	 * until there are {@code expected}: the outcome of a review is mailed after commit,
	 * from a listener that runs asynchronously.
	 * @param obligationId the obligation
	 * @param expected how many mails to wait for
	 * @return the mails, in the order received
	 */
	static List<Mail> mailsAbout(UUID obligationId, int expected) {
		if (expected > 0) {
			await().atMost(Duration.ofSeconds(30)).until(() -> mailsAbout(obligationId).size() >= expected);
		}
		return mailsAbout(obligationId);
	}

	/**
	 * Returns the mails received so far that are about an obligation (they link to it).
	 * @param obligationId the obligation
	 * @return the mails, in the order received
	 */
	static List<Mail> mailsAbout(UUID obligationId) {
		List<Mail> mails = new ArrayList<>();
		try {
			for (MimeMessage message : mailServer.getReceivedMessages()) {
				String body = message.getContent().toString();
				if (body.contains("/obligations/" + obligationId)) {
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

	/**
	 * Returns the mail to an address.
	 * @param mails the mails
	 * @param address the address
	 * @return the first mail to it
	 */
	static Mail mailTo(List<Mail> mails, String address) {
		return mails.stream().filter((m) -> m.to().equals(address)).findFirst().orElseThrow();
	}

	/**
	 * A received mail.
	 *
	 * @param to the recipient's address
	 * @param subject the decoded subject
	 * @param body the decoded plain-text body
	 */
	record Mail(String to, String subject, String body) {
	}

}
