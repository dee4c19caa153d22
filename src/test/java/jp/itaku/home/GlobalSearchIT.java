package jp.itaku.home;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import jp.itaku.account.SignIn;
import jp.itaku.support.SignedInUser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The global search over the demo (the world of {@code PageCrawlIT}), as a matrix: each
 * demo account finds the workers, contracts and users of its own organisation's contracts
 * and never another organisation's — the second contractor not the first's, the
 * subcontractor only its own workers on the one contract it works on. Spelling variants
 * find each other (持出し and 持ち出し, half-width katakana, full-width digits), what is
 * encrypted at rest is not searched, a search that shows people is audited as a view, and
 * the API answers bad input with a problem.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestPropertySource(properties = { "itaku.demo.enabled=true", "itaku.demo.password=Demo-Itaku-Kanri-2026",
		"itaku.security.totp.required-roles=" })
class GlobalSearchIT {

	private static final Set<String> SETAGAYA_CONTRACTS = Set.of("R8-情政-001", "R8-戸籍-014", "R8-区民-007", "R8-統計-003");

	private static final Set<String> MIRAI_CONTRACTS = Set.of("R8-情政-001", "R8-戸籍-014", "R8-統計-003");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SignIn signIn;

	@Test
	void eachDemoAccountFindsWhatItsOwnPagesShowAndNothingOfAnotherOrganisation() throws Exception {
		Map<String, Set<String>> visible = new LinkedHashMap<>();
		visible.put("secadmin", SETAGAYA_CONTRACTS);
		visible.put("officer", SETAGAYA_CONTRACTS);
		visible.put("auditor", SETAGAYA_CONTRACTS);
		visible.put("lead", MIRAI_CONTRACTS);
		visible.put("worker", MIRAI_CONTRACTS);
		visible.put("lead2", Set.of("R8-区民-007"));
		visible.put("sublead", Set.of("R8-戸籍-014"));
		// The system administrator sees every contract, also those other tests create.
		assertThat((List<?>) JsonPath.read(api("admin", "太郎"), "$.results.ROSTER_MEMBER")).isNotEmpty();
		for (Map.Entry<String, Set<String>> account : visible.entrySet()) {
			String as = account.getKey();
			// 受託 太郎 is on the roster of every contract of both contractors.
			String json = api(as, "太郎");
			List<String> rosterContracts = JsonPath.read(json, "$.results.ROSTER_MEMBER[*].contract");
			List<String> contracts = JsonPath.read(json, "$.results.CONTRACT[*].title");
			for (String contract : rosterContracts) {
				assertThat(account.getValue()).as(as + " sees a worker on " + contract).contains(number(contract));
			}
			if (as.equals("sublead")) {
				// The contractor's workers on the contract it works on stay the
				// contractor's.
				assertThat(rosterContracts).as(as).isEmpty();
				List<String> own = JsonPath.read(api(as, "入力"), "$.results.ROSTER_MEMBER[*].title");
				assertThat(own).as(as).contains("入力 花子", "入力 次郎").doesNotContain("中村 由美");
			}
			else {
				assertThat(rosterContracts.stream().map(GlobalSearchIT::number))
					.as(as + " finds the workers of its own contracts")
					.containsAll(account.getValue().stream().filter((n) -> !n.equals("R8-統計-003")).toList());
			}
			// Contracts by a part of their number, width folded (Ｒ８ is R8).
			List<String> byNumber = JsonPath.read(api(as, "Ｒ８－"), "$.results.CONTRACT[*].title");
			assertThat(byNumber.stream().map(GlobalSearchIT::number).toList()).as(as)
				.containsExactlyInAnyOrderElementsOf(account.getValue());
			assertThat(contracts).as(as).allSatisfy((c) -> assertThat(account.getValue()).contains(number(c)));
		}
		// Users: the second contractor's lead finds its own and not the first
		// contractor's.
		List<String> users = JsonPath.read(api("lead2", "lead"), "$.results.USER[*].detail");
		assertThat(users).contains("lead2").doesNotContain("lead", "worker", "sublead");
	}

	@Test
	void spellingVariantsFindEachOtherAndTheClauseSearchFindsTheTakeOutClauses() throws Exception {
		List<String> okurigana = JsonPath.read(api("officer", "持出し"), "$.results.CLAUSE[*].href");
		List<String> written = JsonPath.read(api("officer", "持ち出し"), "$.results.CLAUSE[*].href");
		assertThat(okurigana).isNotEmpty().containsExactlyInAnyOrderElementsOf(written);
		// The catalog's own search folds alike.
		Document catalog = page("officer", "/catalog/search?q=持出し");
		Document catalogWritten = page("officer", "/catalog/search?q=持ち出し");
		// Every inflection: 持ち出す, 持ち出して, 持ち出さない, 持ち出し先.
		assertThat(catalog.select("#hits li")).hasSizeGreaterThan(3).hasSameSizeAs(catalogWritten.select("#hits li"));
		assertThat(catalog.select("#hits li").text()).contains("持ち出さない", "持ち出す", "持ち出してはならない");
		// Half-width katakana finds full-width.
		List<String> halfWidth = JsonPath.read(api("officer", "ｸﾞｴﾝ"), "$.results.ROSTER_MEMBER[*].title");
		assertThat(halfWidth).contains("グエン・ヴァン・アン");
	}

	@Test
	void theNationalityEncryptedAtRestIsNotSearchedAndAPeopleSearchIsAuditedAsAView() throws Exception {
		long before = this.jdbc.sql("select count(*) from audit_entry where action = 'ROSTER_SEARCH_VIEWED'")
			.query(Long.class)
			.single();
		String json = api("officer", "ベトナム");
		assertThat((List<?>) JsonPath.read(json, "$.results.ROSTER_MEMBER[*]")).isEmpty();
		api("officer", "グエン");
		assertThat(this.jdbc.sql("select count(*) from audit_entry where action = 'ROSTER_SEARCH_VIEWED'")
			.query(Long.class)
			.single()).isEqualTo(before + 1);
		// The page: one box, results grouped by kind, each linking to its page.
		Document page = page("lead", "/search?q=受託");
		assertThat(page.select("#q").attr("value")).isEqualTo("受託");
		assertThat(page.select("#search-ROSTER_MEMBER").text()).startsWith("名簿の従事者");
		assertThat(page.select(".search-results[data-kind=ROSTER_MEMBER] a").eachAttr("href"))
			.allSatisfy((href) -> assertThat(href).matches("/contracts/[0-9a-f-]{36}/roster"));
		// Bad input: a clear message naming the field, a problem in the API.
		Document tooLong = page("lead", "/search?q=" + "あ".repeat(101));
		assertThat(tooLong.select("#q-error").text()).isEqualTo("探す言葉は100文字以内で入力してください。");
		MockHttpServletResponse empty = this.mvc.perform(get("/api/v1/search").param("q", " ").with(as("lead")))
			.andReturn()
			.getResponse();
		assertThat(empty.getStatus()).isEqualTo(400);
		assertThat(empty.getContentType()).startsWith("application/problem+json");
		assertThat(empty.getContentAsString(StandardCharsets.UTF_8)).contains("探す言葉を入力してください。", "\"q\"");
	}

	private static String number(String contract) {
		return contract.split(" ")[0];
	}

	private String api(String username, String query) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get("/api/v1/search").param("q", query).with(as(username)))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(username + " searching " + query).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private Document page(String username, String path) throws Exception {
		return Jsoup.parse(this.mvc.perform(get(path).with(as(username)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

	private RequestPostProcessor as(String username) {
		return authentication(SignedInUser.authentication(this.jdbc, this.signIn, username));
	}

}
