package jp.itaku.contract;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.itaku.account.UserAccount;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A contract's agreed service levels as measurable targets, through the pages and the
 * API: registered and changed, shown on the contract's page, refused with the field named
 * when a value is bad (and nothing stored), and every change audited.
 */
@IntegrationTest
class ContractServiceLevelsIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	JdbcTemplate jdbc;

	Organisation contractor;

	UserAccount officerUser;

	Actor officer;

	RequestPostProcessor asOfficer;

	@BeforeEach
	void parties() {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		this.contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.officerUser = this.fixtures.user(client, Role.CLIENT_OFFICER);
		this.officer = this.fixtures.actor(this.officerUser);
		this.asOfficer = authentication(this.fixtures.signedIn(this.officerUser));
	}

	private ContractForm form() {
		return this.fixtures.contractForm(this.contractor, "setagaya", LocalDate.of(2027, 4, 1), Set.of());
	}

	/** The page's form fields of a contract form, without its service-level rows. */
	private MockHttpServletRequestBuilder pageForm(MockHttpServletRequestBuilder request, ContractForm form) {
		return request.with(this.asOfficer)
			.with(SecurityMockMvcRequestPostProcessors.csrf())
			.param("number", form.getNumber())
			.param("title", form.getTitle())
			.param("contractorOrganisationId", form.getContractorOrganisationId().toString())
			.param("profileId", form.getProfileId().toString())
			.param("periodStart", form.getPeriodStart().toString())
			.param("periodEnd", form.getPeriodEnd().toString());
	}

	private static MockHttpServletRequestBuilder row(MockHttpServletRequestBuilder request, int index, String name,
			String metric, String target, String period, String notes) {
		String prefix = "serviceLevelTargets[" + index + "].";
		return request.param(prefix + "name", name)
			.param(prefix + "metric", metric)
			.param(prefix + "target", target)
			.param(prefix + "measurementPeriod", period)
			.param(prefix + "notes", notes);
	}

	private boolean registered(String number) {
		return this.contracts.list(this.officer).stream().anyMatch((c) -> c.getNumber().equals(number));
	}

	private Contract registeredWithTwoTargets() {
		ContractForm form = form();
		form.setServiceLevelTargets(new java.util.ArrayList<>(List.of(
				new ServiceLevelTargetForm("システム稼働率", ServiceLevelMetric.PERCENT_MIN, "99.5", MeasurementPeriod.MONTHLY,
						"計画停止を除く"),
				new ServiceLevelTargetForm("障害時の初動連絡", ServiceLevelMetric.DURATION_MAX, "PT30M",
						MeasurementPeriod.MONTHLY, null))));
		return this.contracts.register(this.officer, form);
	}

	private List<String> auditDetails(String action, UUID contractId) {
		return this.jdbc.queryForList(
				"select details from audit_entry where action = ? and target_type = 'Contract' and target_id = ? order by seq",
				String.class, action, contractId.toString());
	}

	@Test
	void theFormRegistersTargetsSkippingBlankRowsAndTheContractPageShowsThemInJapanese() throws Exception {
		ContractForm form = form();
		MockHttpServletRequestBuilder request = pageForm(post("/contracts/new"), form);
		row(request, 0, "システム稼働率", "PERCENT_MIN", "９９．５", "MONTHLY", "計画停止を除く");
		row(request, 1, "", "", "", "", "");
		row(request, 2, "障害時の初動連絡", "DURATION_MAX", "pt30m", "MONTHLY", "");
		row(request, 3, "重大障害", "COUNT_MAX", "0", "YEARLY", "");
		this.mvc.perform(request)
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/contracts/*"));

		Contract contract = this.contracts.list(this.officer)
			.stream()
			.filter((c) -> c.getNumber().equals(form.getNumber()))
			.findFirst()
			.orElseThrow();
		assertThat(contract.getServiceLevelTargets()).extracting(ServiceLevelTarget::getName)
			.containsExactly("システム稼働率", "障害時の初動連絡", "重大障害");
		assertThat(contract.getServiceLevelTargets()).extracting(ServiceLevelTarget::getTarget)
			.containsExactly("99.5", "PT30M", "0");
		assertThat(auditDetails("CONTRACT_REGISTERED", contract.getId())).singleElement()
			.asString()
			.contains("システム稼働率: PERCENT_MIN 99.5 MONTHLY (計画停止を除く)");

		this.mvc.perform(get("/contracts/" + contract.getId() + "/terms").with(this.asOfficer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"service-level-targets\"")))
			.andExpect(content().string(containsString("99.5%以上")))
			.andExpect(content().string(containsString("30分以内")))
			.andExpect(content().string(containsString("0件以下")))
			.andExpect(content().string(containsString("月次")))
			.andExpect(content().string(containsString("年次")))
			.andExpect(content().string(containsString("計画停止を除く")));
		this.mvc.perform(get("/contracts/" + contract.getId() + "/terms").param("lang", "en").with(this.asOfficer))
			.andExpect(content().string(containsString("at least 99.5%")))
			.andExpect(content().string(containsString("within 30 minutes")))
			.andExpect(content().string(containsString("Yearly")));
	}

	@Test
	void aBadValueOnTheFormIsShownNextToItsFieldAndNothingIsStored() throws Exception {
		ContractForm form = form();
		MockHttpServletRequestBuilder request = pageForm(post("/contracts/new"), form);
		row(request, 0, "システム稼働率", "PERCENT_MIN", "101", "MONTHLY", "");
		row(request, 1, "障害時の初動連絡", "DURATION_MAX", "30分", "MONTHLY", "");
		this.mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"serviceLevelTargets[0].target-error\"")))
			.andExpect(content().string(containsString("0以上100以下の数値")))
			.andExpect(content().string(containsString("id=\"serviceLevelTargets[1].target-error\"")))
			.andExpect(content().string(containsString("ISO 8601の期間")))
			.andExpect(content().string(containsString("href=\"#serviceLevelTargets[0].target\"")))
			.andExpect(content().string(containsString("id=\"serviceLevelTargets[0].target\"")));
		assertThat(registered(form.getNumber())).isFalse();
	}

	@Test
	void rowsAreAddedAndRemovedWithoutSaving() throws Exception {
		ContractForm form = form();
		MockHttpServletRequestBuilder add = pageForm(post("/contracts/new"), form).param("addServiceLevelRow", "1");
		row(add, 0, "システム稼働率", "PERCENT_MIN", "99.5", "MONTHLY", "");
		this.mvc.perform(add)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"serviceLevelTargets[1].name\"")))
			.andExpect(content().string(not(containsString("name=\"serviceLevelTargets[2].name\""))))
			.andExpect(content().string(containsString("value=\"システム稼働率\"")));
		assertThat(registered(form.getNumber())).isFalse();

		MockHttpServletRequestBuilder remove = pageForm(post("/contracts/new"), form).param("removeServiceLevelRow",
				"0");
		row(remove, 0, "システム稼働率", "PERCENT_MIN", "99.5", "MONTHLY", "");
		row(remove, 1, "問合せ回答", "DURATION_MAX", "P2D", "MONTHLY", "");
		this.mvc.perform(remove)
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("value=\"システム稼働率\""))))
			.andExpect(content().string(containsString("value=\"問合せ回答\"")));
		assertThat(registered(form.getNumber())).isFalse();
	}

	@Test
	void theEditPageChangesTargetsAndTheChangeIsAudited() throws Exception {
		Contract contract = registeredWithTwoTargets();
		this.mvc.perform(get("/contracts/" + contract.getId() + "/edit").with(this.asOfficer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"PT30M\"")))
			.andExpect(content().string(containsString("name=\"serviceLevelTargets[2].name\"")));

		ContractForm form = jp.itaku.contract.web.ContractFormsAccess.of(contract);
		MockHttpServletRequestBuilder request = pageForm(post("/contracts/" + contract.getId() + "/edit"), form);
		row(request, 0, "障害時の初動連絡", "DURATION_MAX", "PT1H", "MONTHLY", "");
		row(request, 1, "システム稼働率", "PERCENT_MIN", "99.9", "QUARTERLY", "計画停止を除く");
		this.mvc.perform(request).andExpect(status().is3xxRedirection());

		assertThat(this.contracts.get(this.officer, contract.getId()).getServiceLevelTargets())
			.extracting(ServiceLevelTarget::getTarget)
			.containsExactly("PT1H", "99.9");
		assertThat(auditDetails("CONTRACT_UPDATED", contract.getId())).singleElement()
			.asString()
			.contains("serviceLevelTargetsBefore", "障害時の初動連絡: DURATION_MAX PT30M MONTHLY", "serviceLevelTargetsAfter",
					"システム稼働率: PERCENT_MIN 99.9 QUARTERLY (計画停止を除く)");
	}

	@Test
	void theApiReadsAndWritesTargets() throws Exception {
		ContractForm form = form();
		String body = """
				{"number":"%s","title":"API契約","contractorOrganisationId":"%s","profileId":"%s",
				 "periodStart":"2027-04-01","periodEnd":"2028-03-31","serviceLevels":"毎月報告する",
				 "serviceLevelTargets":[
				  {"name":"システム稼働率","metric":"PERCENT_MIN","target":"99.95","measurementPeriod":"MONTHLY","notes":"計画停止を除く"},
				  {"name":"障害時の初動連絡","metric":"DURATION_MAX","target":"pt30m","measurementPeriod":"MONTHLY"},
				  {"name":"重大障害","metric":"COUNT_MAX","target":0,"measurementPeriod":"YEARLY"}]}
				"""
			.formatted(form.getNumber(), form.getContractorOrganisationId(), form.getProfileId());
		String location = this.mvc.perform(
				post("/api/v1/contracts").with(this.asOfficer).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.serviceLevels").value("毎月報告する"))
			.andExpect(jsonPath("$.serviceLevelTargets.length()").value(3))
			.andExpect(jsonPath("$.serviceLevelTargets[0].name").value("システム稼働率"))
			.andExpect(jsonPath("$.serviceLevelTargets[0].target").value("99.95"))
			.andExpect(jsonPath("$.serviceLevelTargets[0].notes").value("計画停止を除く"))
			.andExpect(jsonPath("$.serviceLevelTargets[1].metric").value("DURATION_MAX"))
			.andExpect(jsonPath("$.serviceLevelTargets[1].target").value("PT30M"))
			.andExpect(jsonPath("$.serviceLevelTargets[2].target").value("0"))
			.andExpect(jsonPath("$.serviceLevelTargets[2].measurementPeriod").value("YEARLY"))
			.andReturn()
			.getResponse()
			.getHeader("Location");

		String update = """
				{"number":"%s","title":"API契約","contractorOrganisationId":"%s","profileId":"%s",
				 "periodStart":"2027-04-01","periodEnd":"2028-03-31",
				 "serviceLevelTargets":[
				  {"name":"システム稼働率","metric":"PERCENT_MIN","target":"99.95","measurementPeriod":"MONTHLY"},
				  {"name":"障害時の初動連絡","metric":"DURATION_MAX","target":"PT15M","measurementPeriod":"MONTHLY"}]}
				""".formatted(form.getNumber(), form.getContractorOrganisationId(), form.getProfileId());
		this.mvc.perform(put(location).with(this.asOfficer).contentType(MediaType.APPLICATION_JSON).content(update))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.serviceLevelTargets.length()").value(2))
			.andExpect(jsonPath("$.serviceLevelTargets[1].target").value("PT15M"));
		this.mvc.perform(get(location).with(this.asOfficer))
			.andExpect(jsonPath("$.serviceLevelTargets[1].target").value("PT15M"));
	}

	@Test
	void theApiNamesTheFieldOfABadValueAndStoresNothing() throws Exception {
		Contract contract = registeredWithTwoTargets();
		ContractForm form = form();
		String bad = """
				{"number":"%s","title":"API契約","contractorOrganisationId":"%s","profileId":"%s",
				 "periodStart":"2027-04-01","periodEnd":"2028-03-31",
				 "serviceLevelTargets":[
				  {"name":"システム稼働率","metric":"PERCENT_MIN","target":"99.5","measurementPeriod":"MONTHLY"},
				  {"name":"障害時の初動連絡","metric":"DURATION_MAX","target":"PT0S","measurementPeriod":"MONTHLY"}]}
				""".formatted(form.getNumber(), form.getContractorOrganisationId(), form.getProfileId());
		this.mvc
			.perform(
					post("/api/v1/contracts").with(this.asOfficer).contentType(MediaType.APPLICATION_JSON).content(bad))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("serviceLevelTargets[1].target"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("ISO 8601")));
		assertThat(registered(form.getNumber())).isFalse();

		String duplicate = bad.replace("\"PT0S\"", "\"PT1H\"").replace("障害時の初動連絡", "システム稼働率");
		this.mvc
			.perform(put("/api/v1/contracts/" + contract.getId()).with(this.asOfficer)
				.header("Accept-Language", "en")
				.contentType(MediaType.APPLICATION_JSON)
				.content(duplicate))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("serviceLevelTargets[1].name"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("already listed")));

		String unknownMeasure = bad.replace("\"DURATION_MAX\"", "\"PERCENT_MAX\"");
		this.mvc
			.perform(put("/api/v1/contracts/" + contract.getId()).with(this.asOfficer)
				.contentType(MediaType.APPLICATION_JSON)
				.content(unknownMeasure))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value(startsWith("serviceLevelTargets")));

		assertThat(this.contracts.get(this.officer, contract.getId()).getServiceLevelTargets())
			.extracting(ServiceLevelTarget::getTarget)
			.containsExactly("99.5", "PT30M");
		assertThat(auditDetails("CONTRACT_UPDATED", contract.getId())).isEmpty();
	}

	@Test
	void theServiceRefusesBadTargetsEvenWithoutBeanValidation() {
		ContractForm form = form();
		form.setServiceLevelTargets(new java.util.ArrayList<>(List.of(new ServiceLevelTargetForm("稼働率",
				ServiceLevelMetric.PERCENT_MIN, "100.5", MeasurementPeriod.MONTHLY, null))));
		assertThat(org.assertj.core.api.Assertions
			.catchThrowableOfType(jp.itaku.platform.InvalidInputProblem.class,
					() -> this.contracts.register(this.officer, form))
			.getFieldProblems()).extracting(jp.itaku.platform.ItakuProblem.FieldProblem::field)
			.containsExactly("serviceLevelTargets[0].target");
		assertThat(registered(form.getNumber())).isFalse();
	}

}
