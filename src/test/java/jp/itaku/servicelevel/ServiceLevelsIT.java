package jp.itaku.servicelevel;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import jp.itaku.account.UserAccount;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
import jp.itaku.contract.Contracts;
import jp.itaku.contract.MeasurementPeriod;
import jp.itaku.contract.ServiceLevelMetric;
import jp.itaku.contract.ServiceLevelTargetForm;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Service levels measured (Setagaya 37): the contractor's lead records an ended period's
 * value, the system decides met or missed, a correction replaces the value with both in
 * the audit trail, a missed target shows on the parties' dashboards only, and nobody else
 * records.
 */
@IntegrationTest
class ServiceLevelsIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	ServiceLevels serviceLevels;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void theLeadRecordsEndedPeriodsAndAMissedTargetShowsOnTheDashboard() throws Exception {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		Organisation other = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		UserAccount officerUser = this.fixtures.user(client, Role.CLIENT_OFFICER);
		UserAccount otherUser = this.fixtures.user(other, Role.CONTRACTOR_LEAD);
		Actor officer = this.fixtures.actor(officerUser);
		Actor lead = this.fixtures.actor(this.fixtures.user(contractor, Role.CONTRACTOR_LEAD));
		Actor worker = this.fixtures.actor(this.fixtures.user(contractor, Role.CONTRACTOR_WORKER));
		Actor otherLead = this.fixtures.actor(otherUser);
		ContractForm form = this.fixtures.contractForm(contractor, "setagaya",
				ItakuTime.today(this.clock).minusMonths(4), Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION));
		form.setServiceLevelTargets(new java.util.ArrayList<>(List.of(
				new ServiceLevelTargetForm("システム稼働率", ServiceLevelMetric.PERCENT_MIN, "99.9", MeasurementPeriod.MONTHLY,
						null),
				new ServiceLevelTargetForm("障害時の初動連絡", ServiceLevelMetric.DURATION_MAX, "PT30M",
						MeasurementPeriod.MONTHLY, null))));
		Contract contract = this.contracts.register(officer, form);
		this.contracts.activate(officer, contract.getId());

		ServiceLevels.Overview overview = this.serviceLevels.overview(lead, contract.getId());
		assertThat(overview.mayRecord()).isTrue();
		String lastMonth = overview.rows().get(0).cells().get(0).period().key();
		assertThat(lastMonth)
			.isEqualTo(ItakuTime.today(this.clock).withDayOfMonth(1).minusMonths(1).toString().substring(0, 7));

		assertThat(record(lead, contract, "システム稼働率", lastMonth, "99.95").isMet()).isTrue();
		assertThat(record(lead, contract, "障害時の初動連絡", lastMonth, "45分").isMet()).isFalse();
		// a correction replaces the value; both are in the audit trail
		assertThat(record(lead, contract, "システム稼働率", lastMonth, "99.5").isMet()).isFalse();
		assertThat(this.serviceLevels.overview(officer, contract.getId()).breaches()).isEqualTo(2);
		assertThat(this.jdbc
			.sql("select count(*) from audit_entry where action = 'SERVICE_LEVEL_RECORDED'"
					+ " and target_id = ? and details like '%99.95%'")
			.param(contract.getId().toString())
			.query(Long.class)
			.single()).isEqualTo(2);

		// bad input names the field; a period not ended yet is refused
		String thisMonth = ItakuTime.today(this.clock).toString().substring(0, 7);
		assertThatThrownBy(() -> record(lead, contract, "システム稼働率", thisMonth, "99.9"))
			.isInstanceOf(InvalidInputProblem.class)
			.satisfies((ex) -> assertThat(((InvalidInputProblem) ex).getFieldProblems().get(0).field())
				.isEqualTo("period"));
		assertThatThrownBy(() -> record(lead, contract, "障害時の初動連絡", lastMonth, "そのうち"))
			.isInstanceOf(InvalidInputProblem.class);

		// only the contractor's lead records; another contractor sees nothing
		assertThatThrownBy(() -> record(worker, contract, "システム稼働率", lastMonth, "99.9"))
			.isInstanceOf(AccessDeniedProblem.class);
		assertThatThrownBy(() -> record(officer, contract, "システム稼働率", lastMonth, "99.9"))
			.isInstanceOf(AccessDeniedProblem.class);
		assertThatThrownBy(() -> this.serviceLevels.overview(otherLead, contract.getId()))
			.isInstanceOf(NotFoundProblem.class);

		// breaches on the parties' dashboards, not on another contractor's
		assertThat(this.serviceLevels.recentBreaches(officer)).extracting(ServiceLevels.Breach::target)
			.contains("システム稼働率", "障害時の初動連絡");
		assertThat(this.serviceLevels.recentBreaches(otherLead)).extracting(ServiceLevels.Breach::contractId)
			.doesNotContain(contract.getId());
		this.mvc.perform(get("/dashboard").with(authentication(this.fixtures.signedIn(officerUser))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("service-level-breaches")));
		this.mvc
			.perform(get("/contracts/" + contract.getId() + "/service-levels")
				.with(authentication(this.fixtures.signedIn(otherUser))))
			.andExpect(status().isNotFound());
	}

	private ServiceLevelMeasurement record(Actor actor, Contract contract, String target, String period, String value) {
		MeasurementForm form = new MeasurementForm();
		form.setTarget(target);
		form.setPeriod(period);
		form.setValue(value);
		return this.serviceLevels.record(actor, contract.getId(), form);
	}

}
