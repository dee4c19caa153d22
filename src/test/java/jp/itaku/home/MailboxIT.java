package jp.itaku.home;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import jp.itaku.account.UserAccount;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
import jp.itaku.contract.Contracts;
import jp.itaku.incident.Incident;
import jp.itaku.incident.Incidents;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.platform.mail.Mailbox;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * In-app notices (お知らせ) without a mail server (the test context configures none): the
 * alert a reported incident mails the client's security administrator is kept in their
 * mailbox instead, counted on the navigation and the inbox as unread, read on its own
 * page (which marks it read), and nobody else's to open. With a mail server the mails go
 * out as before (the GreenMail tests: {@code IncidentBrowserIT}, {@code RemindersIT}…),
 * and nothing is kept.
 */
@IntegrationTest
class MailboxIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	Incidents incidents;

	@Autowired
	Mailbox mailbox;

	@Autowired
	Clock clock;

	@Test
	void withoutAMailServerTheIncidentAlertIsAnInAppNoticeOfTheSecurityAdministratorOnly() throws Exception {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		UserAccount officer = this.fixtures.user(client, Role.CLIENT_OFFICER);
		UserAccount secadmin = this.fixtures.user(client, Role.CLIENT_SECURITY_ADMIN);
		UserAccount lead = this.fixtures.user(contractor, Role.CONTRACTOR_LEAD);
		ContractForm form = this.fixtures.contractForm(contractor, "setagaya",
				ItakuTime.today(this.clock).minusMonths(1), Set.of());
		Contract contract = this.contracts.register(this.fixtures.actor(officer), form);
		Incident incident = this.incidents.report(this.fixtures.actor(lead), contract.getId(),
				this.fixtures.lossReport(this.clock));

		// The alert is sent after the report is committed, asynchronously.
		await().atMost(Duration.ofSeconds(30)).until(() -> this.mailbox.unread(secadmin.getId()) == 1);
		assertThat(this.mailbox.unread(lead.getId())).isZero();
		Mailbox.Message message = this.mailbox.list(secadmin.getId()).get(0);
		assertThat(message.subject()).contains(contract.getNumber(), incident.getNumber());

		Document list = page(secadmin, "/mailbox");
		assertThat(list.select("#nav-mailbox-count").text()).isEqualTo("1");
		assertThat(list.select("#mailbox-table tbody tr.is-unread")).hasSize(1);
		assertThat(list.select("#mailbox-table a").text()).isEqualTo(message.subject());
		assertThat(page(secadmin, "/inbox").select("#inbox-mailbox").text()).contains("未読のお知らせが1件");
		// Nobody else's to open: the same answer as an id that does not exist.
		assertThat(statusOf(lead, "/mailbox/" + message.id())).isEqualTo(404);
		assertThat(statusOf(secadmin, "/mailbox/" + UUID.randomUUID())).isEqualTo(404);
		assertThat(this.mailbox.unread(secadmin.getId())).isOne();

		Document opened = page(secadmin, "/mailbox/" + message.id());
		assertThat(opened.select("#mailbox-subject").text()).isEqualTo(message.subject());
		assertThat(opened.select("#mailbox-body").text()).contains("/incidents/" + incident.getId());
		assertThat(opened.select("#nav-mailbox-count")).isEmpty();
		assertThat(this.mailbox.unread(secadmin.getId())).isZero();

		// 「すべて既読にする」
		this.mvc.perform(post("/mailbox/read").with(csrf()).with(authentication(this.fixtures.signedIn(lead))))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/mailbox"));
		assertThat(page(lead, "/mailbox").select("#mailbox-empty").text()).isEqualTo("お知らせはありません。");
	}

	private Document page(UserAccount user, String path) throws Exception {
		return Jsoup.parse(this.mvc.perform(get(path).with(authentication(this.fixtures.signedIn(user))))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

	private int statusOf(UserAccount user, String path) throws Exception {
		return this.mvc.perform(get(path).with(authentication(this.fixtures.signedIn(user))))
			.andReturn()
			.getResponse()
			.getStatus();
	}

}
