package jp.itaku.subcontract;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

import jp.itaku.account.UserAccount;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The subcontractor's API matches its pages (issue 19, must-have 5): once approved, a
 * subcontractor at any level gets the contract's heading from {@code GET
 * /api/v1/contracts/{id}} and finds the contract in {@code GET /api/v1/contracts}, as its
 * contract page answers; before approval, and for anyone outside the chain, the contract
 * stays unknown.
 */
@IntegrationTest
class SubcontractorApiIT {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	Subcontracts subcontracts;

	@Autowired
	MockMvc mvc;

	@Autowired
	Clock clock;

	@Test
	void anApprovedSubcontractorGetsTheHeadingAndTheListAsItsPagesShowThem() throws Exception {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		Organisation sub1 = this.fixtures.organisation(OrganisationKind.SUBCONTRACTOR);
		Organisation sub2 = this.fixtures.organisation(OrganisationKind.SUBCONTRACTOR);
		Actor officer = this.fixtures.actor(this.fixtures.user(client, Role.CLIENT_OFFICER));
		Actor lead = this.fixtures.actor(this.fixtures.user(contractor, Role.CONTRACTOR_LEAD));
		UserAccount sub1Lead = this.fixtures.user(sub1, Role.CONTRACTOR_LEAD);
		UserAccount sub2Lead = this.fixtures.user(sub2, Role.CONTRACTOR_LEAD);
		UserAccount outsider = this.fixtures.user(this.fixtures.organisation(OrganisationKind.SUBCONTRACTOR),
				Role.CONTRACTOR_LEAD);
		LocalDate start = ItakuTime.today(this.clock).minusMonths(1);
		Contract contract = this.contracts.register(officer, this.fixtures.contractForm(contractor, "kadoma", start,
				Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION, ContractAttribute.HAS_SUBCONTRACTORS)));
		String id = contract.getId().toString();
		Subcontract first = this.subcontracts.apply(lead, contract.getId(), SubcontractsIT.form(sub1));

		// Applied for, not approved: unknown, on the page and in the API alike.
		this.mvc.perform(get("/contracts/{id}", id).with(as(sub1Lead))).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/contracts/{id}", id).with(as(sub1Lead))).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/contracts").with(as(sub1Lead)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", not(hasItem(id))));

		this.subcontracts.approve(officer, first.getId());
		Subcontract second = this.subcontracts.apply(this.fixtures.actor(sub1Lead), contract.getId(),
				SubcontractsIT.form(sub2));
		this.subcontracts.approve(officer, second.getId());

		for (UserAccount sub : new UserAccount[] { sub1Lead, sub2Lead }) {
			this.mvc.perform(get("/contracts/{id}", id).with(as(sub))).andExpect(status().isOk());
			this.mvc.perform(get("/api/v1/contracts/{id}", id).with(as(sub)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.number").value(contract.getNumber()))
				.andExpect(jsonPath("$.title").value(contract.getTitle()))
				.andExpect(jsonPath("$.contractorOrganisationId").value(contractor.getId().toString()));
			this.mvc.perform(get("/api/v1/contracts").with(as(sub)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[*].id", hasItem(id)));
		}
		// Still nothing for an organisation outside the chain.
		this.mvc.perform(get("/api/v1/contracts/{id}", id).with(as(outsider))).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/contracts").with(as(outsider)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", not(hasItem(id))));
	}

	private RequestPostProcessor as(UserAccount user) {
		return authentication(this.fixtures.signedIn(user));
	}

}
