package jp.itaku.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;

import jp.itaku.account.UserAccount;
import jp.itaku.catalog.Deliverable;
import jp.itaku.catalog.ProfileTestSupport;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractStatus;
import jp.itaku.contract.Contracts;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationStatus;
import jp.itaku.obligation.ObligationSystemReads;
import jp.itaku.obligation.Obligations;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The client's rights that outlive the contract (Kadoma 11(4): 「この義務は契約期間満了後又は
 * 契約解除後も同様とする」): a closed Kadoma contract still accepts an inspection and a request for
 * material, which the contractor answers, for {@code itaku.contract.post-closing-rights}
 * after closing; after that the client is told the period is over.
 */
@IntegrationTest
class PostClosingRightsIT {

	/** Kadoma 11(4), as the source says it. */
	static final String KADOMA_11_4 = "市が(3)の監査等で必要な場合には、受託者は資料の提供に応じること。この義務は契約期間満了後又は契約解除後も同様とする。";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	Obligations obligations;

	@Autowired
	ObligationSystemReads obligationReads;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	Clock clock;

	UserAccount officerUser;

	UserAccount workerUser;

	Actor officer;

	Contract contract;

	LocalDate today;

	@BeforeEach
	void closedKadomaContract() {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.officerUser = this.fixtures.user(client, Role.CLIENT_OFFICER);
		this.workerUser = this.fixtures.user(contractor, Role.CONTRACTOR_WORKER);
		this.officer = this.fixtures.actor(this.officerUser);
		this.today = ItakuTime.today(this.clock);
		var form = this.fixtures.contractForm(contractor, "kadoma", this.today.minusMonths(6), Set.of());
		form.setPeriodEnd(this.today.minusDays(1));
		form.setTitle("マイナンバーカード臨時窓口運営業務");
		this.contract = this.contracts.register(this.officer, form);
		this.contracts.activate(this.officer, this.contract.getId());
		this.contracts.end(this.officer, this.contract.getId());
		for (Obligation end : this.obligations.forContract(this.officer, this.contract.getId())) {
			if ("END".equals(end.getPeriodKey()) && end.getStatus() != ObligationStatus.ACCEPTED) {
				this.obligations.waive(this.officer, end.getId(), "返還すべき資料なし");
			}
		}
		this.contracts.close(this.officer, this.contract.getId());
	}

	private RequestPostProcessor as(UserAccount user) {
		return authentication(this.fixtures.signedIn(user));
	}

	@Test
	void aClosedKadomaContractStillAcceptsAnInspectionAndARequestForMaterialTheContractorAnswers() throws Exception {
		Contract closed = this.contracts.get(this.officer, this.contract.getId());
		assertThat(closed.getStatus()).isEqualTo(ContractStatus.CLOSED);
		assertThat(closed.getClientRightsUntil()).isEqualTo(this.today.plus(Period.ofYears(5)));
		assertThat(ProfileTestSupport.bundled("kadoma").clauses()).filteredOn((clause) -> clause.ref().equals("11(4)"))
			.singleElement()
			.satisfies((clause) -> assertThat(clause.text()).isEqualTo(KADOMA_11_4));

		String page = this.mvc.perform(get("/contracts/" + this.contract.getId()).with(as(this.workerUser)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(page).select("#client-rights-until").text()).contains("まで", "資料の提供");

		String inspection = this.mvc
			.perform(post("/api/v1/contracts/" + this.contract.getId() + "/inspections").contentType("application/json")
				.content("""
						{"kind":"AUDIT","scope":"J-LIS準拠性監査に伴う委託業務の状況確認","heldOn":"%s","inspectors":"市民課 田中"}
						""".formatted(this.today))
				.with(as(this.officerUser)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String inspectionId = this.json.readTree(inspection).get("id").asText();
		String request = this.mvc.perform(
				post("/api/v1/inspections/" + inspectionId + "/requests").contentType("application/json").content("""
						{"deliverable":"AUDIT_MATERIALS","description":"令和8年度の窓口業務に係る記録一式","dueOn":"%s"}
						""".formatted(this.today.plusDays(14))).with(as(this.officerUser)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String requestId = this.json.readTree(request).get("id").asText();

		// The request raised 11(4)'s obligation on the closed contract; the contractor
		// sees
		// it among its duties and answers it.
		List<Obligation> raised = this.obligations.forContract(this.officer, this.contract.getId())
			.stream()
			.filter((o) -> o.getSource() != null && o.getSource().equals("MaterialRequest:" + requestId))
			.toList();
		assertThat(raised).singleElement().satisfies((o) -> {
			assertThat(o.getClauseRef()).isEqualTo("11(4)");
			assertThat(o.getDeliverable()).isEqualTo(Deliverable.AUDIT_MATERIALS);
			assertThat(o.getDueDate()).isEqualTo(this.today.plusDays(14));
		});
		assertThat(this.obligations.todo(this.fixtures.actor(this.workerUser)))
			.extracting((item) -> item.obligation().getId())
			.containsExactly(raised.get(0).getId());
		this.mvc
			.perform(multipart("/api/v1/material-requests/" + requestId + "/answer").file(
					new MockMultipartFile("files", "records.csv", "text/csv", "date,count\n2026-10-01,12\n".getBytes()))
				.with(as(this.workerUser)))
			.andExpect(status().isOk());
		assertThat(this.obligationReads.findUnscoped(raised.get(0).getId()).orElseThrow().getStatus())
			.isEqualTo(ObligationStatus.SUBMITTED);
	}

	@Test
	void afterThePeriodAnInspectionIsRefusedSayingTheRightsHaveRunOut() throws Exception {
		// The period fixed at closing has passed.
		LocalDate until = this.today.minusDays(1);
		this.jdbc.sql("update contract set client_rights_until = ? where id = ?")
			.params(until, this.contract.getId())
			.update();
		this.mvc
			.perform(post("/api/v1/contracts/" + this.contract.getId() + "/inspections").contentType("application/json")
				.content("""
						{"kind":"AUDIT","scope":"状況確認","heldOn":"%s","inspectors":"市民課 田中"}
						""".formatted(this.today))
				.with(as(this.officerUser)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(allOf(containsString(this.contract.getNumber()),
					containsString(until.toString()), containsString("期間"))));
		assertThat(this.jdbc.sql("select count(*) from inspection where contract_id = ?")
			.param(this.contract.getId())
			.query(Long.class)
			.single()).isZero();
	}

}
