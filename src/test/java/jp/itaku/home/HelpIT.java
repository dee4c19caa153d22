package jp.itaku.home;

import java.util.List;
import java.util.Locale;

import jp.itaku.account.UserAccount;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The operating guide: linked from every page, the user's own role first, every role's
 * tasks written in both languages and linking into the product.
 */
@IntegrationTest
class HelpIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MessageSource messages;

	@Test
	void everyRoleHasAGuideWhoseTasksAreWrittenInBothLanguages() {
		assertThat(HelpController.GUIDES).containsOnlyKeys(Role.values());
		for (List<HelpController.Task> tasks : HelpController.GUIDES.values()) {
			assertThat(tasks).isNotEmpty();
			for (HelpController.Task task : tasks) {
				assertThat(task.href()).startsWith("/");
				for (Locale locale : List.of(Locale.JAPANESE, Locale.ENGLISH)) {
					for (String part : List.of("title", "text")) {
						String key = "help.task." + task.key() + "." + part;
						assertThat(this.messages.getMessage(key, null, null, locale)).as(key + " " + locale)
							.isNotBlank();
					}
				}
			}
		}
	}

	@Test
	void eachUserSeesTheirOwnRoleFirstAndMayReadTheOthers() throws Exception {
		UserAccount officer = this.fixtures.user(this.fixtures.organisation(OrganisationKind.CLIENT),
				Role.CLIENT_OFFICER);
		UserAccount worker = this.fixtures.user(this.fixtures.organisation(OrganisationKind.CONTRACTOR),
				Role.CONTRACTOR_WORKER);
		this.mvc.perform(get("/inbox").with(authentication(this.fixtures.signedIn(officer))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"help-link\"")));
		this.mvc.perform(get("/help").with(authentication(this.fixtures.signedIn(officer))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("委託者 担当職員の操作")))
			.andExpect(content().string(containsString("提出物を審査する")))
			.andExpect(content().string(containsString("/inbox?kind=REVIEW")))
			.andExpect(content().string(not(containsString("これはあなたとは別の役割"))));
		this.mvc.perform(get("/help").with(authentication(this.fixtures.signedIn(worker))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("事故・インシデントを報告する")))
			.andExpect(content().string(containsString("/incidents/report")));
		this.mvc
			.perform(get("/help").param("role", "SYSTEM_ADMIN").with(authentication(this.fixtures.signedIn(worker))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("これはあなたとは別の役割")))
			.andExpect(content().string(containsString("ユーザーを登録する")));
		this.mvc.perform(get("/help").param("role", "NOPE").with(authentication(this.fixtures.signedIn(worker))))
			.andExpect(status().isBadRequest());
	}

}
