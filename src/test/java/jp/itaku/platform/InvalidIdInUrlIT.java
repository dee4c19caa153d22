package jp.itaku.platform;

import jp.itaku.account.UserAccount;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An address whose record id is not an id at all (a link cut short, a typing error) is
 * told as a wrong address, not as a failure to try again later: the page says the URL is
 * not right and what to do, the API answers problem+json naming the parameter.
 */
@IntegrationTest
class InvalidIdInUrlIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	RequestPostProcessor asOfficer;

	@BeforeEach
	void officer() {
		UserAccount officer = this.fixtures.user(this.fixtures.organisation(OrganisationKind.CLIENT),
				Role.CLIENT_OFFICER);
		this.asOfficer = authentication(this.fixtures.signedIn(officer));
	}

	@Test
	void aPageAddressWithABadIdSaysTheUrlIsWrong() throws Exception {
		for (String path : new String[] { "/contracts/not-a-uuid", "/obligations/123", "/contracts/x/roster" }) {
			String html = this.mvc.perform(get(path).with(this.asOfficer))
				.andExpect(status().isBadRequest())
				.andReturn()
				.getResponse()
				.getContentAsString();
			String text = Jsoup.parse(html).select("main, section").text();
			assertThat(text).as(path).contains("URLが正しくありません").doesNotContain("時間をおいて");
		}
	}

	@Test
	void theEnglishPageSaysSoInEnglish() throws Exception {
		String html = this.mvc
			.perform(get("/contracts/not-a-uuid").with(this.asOfficer).header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(html).text()).contains("address").doesNotContain("try again later");
	}

	@Test
	void theApiNamesTheParameter() throws Exception {
		this.mvc.perform(get("/api/v1/contracts/not-a-uuid").with(this.asOfficer))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("id"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("URL")));
	}

}
