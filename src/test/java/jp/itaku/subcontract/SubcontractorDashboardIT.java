package jp.itaku.subcontract;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

import jp.itaku.account.UserAccount;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.obligation.ComplianceDashboard;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * An approved subcontractor's dashboard shows what the obligations API shows it (issue
 * 17, item 7): the heading of the contract it takes part in, none of the contractor's
 * obligation figures, in any order of the rows — while the contractor and the client see
 * them.
 */
@IntegrationTest
class SubcontractorDashboardIT {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	Subcontracts subcontracts;

	@Autowired
	ComplianceDashboard dashboard;

	@Autowired
	MockMvc mvc;

	@Autowired
	Clock clock;

	UserAccount leadUser;

	UserAccount subLeadUser;

	UserAccount officerUser;

	Contract contract;

	@BeforeEach
	void setUp() {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		Organisation sub = this.fixtures.organisation(OrganisationKind.SUBCONTRACTOR);
		this.officerUser = this.fixtures.user(client, Role.CLIENT_OFFICER);
		this.leadUser = this.fixtures.user(contractor, Role.CONTRACTOR_LEAD);
		this.subLeadUser = this.fixtures.user(sub, Role.CONTRACTOR_LEAD);
		Actor officer = this.fixtures.actor(this.officerUser);
		// Started a year ago: obligations are overdue by now.
		LocalDate start = ItakuTime.today(this.clock).minusMonths(11);
		this.contract = this.contracts.register(officer, this.fixtures.contractForm(contractor, "kadoma", start,
				Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION, ContractAttribute.HAS_SUBCONTRACTORS)));
		this.contracts.activate(officer, this.contract.getId());
		Subcontract subcontract = this.subcontracts.apply(this.fixtures.actor(this.leadUser), this.contract.getId(),
				SubcontractsIT.form(sub));
		this.subcontracts.approve(officer, subcontract.getId());
	}

	@Test
	void theSubcontractorSeesTheContractButNoneOfItsObligationFigures() throws Exception {
		for (ComplianceDashboard.Sort sort : ComplianceDashboard.Sort.values()) {
			var rows = this.dashboard
				.page(this.fixtures.actor(this.subLeadUser),
						new ComplianceDashboard.Filter(null, null, null, null, sort), 0, 50)
				.rows();
			assertThat(rows).as(sort.name()).singleElement().satisfies((row) -> {
				assertThat(row.contract().id()).isEqualTo(this.contract.getId());
				assertThat(row.counted()).isFalse();
				assertThat(row.counts()).isNull();
			});
		}
		var contractorsRow = this.dashboard
			.page(this.fixtures.actor(this.leadUser), new ComplianceDashboard.Filter(null, null, null, null, null), 0,
					50)
			.rows()
			.get(0);
		assertThat(contractorsRow.counted()).isTrue();
		assertThat(contractorsRow.counts().total()).isPositive();
		assertThat(contractorsRow.counts().overdue()).isPositive();

		String page = this.mvc.perform(get("/dashboard").with(authentication(this.fixtures.signedIn(this.subLeadUser))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(this.contract.getNumber(), "data-count=\"not-counted\"")
			.doesNotContain("data-count=\"overdue\"")
			.doesNotContain("data-count=\"awaiting-review\"");
		// The API lists only the subcontractor's own part: nothing of the contractor's.
		var answer = this.mvc
			.perform(get("/api/v1/contracts/" + this.contract.getId() + "/obligations")
				.with(authentication(this.fixtures.signedIn(this.subLeadUser))))
			.andReturn()
			.getResponse();
		assertThat(answer.getStatus()).isEqualTo(200);
		assertThat(answer.getContentAsString()).isEqualTo("[]");
		assertThat(this.mvc.perform(get("/dashboard").with(authentication(this.fixtures.signedIn(this.officerUser))))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("data-count=\"overdue\"");
	}

}
