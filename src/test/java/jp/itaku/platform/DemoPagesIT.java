package jp.itaku.platform;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import jp.itaku.account.SignIn;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Pages of the demo as its users meet them (the same world as {@link PageCrawlIT}): the
 * login page waits for the demo data and names each account's organisation, and the list
 * of open incidents, which spans contracts, names each incident's contract.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestPropertySource(properties = { "itaku.demo.enabled=true", "itaku.demo.password=Demo-Itaku-Kanri-2026",
		"itaku.security.totp.required-roles=" })
class DemoPagesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SignIn signIn;

	@Test
	void theLoginPageWaitsUntilTheDemoDataIsReadyAndReadinessIsDownMeanwhile() throws Exception {
		AvailabilityChangeEvent.publish(this.context, ReadinessState.REFUSING_TRAFFIC);
		try {
			MockHttpServletResponse preparing = this.mvc.perform(get("/login")).andReturn().getResponse();
			Document page = Jsoup.parse(preparing.getContentAsString(StandardCharsets.UTF_8));
			assertThat(page.select("#demo-preparing").text()).contains("デモデータを準備中です");
			assertThat(page.select("form[action=/login]")).isEmpty();
			assertThat(preparing.getHeader("Refresh")).isNotBlank();
			assertThat(this.mvc.perform(get("/actuator/health/readiness")).andReturn().getResponse().getStatus())
				.isEqualTo(503);
		}
		finally {
			AvailabilityChangeEvent.publish(this.context, ReadinessState.ACCEPTING_TRAFFIC);
		}
		MockHttpServletResponse ready = this.mvc.perform(get("/login")).andReturn().getResponse();
		Document page = Jsoup.parse(ready.getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.select("#demo-preparing")).isEmpty();
		assertThat(page.select("form[action=/login]")).hasSize(1);
		assertThat(ready.getHeader("Refresh")).isNull();
		assertThat(this.mvc.perform(get("/actuator/health/readiness")).andReturn().getResponse().getStatus())
			.isEqualTo(200);
	}

	@Test
	void theLoginPagesAccountTableNamesEachAccountsOrganisation() throws Exception {
		Document page = Jsoup.parse(
				this.mvc.perform(get("/login")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(row(page, "lead")).contains("株式会社みらいデータサービス");
		assertThat(row(page, "worker")).contains("株式会社みらいデータサービス");
		assertThat(row(page, "lead2")).contains("株式会社さくら情報システム");
		assertThat(row(page, "sublead")).contains("有限会社あおば入力センター");
		assertThat(row(page, "officer")).contains("世田谷区");
		// The names are the demo's own.
		for (String name : List.of("株式会社みらいデータサービス", "株式会社さくら情報システム", "有限会社あおば入力センター", "世田谷区")) {
			assertThat(this.jdbc.sql("select count(*) from organisation where name = ?")
				.param(name)
				.query(Long.class)
				.single()).as(name).isOne();
		}
	}

	@Test
	void theOpenIncidentListNamesEachContractAndNoNumberRepeats() throws Exception {
		UUID secadmin = this.jdbc.sql("select id from user_account where username = 'secadmin'")
			.query(UUID.class)
			.single();
		String html = this.mvc
			.perform(get("/incidents")
				.with(authentication(this.signIn.completeAuthenticationOf(secadmin).orElseThrow())))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		Document page = Jsoup.parse(html);
		assertThat(page.select("#open-incidents thead th").eachText()).contains("委託契約");
		List<String> numbers = new ArrayList<>();
		for (Element row : page.select("#open-incidents tbody tr")) {
			assertThat(row.select("a[href^=/contracts/]")).as(row.text()).hasSize(1);
			numbers.add(row.select("td").first().text());
		}
		assertThat(numbers).hasSizeGreaterThan(1);
		assertThat(new HashSet<>(numbers)).as("numbers shown").hasSameSizeAs(numbers);
	}

	private static String row(Document page, String username) {
		return page.select("tr")
			.stream()
			.filter((r) -> !r.select("td").isEmpty() && r.select("td").first().text().equals(username))
			.findFirst()
			.map(Element::text)
			.orElse("");
	}

}
