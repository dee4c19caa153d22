package jp.itaku.account;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.itaku.organisation.Organisation;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The lists of users and organisations a page at a time (issue 20: no page taller than
 * three screens): the administrator's lists and the user directory page by 50, filter by
 * organisation, kind and a text typed in any width, and the pager's links keep the
 * filter. The directory matches the usernames of only the users whose details it shows.
 */
@IntegrationTest
class UserListsIT {

	private static final Pattern ROW = Pattern.compile("<tr>\\s*<td>");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	UserAccounts users;

	@Test
	void theAdministratorsListsPageByFiftyAndKeepTheirFilterOnEveryPage() throws Exception {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		UserAccount admin = this.fixtures.user(client, Role.SYSTEM_ADMIN);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		String tag = "pg" + UUID.randomUUID().toString().substring(0, 6);
		for (int i = 0; i < 54; i++) {
			this.users.createWithPassword(UserForm.filled(tag + "u" + i, "頁送り 利用者" + i, tag + i + "@example.jp",
					contractor.getId(), Role.CONTRACTOR_WORKER, true), Fixtures.PASSWORD);
		}
		var as = authentication(this.fixtures.signedIn(admin));

		// In the address, as a browser sends it (the pager rewrites the query string).
		String first = page(get("/admin/users?organisation=" + contractor.getId()).with(as));
		assertThat(rows(first)).isEqualTo(50);
		assertThat(first).contains("1／2ページ（全54件）");
		// The next page's link keeps the organisation chosen.
		Matcher next = Pattern.compile("id=\"user-pager-next\" href=\"([^\"]+)\"").matcher(first);
		assertThat(next.find()).isTrue();
		String href = next.group(1).replace("&amp;", "&");
		assertThat(href).startsWith("/admin/users?").contains("organisation=" + contractor.getId(), "page=1");
		String second = page(get(href).with(as));
		assertThat(rows(second)).isEqualTo(4);
		assertThat(second).contains("2／2ページ（全54件）").contains("id=\"user-pager-previous\"");
		// A page past the end reads as the last.
		assertThat(rows(page(get(href.replace("page=1", "page=9")).with(as)))).isEqualTo(4);

		// Typed in full width and upper case, the text still finds the one user.
		String one = page(get("/admin/users").param("q", toFullWidth(tag.toUpperCase() + "U17")).with(as));
		assertThat(rows(one)).isEqualTo(1);
		assertThat(one).contains(tag + "u17").doesNotContain(tag + "u18");
		assertThat(page(get("/admin/users").param("q", "頁送り 利用者5").with(as))).contains(tag + "u5", tag + "u53");
		assertThat(page(get("/admin/users").param("q", tag + "none").with(as))).contains("id=\"users-none\"");

		// Organisations: by kind and name.
		String organisations = page(get("/admin/organisations").param("kind", "CONTRACTOR")
			.param("q", contractor.getName().substring(6))
			.with(as));
		assertThat(rows(organisations)).isEqualTo(1);
		assertThat(organisations).contains(contractor.getName());
		assertThat(page(get("/admin/organisations").param("kind", "SUBCONTRACTOR")
			.param("q", contractor.getName().substring(6))
			.with(as))).contains("id=\"organisations-none\"");
	}

	@Test
	void theDirectoryFindsOnlyWhatItShows() throws Exception {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		UserAccount officer = this.fixtures.user(client, Role.CLIENT_OFFICER);
		UserAccount colleague = this.fixtures.user(client, Role.CLIENT_OFFICER);
		var as = authentication(this.fixtures.signedIn(officer));
		String byName = page(get("/users").param("q", colleague.getUsername()).with(as));
		assertThat(byName).contains(colleague.getUsername());
		// A user of an organisation the officer does not see is not listed at all.
		Organisation stranger = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		UserAccount hidden = this.fixtures.user(stranger, Role.CONTRACTOR_LEAD);
		// (The page shows the text typed in its search box, nothing else of it.)
		assertThat(page(get("/users").param("q", hidden.getUsername()).with(as))).contains("id=\"users-none\"")
			.doesNotContain("<tbody>");
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static int rows(String page) {
		Matcher rows = ROW.matcher(page.substring(page.indexOf("<tbody>"), page.indexOf("</tbody>")));
		int count = 0;
		while (rows.find()) {
			count++;
		}
		return count;
	}

	private static String toFullWidth(String text) {
		StringBuilder wide = new StringBuilder();
		text.chars().forEach((c) -> wide.appendCodePoint((c >= '!' && c <= '~') ? c - '!' + '！' : c));
		return wide.toString();
	}

}
