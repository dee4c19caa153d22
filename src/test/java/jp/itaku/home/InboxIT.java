package jp.itaku.home;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.itaku.account.UserAccount;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
import jp.itaku.contract.Contracts;
import jp.itaku.incident.Incident;
import jp.itaku.incident.Incidents;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.Obligations;
import jp.itaku.obligation.Submission;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.platform.web.InboxItem;
import jp.itaku.platform.web.InboxItem.Kind;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The inbox against the database, as a matrix of who sees what: a submission waits in the
 * reviewing officer's inbox and in no one else's; what the officer returns waits in the
 * contractor's lead's; a reported incident waits for the client's security administrator
 * only. The pages show the items, filter them by kind, and refuse an unknown kind with a
 * 400 instead of a 500.
 */
@IntegrationTest
class InboxIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	Obligations obligations;

	@Autowired
	Incidents incidents;

	@Autowired
	Inbox inbox;

	@Autowired
	Clock clock;

	UserAccount officer;

	UserAccount securityAdmin;

	UserAccount lead;

	UserAccount worker;

	UserAccount otherLead;

	UserAccount otherOfficer;

	Contract contract;

	Organisation contractor;

	@BeforeEach
	void contract() {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.contractor = contractor;
		this.officer = this.fixtures.user(client, Role.CLIENT_OFFICER);
		this.securityAdmin = this.fixtures.user(client, Role.CLIENT_SECURITY_ADMIN);
		this.lead = this.fixtures.user(contractor, Role.CONTRACTOR_LEAD);
		this.worker = this.fixtures.user(contractor, Role.CONTRACTOR_WORKER);
		this.otherLead = this.fixtures.user(this.fixtures.organisation(OrganisationKind.CONTRACTOR),
				Role.CONTRACTOR_LEAD);
		this.otherOfficer = this.fixtures.user(this.fixtures.organisation(OrganisationKind.CLIENT),
				Role.CLIENT_OFFICER);
		ContractForm form = this.fixtures.contractForm(contractor, "kadoma", ItakuTime.today(this.clock),
				Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION));
		form.setNumber("INBOX-" + UUID.randomUUID().toString().substring(0, 6));
		this.contract = this.contracts.register(actor(this.officer), form);
	}

	private Actor actor(UserAccount user) {
		return this.fixtures.actor(user);
	}

	private List<InboxItem> items(UserAccount user, Kind kind) {
		return this.inbox.of(actor(user), kind)
			.items()
			.stream()
			.filter((item) -> item.contract().startsWith(this.contract.getNumber()))
			.toList();
	}

	@Test
	void aSubmissionWaitsForTheReviewerAndWhatIsReturnedForTheLead() throws Exception {
		Obligation obligation = this.obligations.forContract(actor(this.lead), this.contract.getId()).get(0);
		String href = "/obligations/" + obligation.getId();
		assertThat(items(this.lead, Kind.SUBMIT)).extracting(InboxItem::href).contains(href);
		assertThat(items(this.worker, null)).isEmpty();

		Submission submission = this.obligations.submit(actor(this.lead), obligation.getId(), "提出します",
				List.of(new Obligations.Upload("report.pdf", "application/pdf", new ByteArrayResource(
						("%PDF-1.4\n% " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8)))));
		assertThat(items(this.officer, Kind.REVIEW)).extracting(InboxItem::href).containsExactly(href);
		assertThat(items(this.securityAdmin, Kind.REVIEW)).extracting(InboxItem::href).containsExactly(href);
		assertThat(items(this.lead, null)).extracting(InboxItem::href).doesNotContain(href);
		for (UserAccount outsider : List.of(this.otherLead, this.otherOfficer, this.worker)) {
			assertThat(items(outsider, null)).isEmpty();
		}
		this.mvc
			.perform(get("/inbox").param("kind", "REVIEW").with(authentication(this.fixtures.signedIn(this.officer))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(href)))
			.andExpect(content().string(containsString(this.contract.getNumber())))
			.andExpect(content().string(containsString("提出物の審査")));
		// the navigation counts what waits, on every page
		this.mvc.perform(get("/account").with(authentication(this.fixtures.signedIn(this.officer))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"nav-inbox-count\"")));
		this.mvc.perform(get("/account").with(authentication(this.fixtures.signedIn(this.otherOfficer))))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"nav-inbox-count\""))));
		this.mvc
			.perform(get("/inbox").param("kind", "DECIDE").with(authentication(this.fixtures.signedIn(this.officer))))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(href))));
		this.mvc.perform(get("/inbox").with(authentication(this.fixtures.signedIn(this.otherOfficer))))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(href))));
		this.mvc.perform(get("/").with(authentication(this.fixtures.signedIn(this.officer))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"home-inbox\"")))
			.andExpect(content().string(containsString(href)));
		this.mvc
			.perform(get("/api/v1/me/inbox").param("kind", "REVIEW")
				.with(authentication(this.fixtures.signedIn(this.officer))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.counts.REVIEW").isNumber())
			.andExpect(jsonPath("$.items[?(@.href == '" + href + "')].kind").value(hasItem("REVIEW")))
			.andExpect(jsonPath("$.items[?(@.href == '" + href + "')].overdue").value(hasItem(false)));
		this.mvc.perform(get("/api/v1/me/inbox").with(authentication(this.fixtures.signedIn(this.otherOfficer))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[?(@.href == '" + href + "')]").isEmpty());

		this.obligations.review(actor(this.officer), submission.getId(), false, "添付が不足しています");
		assertThat(items(this.officer, Kind.REVIEW)).isEmpty();
		assertThat(items(this.lead, Kind.RESUBMIT)).extracting(InboxItem::href).containsExactly(href);
	}

	@Test
	void aReportedIncidentWaitsForTheSecurityAdministratorOnly() {
		Incident incident = this.incidents.report(actor(this.lead), this.contract.getId(),
				this.fixtures.lossReport(this.clock));
		String href = "/incidents/" + incident.getId();
		assertThat(items(this.securityAdmin, Kind.ACKNOWLEDGE)).extracting(InboxItem::href).containsExactly(href);
		for (UserAccount other : List.of(this.officer, this.lead, this.otherOfficer)) {
			assertThat(items(other, Kind.ACKNOWLEDGE)).isEmpty();
		}
		this.incidents.acknowledge(actor(this.securityAdmin), incident.getId());
		assertThat(items(this.securityAdmin, Kind.ACKNOWLEDGE)).isEmpty();
	}

	@Test
	void anUnknownKindIsABadRequest() throws Exception {
		this.mvc.perform(get("/inbox").param("kind", "NOPE").with(authentication(this.fixtures.signedIn(this.officer))))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(get("/api/v1/me/inbox").param("kind", "NOPE")
				.with(authentication(this.fixtures.signedIn(this.officer))))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
	}

	@Test
	void aContractorReportsAnIncidentFromTheHeaderInOneStep() throws Exception {
		this.mvc.perform(get("/inbox").with(authentication(this.fixtures.signedIn(this.worker))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"header-report-incident\"")));
		this.mvc.perform(get("/incidents/report").with(authentication(this.fixtures.signedIn(this.worker))))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/contracts/" + this.contract.getId() + "/incidents/new"));
		// the client's users report no incident: no button, and nothing to choose
		this.mvc.perform(get("/inbox").with(authentication(this.fixtures.signedIn(this.officer))))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"header-report-incident\""))));
		this.mvc.perform(get("/incidents/report").with(authentication(this.fixtures.signedIn(this.officer))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"no-reportable-contracts\"")));
		// a second contract: a choice between the two
		ContractForm form = this.fixtures.contractForm(this.contractor, "kadoma", ItakuTime.today(this.clock),
				Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION));
		form.setNumber("INBOX-" + UUID.randomUUID().toString().substring(0, 6));
		Contract second = this.contracts.register(actor(this.officer), form);
		this.mvc.perform(get("/incidents/report").with(authentication(this.fixtures.signedIn(this.worker))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/contracts/" + this.contract.getId() + "/incidents/new")))
			.andExpect(content().string(containsString("/contracts/" + second.getId() + "/incidents/new")));
	}

}
