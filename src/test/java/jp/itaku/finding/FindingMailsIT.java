package jp.itaku.finding;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
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
import jp.itaku.contract.Contracts;
import jp.itaku.inspection.Finding;
import jp.itaku.inspection.Inspection;
import jp.itaku.inspection.InspectionForm;
import jp.itaku.inspection.InspectionKind;
import jp.itaku.inspection.InspectionFindings;
import jp.itaku.inspection.Inspections;
import jp.itaku.inspection.Severity;
import jp.itaku.logevidence.LogEvidence;
import jp.itaku.logevidence.LogFindings;
import jp.itaku.logevidence.LogFinding;
import jp.itaku.logevidence.LogFormat;
import jp.itaku.logevidence.LogMapping;
import jp.itaku.logevidence.LogRule;
import jp.itaku.logevidence.LogSettings;
import jp.itaku.logevidence.LogSource;
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
import static org.awaitility.Awaitility.await;

/**
 * The one mail listener of every finding (GreenMail): after each step of a log finding
 * and of an inspection finding the side whose turn it is gets a mail naming the finding
 * and linking its page — the contractor's leads on acknowledge and return (with the
 * client's comment), the client's officers and security administrators on explain —
 * nobody on close, never the auditor or a worker; each mail sent is audited.
 */
@IntegrationTest
class FindingMailsIT {

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
	LogEvidence logs;

	@Autowired
	LogFindings logFindings;

	@Autowired
	Inspections inspections;

	@Autowired
	InspectionFindings inspectionFindings;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	UserAccount officer;

	UserAccount secadmin;

	UserAccount auditor;

	UserAccount lead;

	UserAccount worker;

	Contract contract;

	LocalDate today;

