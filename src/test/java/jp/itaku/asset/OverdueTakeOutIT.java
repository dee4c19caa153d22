package jp.itaku.asset;

import java.time.Clock;
import java.time.LocalDateTime;
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

/**
 * A take-out past its planned return (Setagaya 8, Nerima 18⑵) is flagged for every party
 * to its contract and nobody else, and the contractor's lead and the client's officers
 * are told by e-mail once, audited.
 */
@IntegrationTest
class OverdueTakeOutIT {

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
	AssetRegister register;

	@Autowired
	AssetRequests requests;

	@Autowired
	OverdueTakeOutJob job;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@DynamicPropertySource
	static void pointMailAtTheTestServer(DynamicPropertyRegistry registry) {
		TestMailServer.pointAt(registry, SMTP);
	}

	@Test
	void anOverdueTakeOutIsFlaggedAndNotifiedOnce() throws Exception {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		Organisation other = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		UserAccount officer = this.fixtures.user(client, Role.CLIENT_OFFICER);
		UserAccount secadmin = this.fixtures.user(client, Role.CLIENT_SECURITY_ADMIN);
		UserAccount auditor = this.fixtures.user(client, Role.AUDITOR);
		UserAccount leadUser = this.fixtures.user(contractor, Role.CONTRACTOR_LEAD);
		UserAccount worker = this.fixtures.user(contractor, Role.CONTRACTOR_WORKER);
		Actor lead = this.fixtures.actor(leadUser);
		Actor officerActor = this.fixtures.actor(officer);
		Contract contract = this.contracts.register(officerActor, this.fixtures.contractForm(contractor, "setagaya",
				ItakuTime.today(this.clock).minusMonths(1), Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION)));
		RosterMember member = member(lead, contract);
		LocalDateTime now = LocalDateTime.now(this.clock.withZone(ItakuTime.ZONE)).withSecond(0).withNano(0);
		ReceiptForm receipt = new ReceiptForm();
		receipt.setReceivedAt(now.minusDays(1));
		receipt.setReceiverId(member.getId());
		receipt.setHandedOverBy("区民情報課 山田 一郎");
		AssetItemForm item = new AssetItemForm();
		item.setKind(AssetKind.PAPER);
		item.setDescription("住民異動届 申請書");
		item.setQuantity(30);
		item.setStorage(StorageLocation.LOCKED_CABINET);
		receipt.setItems(List.of(item));
		AssetReceipt received = this.register.receive(lead, contract.getId(), receipt);

		AssetRequestForm form = new AssetRequestForm();
		form.setType(RequestType.TAKE_OUT);
		form.setPurpose("区役所での照合");
		form.setAssetIds(List.of(this.register.itemsOf(lead, received.getId()).get(0).getAssetId()));
		form.setDestination("区役所 本庁舎");
		form.setPlannedStart(now.minusHours(5));
		form.setPlannedEnd(now.minusHours(1));
		form.setPersonId(member.getId());
		form.setLockedContainer(true);
		AssetRequest request = this.requests.request(lead, contract.getId(), form);
		this.requests.approve(officerActor, request.getId(), new AssetStepForm());
		AssetStepForm out = new AssetStepForm();
		out.setAt(now.minusHours(4));
		this.requests.start(lead, request.getId(), out);

		// Flagged for the parties to the contract, not for another contractor.
		assertThat(this.requests.detail(officerActor, request.getId()).overdue()).isTrue();
		assertThat(this.requests.overdueTakeOuts(officerActor)).extracting((o) -> o.request().getId())
			.contains(request.getId());
		assertThat(this.requests.overdueTakeOuts(lead)).extracting((o) -> o.request().getId())
			.contains(request.getId());
		assertThat(this.requests.overdueTakeOuts(this.fixtures.actor(this.fixtures.user(other, Role.CONTRACTOR_LEAD))))
			.extracting((o) -> o.request().getId())
			.doesNotContain(request.getId());

		// Notified once, to the lead and the client's officers.
		assertThat(this.job.notifyOverdue()).isGreaterThanOrEqualTo(1);
		assertThat(this.job.notifyOverdue()).isZero();
		List<String> recipients = new ArrayList<>();
		for (MimeMessage message : mailServer.getReceivedMessages()) {
			if (message.getSubject().contains(request.getNumber())
					&& message.getSubject().contains(contract.getNumber())) {
				recipients.add(((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress());
				assertThat(message.getContent().toString()).contains("区役所 本庁舎", member.getName(),
						"/asset-requests/" + request.getId());
			}
		}
		assertThat(recipients).containsExactlyInAnyOrder(leadUser.getEmail(), officer.getEmail(), secadmin.getEmail())
			.doesNotContain(auditor.getEmail(), worker.getEmail());
		assertThat(this.jdbc
			.sql("select count(*) from audit_entry where action = 'ASSET_TAKE_OUT_OVERDUE_NOTIFIED' and target_id = ?")
			.param(request.getId().toString())
			.query(Long.class)
			.single()).isEqualTo(1);

		// Brought back: no longer flagged.
		AssetStepForm back = new AssetStepForm();
		back.setAt(now);
		back.setPersonId(member.getId());
		this.requests.finish(lead, request.getId(), back);
		assertThat(this.requests.overdueTakeOuts(officerActor)).extracting((o) -> o.request().getId())
			.doesNotContain(request.getId());
	}

	private RosterMember member(Actor lead, Contract contract) {
		RosterMemberForm form = new RosterMemberForm();
		form.setName("持出 太郎");
		form.setAffiliation("公共事業部");
		form.setRole(WorkerRole.WORKER);
		form.setHandlesPersonalInformation(true);
		form.setHandoverPerson(true);
		form.setPeriodStart(contract.getPeriodStart());
		RosterMember member = this.rosters.add(lead, contract.getId(), form);
		return this.rosters.activate(lead, member.getId(), "試験");
	}

}
