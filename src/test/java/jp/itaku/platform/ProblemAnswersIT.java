package jp.itaku.platform;

import java.util.UUID;

import jp.itaku.account.UserAccount;
import jp.itaku.organisation.Organisation;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bad input gets a clear, specific answer: problem details naming the field in the API, a
 * Japanese message next to the field on pages, never a 500 or a stack trace.
 */
@IntegrationTest
class ProblemAnswersIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	UserAccount admin;

	Organisation contractor;

	@BeforeEach
	void data() {
		this.admin = this.fixtures.user(this.fixtures.organisation(OrganisationKind.CLIENT), Role.SYSTEM_ADMIN);
		this.contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
	}

	@Test
	void missingFieldsAreNamedInJapanese() throws Exception {
		this.mvc
			.perform(post("/api/v1/users").with(authentication(this.fixtures.signedIn(this.admin)))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"ok-name\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field",
					org.hamcrest.Matchers.hasItems("displayName", "organisationId", "role")))
			.andExpect(jsonPath("$.errors[?(@.field == 'displayName')].message").value("入力してください。"));
	}

	@Test
	void aRuleOfTheDomainNamesItsField() throws Exception {
		this.mvc
			.perform(post("/api/v1/users").with(authentication(this.fixtures.signedIn(this.admin)))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"x" + UUID.randomUUID().toString().substring(0, 8)
						+ "\",\"displayName\":\"名前\",\"organisationId\":\"" + this.contractor.getId()
						+ "\",\"role\":\"CLIENT_OFFICER\",\"enabled\":true}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("role"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("組織の区分")));
	}

	@Test
	void malformedJsonAndMalformedIdsAreBadRequestsNotErrors() throws Exception {
		this.mvc
			.perform(post("/api/v1/users").with(authentication(this.fixtures.signedIn(this.admin)))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{not json"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/api/v1/users/not-a-uuid").with(authentication(this.fixtures.signedIn(this.admin))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("id"));
		this.mvc
			.perform(get("/api/v1/users/" + UUID.randomUUID()).with(authentication(this.fixtures.signedIn(this.admin))))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("お探しのデータは見つからないか、閲覧する権限がありません。"));
	}

	@Test
	void englishIsAnsweredWhenAsked() throws Exception {
		this.mvc
			.perform(get("/api/v1/users/" + UUID.randomUUID()).header("Accept-Language", "en")
				.with(authentication(this.fixtures.signedIn(this.admin))))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Not found")));
	}

	@Test
	void aFormShowsJapaneseMessagesNextToTheFieldsAndInASummary() throws Exception {
		this.mvc
			.perform(post("/admin/users/new").with(authentication(this.fixtures.signedIn(this.admin)))
				.with(csrf())
				.param("username", "")
				.param("displayName", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("入力内容に誤りがあります")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"username-error\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("入力してください。")));
	}

	@Test
	void unknownPagesShowAFriendlyPageWithoutAStackTrace() throws Exception {
		this.mvc.perform(get("/users/" + UUID.randomUUID()).with(authentication(this.fixtures.signedIn(this.admin))))
			.andExpect(status().isNotFound())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("閲覧する権限がありません")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Exception"))));
	}

}
