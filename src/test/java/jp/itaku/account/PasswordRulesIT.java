package jp.itaku.account;

import java.util.UUID;

import jp.itaku.organisation.Organisation;
import jp.itaku.organisation.OrganisationForm;
import jp.itaku.organisation.Organisations;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The password page refuses passwords made of the user's own words (issue 17, item 8):
 * the user ID, the organisation's name romanised or in English, the product's words and
 * the year — with a Japanese message next to the field — and accepts an unrelated
 * passphrase.
 */
@IntegrationTest
class PasswordRulesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Organisations organisations;

	@Autowired
	UserAccounts users;

	@Test
	void ownWordsAreRefusedWithAJapaneseMessageNamingTheField() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		Organisation mirai = this.organisations.create(null,
				new OrganisationForm("株式会社みらいデータサービス " + suffix, OrganisationKind.CONTRACTOR, null));
		UserAccount worker = this.users.createWithPassword(UserForm.filled("worker." + suffix, "未来 花子",
				"worker." + suffix + "@mirai.example.jp", mirai.getId(), Role.CONTRACTOR_WORKER, true),
				Fixtures.PASSWORD);
		MockHttpSession session = Fixtures
			.session(this.fixtures.formLogin(this.mvc, worker.getUsername(), Fixtures.PASSWORD));
		for (String weak : new String[] { "worker-worker", "mirai-data-service", "Mirai-Deeta-Saabisu",
				"みらいデータサービス2026", "Itaku-2026-Demo", "Demo-Itaku-Kanri-2026" }) {
			this.mvc
				.perform(post("/account/password").session(session)
					.param("currentPassword", Fixtures.PASSWORD)
					.param("newPassword", weak)
					.param("confirmPassword", weak)
					.with(csrf()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"newPassword-error\"")))
				.andExpect(content().string(containsString("推測されやすい")));
		}
		this.mvc
			.perform(post("/account/password").session(session)
				.param("currentPassword", Fixtures.PASSWORD)
				.param("newPassword", "Kaze-Nagare-Hoshi-Furu-62")
				.param("confirmPassword", "Kaze-Nagare-Hoshi-Furu-62")
				.with(csrf()))
			.andExpect(redirectedUrl("/account"));
	}

}
