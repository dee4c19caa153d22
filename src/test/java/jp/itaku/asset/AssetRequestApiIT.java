package jp.itaku.asset;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
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
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Asset requests over the API: bad input answers problem+json naming each field in
 * Japanese and stores nothing; the request, the client's decision and the scoping
 * (another contractor: not found; the auditor: forbidden) behave as in the UI.
 */
@IntegrationTest
class AssetRequestApiIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	Rosters rosters;

	@Autowired
	AssetRegister register;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void requestDecideAndScopeOverTheApi() throws Exception {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		Organisation other = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		UserAccount officer = this.fixtures.user(client, Role.CLIENT_OFFICER);
		UserAccount auditor = this.fixtures.user(client, Role.AUDITOR);
		UserAccount leadUser = this.fixtures.user(contractor, Role.CONTRACTOR_LEAD);
		UserAccount otherLead = this.fixtures.user(other, Role.CONTRACTOR_LEAD);
		Actor lead = this.fixtures.actor(leadUser);
		Contract contract = this.contracts.register(this.fixtures.actor(officer),
				this.fixtures.contractForm(contractor, "gunma", ItakuTime.today(this.clock).minusMonths(1),
						Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION)));
		RosterMember member = member(lead, contract);
		UUID asset = receive(lead, contract, member);
		String url = "/api/v1/contracts/" + contract.getId() + "/asset-requests";

		this.mvc.perform(post(url).contentType("application/json").content("{\"type\":\"COPY\"}").with(as(leadUser)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.errors[0].field").value("purpose"))
			.andExpect(jsonPath("$.errors[0].message").value("目的・理由を入力してください。"))
			.andExpect(jsonPath("$.errors[?(@.field == 'copies')]").exists());
		assertThat(this.jdbc.sql("select count(*) from asset_request where contract_id = ?")
			.param(contract.getId())
			.query(Long.class)
			.single()).isZero();

		String body = """
				{"type":"COPY","purpose":"点検用","assetIds":["%s"],"copies":1,"plannedStart":"%s"}
				""".formatted(asset, LocalDateTime.now(this.clock.withZone(ItakuTime.ZONE)).withNano(0));
		this.mvc.perform(post(url).contentType("application/json").content(body).with(as(otherLead)))
			.andExpect(status().isNotFound());
		String created = this.mvc.perform(post(url).contentType("application/json").content(body).with(as(leadUser)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("REQUESTED"))
			.andExpect(jsonPath("$.items[0].status").value("IN_CUSTODY"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = created.replaceAll("(?s)^\\{\"id\":\"([0-9a-f-]{36})\".*", "$1");
		this.mvc.perform(get("/api/v1/asset-requests/" + id).with(as(otherLead))).andExpect(status().isNotFound());
		this.mvc.perform(post("/api/v1/asset-requests/" + id + "/approve").with(as(auditor)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/asset-requests/" + id + "/approve").contentType("application/json")
				.content("{\"comment\":\"承認します\"}")
				.with(as(officer)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPROVED"))
			.andExpect(jsonPath("$.decisionComment").value("承認します"));
		this.mvc.perform(get("/api/v1/asset-requests/" + id + "/application.pdf").with(as(auditor)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"));
		this.mvc.perform(post("/api/v1/asset-requests/" + id + "/copy").with(as(leadUser)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("at"));

		// Backups over the API, the client's approval apart from the declarer; the
		// register
		// page shows them.
		String backups = "/api/v1/contracts/" + contract.getId() + "/asset-backups";
		this.mvc
			.perform(post(backups).contentType("application/json")
				.content("{\"description\":\"業務システムの日次バックアップ\",\"storage\":\"受託者データセンター\"," + "\"retention\":\"7世代\"}")
				.with(as(leadUser)))
			.andExpect(status().isCreated());
		this.mvc.perform(post(backups + "/approve").with(as(leadUser))).andExpect(status().isForbidden());
		this.mvc.perform(post(backups + "/approve").with(as(officer))).andExpect(status().isNoContent());
		this.mvc.perform(get("/contracts/" + contract.getId() + "/assets").with(as(officer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("業務システムの日次バックアップ")))
			.andExpect(content().string(containsString(officer.getDisplayName())));
	}

	private RequestPostProcessor as(UserAccount user) {
		return authentication(this.fixtures.signedIn(user));
	}

	private RosterMember member(Actor lead, Contract contract) {
		RosterMemberForm form = new RosterMemberForm();
		form.setName("群馬 一郎");
		form.setAffiliation("公共事業部");
		form.setRole(WorkerRole.WORKER);
		form.setHandlesPersonalInformation(true);
		form.setHandoverPerson(true);
		form.setPeriodStart(contract.getPeriodStart());
		RosterMember member = this.rosters.add(lead, contract.getId(), form);
		return this.rosters.activate(lead, member.getId(), "試験");
	}

	private UUID receive(Actor lead, Contract contract, RosterMember receiver) {
		ReceiptForm receipt = new ReceiptForm();
		receipt.setReceivedAt(LocalDateTime.now(this.clock.withZone(ItakuTime.ZONE)).minusDays(1).withNano(0));
		receipt.setReceiverId(receiver.getId());
		receipt.setHandedOverBy("群馬県 情報政策課");
		AssetItemForm item = new AssetItemForm();
		item.setKind(AssetKind.DATA);
		item.setDescription("県民データ（抽出）");
		item.setQuantity(1);
		item.setPersonal(true);
		item.setStorage(StorageLocation.SERVER);
		receipt.setItems(List.of(item));
		return this.register.itemsOf(lead, this.register.receive(lead, contract.getId(), receipt).getId())
			.get(0)
			.getAssetId();
	}

}
