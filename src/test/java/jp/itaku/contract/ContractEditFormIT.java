package jp.itaku.contract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jp.itaku.account.UserAccount;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The contract edit form saves, field by field, exactly as a browser posts it: the page
 * is read, its form's fields are sent back as they are with one field changed, and the
 * stored contract then holds the new value. The form offers neither the contractor nor
 * the clause profile (both fixed once registered), so it must save without them.
 */
@IntegrationTest
class ContractEditFormIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	Actor officer;

	RequestPostProcessor asOfficer;

	Contract contract;

	@BeforeEach
	void contract() {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		UserAccount officerUser = this.fixtures.user(client, Role.CLIENT_OFFICER);
		this.officer = this.fixtures.actor(officerUser);
		this.asOfficer = authentication(this.fixtures.signedIn(officerUser));
		this.contract = this.contracts.register(this.officer, this.fixtures.contractForm(contractor, "setagaya",
				LocalDate.of(2027, 4, 1), Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION)));
	}

	@Test
	void theFormAsTheBrowserSendsItSavesUnchanged() throws Exception {
		Map<String, List<String>> fields = formOfEditPage();
		assertThat(fields).doesNotContainKeys("contractorOrganisationId", "profileId").containsKeys("number", "title");
		save(fields);
		assertThat(stored().getNumber()).isEqualTo(this.contract.getNumber());
	}

	@Test
	void eachFieldOfTheEditFormSaves() throws Exception {
		String number = "E-" + this.contract.getNumber();
		edit("number", number, Contract::getNumber, number);
		edit("title", "変更後の件名", Contract::getTitle, "変更後の件名");
		edit("clientDepartment", "情報政策課", Contract::getClientDepartment, "情報政策課");
		edit("periodStart", "2027-05-01", Contract::getPeriodStart, LocalDate.of(2027, 5, 1));
		edit("periodEnd", "2028-02-29", Contract::getPeriodEnd, LocalDate.of(2028, 2, 29));
		edit("immediately", "PT2H", Contract::getImmediately, "PT2H");
		edit("promptly", "P5D", Contract::getPromptly, "P5D");
		edit("withoutDelay", "P10D", Contract::getWithoutDelay, "P10D");
		edit("reportingInterval", "P3M", Contract::getReportingInterval, "P3M");
		edit("workLocations", "本社 5階 入力室", Contract::getWorkLocations, "本社 5階 入力室");
		edit("serviceLevels", "毎月報告する", Contract::getServiceLevels, "毎月報告する");

		Map<String, List<String>> attributes = formOfEditPage();
		attributes.put("attributes", List.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION.name(),
				ContractAttribute.USES_CLOUD_SERVICES.name()));
		save(attributes);
		assertThat(stored().getAttributes()).containsExactlyInAnyOrder(ContractAttribute.HANDLES_PERSONAL_INFORMATION,
				ContractAttribute.USES_CLOUD_SERVICES);

		Map<String, List<String>> targets = formOfEditPage();
		targets.put("serviceLevelTargets[0].name", List.of("システム稼働率"));
		targets.put("serviceLevelTargets[0].metric", List.of("PERCENT_MIN"));
		targets.put("serviceLevelTargets[0].target", List.of("99.5"));
		targets.put("serviceLevelTargets[0].measurementPeriod", List.of("MONTHLY"));
		targets.put("serviceLevelTargets[0].notes", List.of("計画停止を除く"));
		save(targets);
		assertThat(stored().getServiceLevelTargets()).singleElement().satisfies((t) -> {
			assertThat(t.getName()).isEqualTo("システム稼働率");
			assertThat(t.getTarget()).isEqualTo("99.5");
		});
		// Everything changed before is still as saved: no field was reset by another.
		assertThat(stored().getTitle()).isEqualTo("変更後の件名");
		assertThat(stored().getReportingInterval()).isEqualTo("P3M");
	}

	private <T> void edit(String field, String value, Function<Contract, T> read, T expected) throws Exception {
		Map<String, List<String>> fields = formOfEditPage();
		assertThat(fields).as("the edit form offers %s", field).containsKey(field);
		fields.put(field, List.of(value));
		save(fields);
		assertThat(read.apply(stored())).as(field).isEqualTo(expected);
	}

	private void save(Map<String, List<String>> fields) throws Exception {
		MockHttpServletRequestBuilder request = post("/contracts/" + this.contract.getId() + "/edit")
			.with(this.asOfficer)
			.with(csrf());
		fields.forEach((name, values) -> request.param(name, values.toArray(String[]::new)));
		var response = this.mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus())
			.as("saving %s: %s", fields.keySet(), Jsoup.parse(response.getContentAsString()).select(".field__error"))
			.isEqualTo(302);
		assertThat(response.getRedirectedUrl()).isEqualTo("/contracts/" + this.contract.getId());
	}

	private Contract stored() {
		return this.contracts.get(this.officer, this.contract.getId());
	}

	/** The fields of the edit page's form as a browser submits them, buttons aside. */
	private Map<String, List<String>> formOfEditPage() throws Exception {
		String html = this.mvc.perform(get("/contracts/" + this.contract.getId() + "/edit").with(this.asOfficer))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document page = Jsoup.parse(html);
		Element form = page.selectFirst("form[action$=/edit]");
		assertThat(form).isNotNull();
		Map<String, List<String>> fields = new java.util.LinkedHashMap<>();
		for (Element input : form.select("input[name], select[name], textarea[name]")) {
			String name = input.attr("name");
			String type = input.attr("type");
			List<String> values = fields.computeIfAbsent(name, (n) -> new ArrayList<>());
			if (input.tagName().equals("select")) {
				Element selected = input.selectFirst("option[selected]");
				values.add((selected != null) ? selected.attr("value") : "");
			}
			else if (input.tagName().equals("textarea")) {
				values.add(input.wholeText());
			}
			else if (!type.equals("checkbox") && !type.equals("radio") || input.hasAttr("checked")) {
				values.add(input.attr("value"));
			}
		}
		fields.values().removeIf(List::isEmpty);
		return fields;
	}

}
