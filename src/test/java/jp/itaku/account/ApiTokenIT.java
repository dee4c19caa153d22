package jp.itaku.account;

import jp.itaku.organisation.Organisation;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * API tokens: issued for credentials (and the TOTP code when enrolled), used as bearer
 * tokens, refused once revoked.
 */
@IntegrationTest
class ApiTokenIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JsonMapper json;

	Organisation contractor;

	@BeforeEach
	void organisation() {
		this.contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
	}

	@Test
	void aTokenIssuedForCredentialsSignsInApiRequests() throws Exception {
		UserAccount lead = this.fixtures.user(this.contractor, Role.CONTRACTOR_LEAD);
		String token = issue(lead.getUsername(), Fixtures.PASSWORD, null);
		this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value(lead.getUsername()))
			.andExpect(jsonPath("$.organisationName").value(this.contractor.getName()))
			.andExpect(jsonPath("$.role").value("CONTRACTOR_LEAD"));
	}

	@Test
	void aRevokedTokenIsRefused() throws Exception {
		UserAccount lead = this.fixtures.user(this.contractor, Role.CONTRACTOR_LEAD);
		String token = issue(lead.getUsername(), Fixtures.PASSWORD, null);
		String id = this.json
			.readTree(this.mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + token))
				.andReturn()
				.getResponse()
				.getContentAsString())
			.get(0)
			.get("id")
			.asString();
		this.mvc.perform(delete("/api/v1/tokens/" + id).header("Authorization", "Bearer " + token))
			.andExpect(status().isNoContent());
		this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("失効")));
	}

	@Test
	void unknownTokensAndMissingTokensAreRefusedAsProblems() throws Exception {
		this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer itk_not-a-real-token"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/api/v1/me"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void wrongCredentialsGetNoToken() throws Exception {
		UserAccount lead = this.fixtures.user(this.contractor, Role.CONTRACTOR_LEAD);
		this.mvc
			.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
				.content(body(lead.getUsername(), "wrong-password", null)))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void anEnrolledUserNeedsTheTotpCodeForAToken() throws Exception {
		UserAccount lead = this.fixtures.user(this.contractor, Role.CONTRACTOR_LEAD);
		Fixtures.Enrolled enrolled = this.fixtures.enrolTotp(lead);
		this.mvc
			.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
				.content(body(lead.getUsername(), Fixtures.PASSWORD, null)))
			.andExpect(status().isUnauthorized());
		issue(lead.getUsername(), Fixtures.PASSWORD, this.fixtures.code(enrolled.secret(), 1));
	}

	@Test
	void aMissingFieldIsNamedInTheProblem() throws Exception {
		this.mvc.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"x\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[?(@.field == 'password')].message").value("入力してください。"));
	}

	private String issue(String username, String password, String code) throws Exception {
		String response = this.mvc
			.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
				.content(body(username, password, code)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		JsonNode node = this.json.readTree(response);
		return node.get("value").asString();
	}

	private String body(String username, String password, String code) {
		return this.json.writeValueAsString(java.util.Map.of("username", username, "password", password, "name",
				"テスト連携", "totpCode", (code != null) ? code : ""));
	}

}
