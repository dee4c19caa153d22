package jp.itaku.roster;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

import jp.itaku.account.UserAccount;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
import jp.itaku.contract.Contracts;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.platform.InvalidRecords;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Finding 4 of the penetration test: a roster member starting on 0001-01-01 was stored,
 * and afterwards the roster page, the ID page and filing the notice answered 500;
 * contract dates outside the holiday calendar's years did too. Such dates are refused
 * naming the field, records the old checks let through are listed and corrected through
 * the roster's own form, and no page fails on them meanwhile.
 */
@IntegrationTest
class OutOfRangeDatesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	Rosters rosters;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	InvalidRecords invalidRecords;

	Organisation contractor;

	UserAccount officerUser;

	UserAccount leadUser;

	Actor officer;

	Actor lead;

	Contract contract;

	@BeforeEach
	void parties() {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		this.contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.officerUser = this.fixtures.user(client, Role.CLIENT_OFFICER);
		this.leadUser = this.fixtures.user(this.contractor, Role.CONTRACTOR_LEAD);
		this.officer = this.fixtures.actor(this.officerUser);
		this.lead = this.fixtures.actor(this.leadUser);
		LocalDate today = ItakuTime.today(this.clock);
		ContractForm form = this.fixtures.contractForm(this.contractor, "kadoma", today.minusMonths(1),
				Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION));
		this.contract = this.contracts.register(this.officer, form);
	}

	private RequestPostProcessor as(UserAccount user) {
		return authentication(this.fixtures.signedIn(user));
	}

	private String member(String periodStart) {
		return "{\"name\":\"山田 太郎\",\"affiliation\":\"入力課\",\"role\":\"WORKER\",\"periodStart\":\"" + periodStart
				+ "\"}";
	}

	@Test
	void aRosterMemberStartingInYearOneIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
		this.mvc
			.perform(post("/api/v1/contracts/" + this.contract.getId() + "/roster").with(as(this.leadUser))
				.contentType(MediaType.APPLICATION_JSON)
				.content(member("0001-01-01")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("periodStart"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("1900")));
		// Within the global range but outside the contract's period: the domain refuses
		// it.
		this.mvc
			.perform(post("/api/v1/contracts/" + this.contract.getId() + "/roster").with(as(this.leadUser))
				.contentType(MediaType.APPLICATION_JSON)
				.content(member("1990-01-01")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("periodStart"));
		String page = this.mvc
			.perform(post("/contracts/" + this.contract.getId() + "/roster/new").with(as(this.leadUser))
				.with(csrf())
				.param("name", "山田 太郎")
				.param("affiliation", "入力課")
				.param("role", "WORKER")
				.param("periodStart", "0001-01-01"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"periodStart-error\"", "1900");
		assertThat(this.rosters.members(this.lead, this.contract.getId())).isEmpty();
	}

	@Test
	void contractDatesOutsideTheHolidayCalendarAreRefusedNamingTheField() throws Exception {
		UserAccount officer = this.officerUser;
		for (String[] period : new String[][] { { "1970-04-01", "1971-03-31", "periodStart" },
				{ "2150-04-01", "2151-03-31", "periodStart" }, { "2026-04-01", "2100-03-31", "periodEnd" } }) {
			ContractForm form = this.fixtures.contractForm(this.contractor, "kadoma", LocalDate.of(2026, 4, 1),
					Set.of());
			String body = "{\"number\":\"" + form.getNumber() + "\",\"title\":\"試験\",\"contractorOrganisationId\":\""
					+ this.contractor.getId() + "\",\"profileId\":\"" + form.getProfileId() + "\",\"periodStart\":\""
					+ period[0] + "\",\"periodEnd\":\"" + period[1] + "\",\"attributes\":[]}";
			this.mvc.perform(
					post("/api/v1/contracts").with(as(officer)).contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItem(period[2])));
		}
	}

	@Test
	void aMemberTheOldChecksLetThroughIsListedShownAndCorrectedThroughTheRosterForm() throws Exception {
		RosterMemberForm form = new RosterMemberForm();
		form.setName("古田 一");
		form.setAffiliation("入力課");
		form.setRole(WorkerRole.WORKER);
		form.setPeriodStart(this.contract.getPeriodStart());
		RosterMember member = this.rosters.add(this.lead, this.contract.getId(),
				this.fixtures.forNotice(this.contract, form));
		// As the old checks stored it.
		this.jdbc.sql("update roster_member set period_start = date '0001-01-01' where id = ?")
			.param(member.getId())
			.update();

		assertThat(this.invalidRecords.find()).anySatisfy((record) -> {
			assertThat(record.table()).isEqualTo("roster_member");
			assertThat(record.id()).isEqualTo(member.getId().toString());
			assertThat(record.column()).isEqualTo("period_start");
		});

		String contractPath = "/contracts/" + this.contract.getId();
		for (String path : new String[] { contractPath + "/roster", contractPath + "/ids", contractPath,
				"/roster/" + member.getId() + "/edit" }) {
			this.mvc.perform(get(path).with(as(this.leadUser))).andExpect(status().isOk());
		}
		this.mvc.perform(get("/api/v1/contracts/" + this.contract.getId() + "/roster").with(as(this.leadUser)))
			.andExpect(status().isOk());
		// Filing the notice names the member's date instead of failing.
		this.mvc.perform(post("/api/v1/contracts/" + this.contract.getId() + "/roster/notices").with(as(this.leadUser)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("古田 一")));
		this.mvc.perform(post(contractPath + "/roster/notices").with(as(this.leadUser)).with(csrf()))
			.andExpect(status().is3xxRedirection());

		// The roster's own form takes the correction.
		this.mvc
			.perform(post("/roster/" + member.getId() + "/edit").with(as(this.leadUser))
				.with(csrf())
				.param("name", "古田 一")
				.param("affiliation", "入力課")
				.param("role", "WORKER")
				.param("expertise", member.getExpertise())
				.param("trackRecord", member.getTrackRecord())
				.param("periodStart", this.contract.getPeriodStart().toString()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.invalidRecords.find())
			.noneSatisfy((record) -> assertThat(record.id()).isEqualTo(member.getId().toString()));
		this.mvc.perform(post("/api/v1/contracts/" + this.contract.getId() + "/roster/notices").with(as(this.leadUser)))
			.andExpect(status().is2xxSuccessful());
	}

}
