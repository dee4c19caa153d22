package jp.itaku.clientid;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

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
import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Client-issued IDs by page and API, as a matrix: another contractor (and another client)
 * sees and changes nothing; the contractor's lead and the auditor read but cannot issue
 * or revoke; the client's officer issues and revokes, and bad input comes back naming the
 * field. The contract page shows the number of findings and links to the IDs.
 */
@IntegrationTest
class ClientIdPagesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	Rosters rosters;

	@Autowired
	ClientIds ids;

	@Autowired
	Clock clock;

	UserAccount officer;

	UserAccount auditor;

	UserAccount lead;

	UserAccount otherLead;

	UserAccount otherOfficer;

	Contract contract;

	RosterMember departed;

	ClientIssuedId verification;

	LocalDate today;

	@BeforeEach
	void data() {
		this.today = ItakuTime.today(this.clock);
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.officer = this.fixtures.user(client, Role.CLIENT_OFFICER);
		this.auditor = this.fixtures.user(client, Role.AUDITOR);
		this.lead = this.fixtures.user(contractor, Role.CONTRACTOR_LEAD);
		this.otherLead = this.fixtures.user(this.fixtures.organisation(OrganisationKind.CONTRACTOR),
				Role.CONTRACTOR_LEAD);
		this.otherOfficer = this.fixtures.user(this.fixtures.organisation(OrganisationKind.CLIENT),
				Role.CLIENT_OFFICER);
		Actor officerActor = this.fixtures.actor(this.officer);
		Actor leadActor = this.fixtures.actor(this.lead);
		this.contract = this.contracts.register(officerActor, this.fixtures.contractForm(contractor, "kadoma",
				this.today.minusMonths(2), Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION)));
		RosterMemberForm form = new RosterMemberForm();
		form.setName("退職 太郎");
		form.setAffiliation("窓口運営課");
		form.setRole(WorkerRole.WORKER);
		form.setPeriodStart(this.today.minusMonths(1));
		this.departed = this.rosters.add(leadActor, this.contract.getId(), form);
		this.rosters.activate(leadActor, this.departed.getId(), "試験");
		IssueIdForm id = new IssueIdForm();
		id.setMemberId(this.departed.getId());
		id.setValue("KDM-V-" + UUID.randomUUID().toString().substring(0, 8));
		id.setSystemName("窓口専用端末");
		id.setIssuedOn(this.today.minusDays(10));
		this.verification = this.ids.issue(officerActor, this.contract.getId(), id);
		this.rosters.leave(leadActor, this.departed.getId(), this.today);
	}

	@Test
	void anotherContractorOrClientSeesNothingByPageOrApi() throws Exception {
		for (UserAccount foreign : new UserAccount[] { this.otherLead, this.otherOfficer }) {
			String who = foreign.getUsername();
			assertNothingShown(as(foreign, get("/contracts/" + this.contract.getId() + "/ids")), 404, who);
			assertNothingShown(as(foreign, get("/api/v1/contracts/" + this.contract.getId() + "/ids")), 404, who);
			assertNothingShown(as(foreign,
					post("/api/v1/contracts/" + this.contract.getId() + "/ids").contentType(MediaType.APPLICATION_JSON)
						.content(issueJson("X-" + UUID.randomUUID()))),
					404, who);
			assertNothingShown(as(foreign,
					post("/api/v1/ids/" + this.verification.getId() + "/revoke").contentType(MediaType.APPLICATION_JSON)
						.content("{\"revokedOn\":\"" + this.today + "\"}")),
					404, who);
			assertNothingShown(as(foreign,
					post("/ids/" + this.verification.getId() + "/revoke").param("revokedOn", this.today.toString())
						.with(csrf())),
					404, who);
		}
		assertNothingShown(as(this.otherOfficer, get("/ids/findings")), 200, "other client's findings page");
		assertNothingShown(as(this.otherOfficer, get("/api/v1/ids/findings")), 200, "other client's findings");
		assertThat(as(this.otherLead, get("/ids/findings")).getResponse().getStatus()).isEqualTo(403);
		assertThat(as(this.otherLead, get("/api/v1/ids/findings")).getResponse().getStatus()).isEqualTo(403);
		assertThat(this.ids.register(this.fixtures.actor(this.officer), this.contract.getId()).findings()).hasSize(1);
	}

	@Test
	void theLeadAndTheAuditorReadButCannotIssueOrRevoke() throws Exception {
		for (UserAccount reader : new UserAccount[] { this.lead, this.auditor }) {
			MvcResult page = as(reader, get("/contracts/" + this.contract.getId() + "/ids"));
			assertThat(page.getResponse().getStatus()).isEqualTo(200);
			assertThat(page.getResponse().getContentAsString()).contains(this.verification.getValue(), "id-findings")
				.doesNotContain("issue-form")
				.doesNotContain("revoke-form");
			assertThat(as(reader, get("/api/v1/contracts/" + this.contract.getId() + "/ids")).getResponse()
				.getContentAsString()).contains(this.verification.getValue());
			assertThat(as(reader,
					post("/api/v1/contracts/" + this.contract.getId() + "/ids").contentType(MediaType.APPLICATION_JSON)
						.content(issueJson("X-" + UUID.randomUUID())))
				.getResponse()
				.getStatus()).isEqualTo(403);
			assertThat(as(reader,
					post("/api/v1/ids/" + this.verification.getId() + "/revoke").contentType(MediaType.APPLICATION_JSON)
						.content("{\"revokedOn\":\"" + this.today + "\"}"))
				.getResponse()
				.getStatus()).isEqualTo(403);
			assertThat(as(reader,
					post("/ids/" + this.verification.getId() + "/revoke").param("revokedOn", this.today.toString())
						.with(csrf()))
				.getResponse()
				.getStatus()).isEqualTo(403);
		}
		assertThat(this.ids.get(this.fixtures.actor(this.officer), this.verification.getId()).isActive()).isTrue();
		MvcResult auditorFindings = as(this.auditor, get("/ids/findings"));
		assertThat(auditorFindings.getResponse().getContentAsString()).contains(this.verification.getValue());
	}

	@Test
	void theOfficerSeesTheFindingOnTheContractPageAndRevokesOnTheIdsPage() throws Exception {
		String contractPage = as(this.officer, get("/contracts/" + this.contract.getId())).getResponse()
			.getContentAsString();
		assertThat(contractPage).contains("/contracts/" + this.contract.getId() + "/ids", "client-id-findings",
				"要削除 1名");
		String page = as(this.officer, get("/contracts/" + this.contract.getId() + "/ids")).getResponse()
			.getContentAsString();
		assertThat(page).contains("id-findings", "退職 太郎", this.verification.getValue(), "issue-form", "/obligations/");
		String findings = as(this.officer, get("/api/v1/ids/findings")).getResponse().getContentAsString();
		assertThat(findings).contains(this.verification.getValue(), this.departed.getId().toString(), "\"LEFT\"");

		MvcResult bad = as(this.officer,
				post("/api/v1/contracts/" + this.contract.getId() + "/ids").contentType(MediaType.APPLICATION_JSON)
					.content("{\"memberId\":\"" + this.departed.getId() + "\",\"kind\":\"VERIFICATION\",\"value\":\""
							+ this.verification.getValue() + "\",\"issuedOn\":\"" + this.today + "\"}"));
		assertThat(bad.getResponse().getStatus()).isEqualTo(400);
		assertThat(bad.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(bad.getResponse().getContentAsString()).contains("\"field\":\"memberId\"", "\"field\":\"value\"",
				"\"field\":\"systemName\"", "対象のシステム・端末を入力してください");

		MvcResult revoked = as(this.officer,
				post("/ids/" + this.verification.getId() + "/revoke").param("revokedOn", this.today.toString())
					.param("note", "照合システムから削除")
					.with(csrf()));
		assertThat(revoked.getResponse().getRedirectedUrl()).isEqualTo("/contracts/" + this.contract.getId() + "/ids");
		assertThat(as(this.officer, get("/contracts/" + this.contract.getId() + "/ids")).getResponse()
			.getContentAsString()).contains("id-findings-none").doesNotContain("id=\"id-findings\"");
		assertThat(as(this.officer, get("/contracts/" + this.contract.getId())).getResponse().getContentAsString())
			.doesNotContain("client-id-findings");
	}

	@Test
	void theIssueFormShowsItsErrorsNextToTheFields() throws Exception {
		MvcResult result = as(this.officer,
				post("/contracts/" + this.contract.getId() + "/ids").param("kind", "OPERATOR")
					.param("value", "A B")
					.param("systemName", "端末")
					.param("issuedOn", this.today.toString())
					.with(csrf()));
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getContentAsString()).contains("IDを付与する従事者を選んでください",
				"操作者IDには、それを付与する照合IDを選んでください", "ID（識別子）に空白や制御文字は使えません");
	}

	private MvcResult as(UserAccount user,
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
		RequestBuilder built = request.with(authentication(this.fixtures.signedIn(user)));
		return this.mvc.perform(built).andReturn();
	}

	private void assertNothingShown(MvcResult result, int status, String who) throws Exception {
		assertThat(result.getResponse().getStatus()).as(who).isEqualTo(status);
		assertThat(result.getResponse().getContentAsString()).as(who)
			.doesNotContain(this.verification.getValue())
			.doesNotContain("退職 太郎");
	}

	private String issueJson(String value) {
		return "{\"memberId\":\"" + this.departed.getId() + "\",\"kind\":\"VERIFICATION\",\"value\":\"" + value
				+ "\",\"systemName\":\"端末\",\"issuedOn\":\"" + this.today + "\"}";
	}

}