	@BeforeEach
	void parties() {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.officer = this.fixtures.user(client, Role.CLIENT_OFFICER);
		this.secadmin = this.fixtures.user(client, Role.CLIENT_SECURITY_ADMIN);
		this.auditor = this.fixtures.user(client, Role.AUDITOR);
		this.lead = this.fixtures.user(contractor, Role.CONTRACTOR_LEAD);
		this.worker = this.fixtures.user(contractor, Role.CONTRACTOR_WORKER);
		this.today = ItakuTime.today(this.clock);
		var form = this.fixtures.contractForm(contractor, "kadoma", this.today.minusMonths(3),
				Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION));
		this.contract = this.contracts.register(actor(this.officer), form);
	}

	@Test
	void aLogFindingMailsTheLeadsOnAcknowledgeAndReturnAndTheClientOnExplain() throws Exception {
		LogSource source = this.logs.addSource(actor(this.lead), this.contract.getId(), "窓口端末", LogFormat.CSV,
				new LogMapping("time", "user", "action", "target", "result", "ip", List.of()), null);
		this.logs.saveSettings(actor(this.officer), this.contract.getId(),
				new LogSettings(3, "export_all", LocalTime.of(7, 0), LocalTime.of(21, 0), 50, 5, 10, 300, false));
		LocalDate day = this.today.minusDays(2);
		String csv = "time,user,action,target,result,ip\n" + day
				+ "T10:00:00+09:00,OP-NOBODY,export_all,住民=1,success,10.0.0.8\n";
		this.logs.ingest(actor(this.lead), this.contract.getId(), source.id(), "access.csv",
				new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), true);
		LogFinding finding = this.logFindings.findings(actor(this.officer), this.contract.getId())
			.stream()
			.filter((f) -> f.getRule() == LogRule.FORBIDDEN_OPERATION)
			.findFirst()
			.orElseThrow();
		String link = "/contracts/" + this.contract.getId() + "/logs#finding-" + finding.getId();

		this.logFindings.move(actor(this.officer), finding.getId(), FindingStep.ACKNOWLEDGE, null);
		List<MimeMessage> asked = mails(this.lead, "対応依頼", 1);
		assertThat(asked).hasSize(1);
		assertThat(body(asked.get(0))).contains(this.contract.getNumber(), "ログ証跡の照合", finding.getClauseRef(), link);

		this.logFindings.move(actor(this.lead), finding.getId(), FindingStep.EXPLAIN, "試験用の端末の操作でした。");
		assertThat(mails(this.officer, "回答がありました", 1)).hasSize(1);
		assertThat(mails(this.secadmin, "回答がありました", 1)).hasSize(1);

		this.logFindings.move(actor(this.officer), finding.getId(), FindingStep.RETURN, "試験用の端末の一覧を添えてください。");
		List<MimeMessage> returned = mails(this.lead, "差し戻されました", 1);
		assertThat(returned).hasSize(1);
		assertThat(body(returned.get(0))).contains("試験用の端末の一覧を添えてください。", link);

		this.logFindings.move(actor(this.lead), finding.getId(), FindingStep.EXPLAIN, "一覧を添えます。");
		this.logFindings.move(actor(this.officer), finding.getId(), FindingStep.CLOSE, null);
		assertThat(mails(this.officer, "回答がありました", 2)).hasSize(2);
		assertThat(mails(this.auditor, "指摘事項", 0)).isEmpty();
		assertThat(mails(this.worker, "指摘事項", 0)).isEmpty();
		// 1 (acknowledge) + 2 + 2 (explain, twice) + 1 (return); closing mails nobody.
		assertThat(mailsAudited("LogFinding", finding.getId().toString(), 6)).isEqualTo(6);
	}

	@Test
	void anInspectionFindingMailsTheSameWayWithItsInstructionsDueDate() throws Exception {
		InspectionForm form = new InspectionForm();
		form.setKind(InspectionKind.ON_SITE);
		form.setScope("作業室");
		form.setHeldOn(this.today);
		form.setInspectors("山田");
		Inspection inspection = this.inspections.plan(actor(this.officer), this.contract.getId(), form);
		Finding finding = this.inspectionFindings.record(actor(this.officer), inspection.getId(), Severity.MAJOR,
				"14(8)", "鍵が机に置かれていた。", "鍵を携行すること。", this.today.plusDays(14));
		String link = "/inspections/" + inspection.getId() + "#finding-AUD-1-F1";

		List<MimeMessage> asked = mails(this.lead, "対応依頼", 1);
		assertThat(asked).hasSize(1);
		assertThat(asked.get(0).getSubject()).contains("AUD-1-F1");
		assertThat(body(asked.get(0))).contains("監査・検査", "実地調査", "重要", "14(8)", link);

		this.inspectionFindings.explain(actor(this.lead), finding.getId(), "鍵を携行する運用に改めた。", List.of());
		assertThat(mails(this.officer, "回答がありました", 1)).hasSize(1);
		assertThat(mails(this.secadmin, "回答がありました", 1)).hasSize(1);
		this.inspectionFindings.returnExplanation(actor(this.officer), finding.getId(), "貸出記録も付けてください。");
		List<MimeMessage> returned = mails(this.lead, "差し戻されました", 1);
		assertThat(returned).hasSize(1);
		assertThat(body(returned.get(0))).contains("貸出記録も付けてください。");
		assertThat(mails(this.auditor, "指摘事項", 0)).isEmpty();
		assertThat(mails(this.worker, "指摘事項", 0)).isEmpty();
		assertThat(mailsAudited("Finding", finding.getId().toString(), 4)).isEqualTo(4);
	}

	private Actor actor(UserAccount user) {
		return this.fixtures.actor(user);
	}

	/**
	 * The mails audited for a finding, waiting until there are {@code expected} (each
	 * mail's audit entry is committed just after it is sent).
	 */
	private long mailsAudited(String targetType, String targetId, long expected) {
		await().atMost(Duration.ofSeconds(30)).until(() -> mailsAudited(targetType, targetId) >= expected);
		return mailsAudited(targetType, targetId);
	}

	private long mailsAudited(String targetType, String targetId) {
		return this.jdbc
			.sql("select count(*) from audit_entry where action = 'FINDING_MAIL_SENT' and target_type = ?"
					+ " and target_id = ?")
			.params(targetType, targetId)
			.query(Long.class)
			.single();
	}

	/**
	 * The mails to a user whose subject has the text, waiting for {@code expected} (the
	 * listener runs after commit, asynchronously).
	 */
	private List<MimeMessage> mails(UserAccount user, String subject, int expected) throws Exception {
		long until = System.currentTimeMillis() + 30_000;
		List<MimeMessage> mine;
		do {
			mine = new ArrayList<>();
			for (MimeMessage message : mailServer.getReceivedMessages()) {
				String to = ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
				if (to.equals(user.getEmail()) && message.getSubject().contains(subject)) {
					mine.add(message);
				}
			}
			if (mine.size() >= expected && expected > 0) {
				return mine;
			}
			Thread.sleep(100);
		}
		while (System.currentTimeMillis() < until && expected > 0);
		return mine;
	}

	private static String body(MimeMessage message) throws Exception {
		return message.getContent().toString();
	}

}
