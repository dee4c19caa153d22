package jp.itaku.logevidence;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jp.itaku.account.UserAccount;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The log evidence page and API: the lead adds a source and uploads, a malformed batch is
 * shown by line and waits, the API streams a batch (partial or not), the client exports a
 * period, another contractor gets "not found".
 */
@IntegrationTest
class LogEvidencePagesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	LogEvidence logs;

	@Autowired
	java.time.Clock clock;

	@Test
	void theAdministratorsPageShowsTheServersTimeSyncHonestly() throws Exception {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		String admin = this.mvc
			.perform(get("/admin/users").with(authentication(
					this.fixtures.signedIn(this.fixtures.user(client, jp.itaku.platform.Role.SYSTEM_ADMIN)))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// Here neither timedatectl nor chrony answers: the state is 不明, never guessed.
		org.jsoup.nodes.Element clockState = org.jsoup.Jsoup.parse(admin).selectFirst("#server-clock dd");
		assertThat(clockState).isNotNull();
		assertThat(clockState.text()).isIn("不明", "同期している", "同期していない");
		String officer = this.mvc
			.perform(get("/users").with(authentication(
					this.fixtures.signedIn(this.fixtures.user(client, jp.itaku.platform.Role.CLIENT_OFFICER)))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(officer).doesNotContain("server-clock");
		this.mvc
			.perform(get("/admin/users").with(authentication(
					this.fixtures.signedIn(this.fixtures.user(client, jp.itaku.platform.Role.CLIENT_OFFICER)))))
			.andExpect(status().isForbidden());
	}

	@Test
	void theLeadUploadsThroughThePageAndTheApiAndOthersSeeNothing() throws Exception {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		UserAccount officer = this.fixtures.user(client, Role.CLIENT_OFFICER);
		UserAccount lead = this.fixtures.user(contractor, Role.CONTRACTOR_LEAD);
		UserAccount otherLead = this.fixtures.user(this.fixtures.organisation(OrganisationKind.CONTRACTOR),
				Role.CONTRACTOR_LEAD);
		LocalDate today = ItakuTime.today(this.clock);
		Contract contract = this.contracts.register(this.fixtures.actor(officer), this.fixtures.contractForm(contractor,
				"gunma", today.minusMonths(2), Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION)));
		String base = "/contracts/" + contract.getId() + "/logs";

		assertThat(body(as(lead, get("/contracts/" + contract.getId())))).contains("log-evidence-link");
		MvcResult added = as(lead,
				post(base + "/sources").with(csrf())
					.param("name", "業務サーバ")
					.param("format", "CSV")
					.param("timestamp", "time")
					.param("user", "user")
					.param("action", "action"));
		assertThat(added.getResponse().getStatus()).isEqualTo(302);
		LogSource source = this.logs.overview(this.fixtures.actor(lead), contract.getId()).sources().get(0);

		String day = today.minusDays(3).toString();
		byte[] bad = ("time,user,action\n" + day + "T10:00:00+09:00,u1,view\nbroken\n")
			.getBytes(StandardCharsets.UTF_8);
		MvcResult uploaded = as(lead,
				multipart(base + "/upload").file(new MockMultipartFile("file", "a.csv", "text/csv", bad))
					.param("source", source.id().toString())
					.with(csrf()));
		assertThat(uploaded.getResponse().getStatus()).isEqualTo(302);
		String batchPage = uploaded.getResponse().getRedirectedUrl();
		assertThat(batchPage).contains(base + "/batches/");
		String page = body(as(lead, get(batchPage)));
		assertThat(page).contains("id=\"malformed\"", "<td>3</td>", "id=\"accept\"");

		byte[] good = ("time,user,action\n" + day + "T11:00:00+09:00,u1,view\n" + day + "T11:05:00+09:00,u1,view\n")
			.getBytes(StandardCharsets.UTF_8);
		MvcResult api = as(lead,
				post("/api/v1/contracts/" + contract.getId() + "/logs").param("source", source.id().toString())
					.contentType(MediaType.TEXT_PLAIN)
					.content(good));
		assertThat(api.getResponse().getStatus()).isEqualTo(201);
		assertThat(body(api)).contains("\"status\":\"ACCEPTED\"", "\"storedLines\":2");
		MvcResult again = as(lead,
				post("/api/v1/contracts/" + contract.getId() + "/logs").param("source", source.id().toString())
					.contentType(MediaType.TEXT_PLAIN)
					.content(good));
		assertThat(again.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(again)).contains("\"duplicate\":true");
		MvcResult waiting = as(lead,
				post("/api/v1/contracts/" + contract.getId() + "/logs").param("source", source.id().toString())
					.contentType(MediaType.TEXT_PLAIN)
					.content(bad));
		assertThat(waiting.getResponse().getStatus()).isEqualTo(200);
		MvcResult partial = as(lead,
				post("/api/v1/contracts/" + contract.getId() + "/logs").param("source", source.id().toString())
					.param("partial", "true")
					.contentType(MediaType.TEXT_PLAIN)
					.content(("time,user,action\n" + day + "T12:00:00+09:00,u1,view\nbroken\n")
						.getBytes(StandardCharsets.UTF_8)));
		assertThat(partial.getResponse().getStatus()).isEqualTo(201);
		assertThat(body(partial)).contains("\"malformed\":[{\"line\":3");

		assertThat(body(as(officer, get(base)))).contains("id=\"batches\"", "id=\"export-form\"");

		// A forbidden operation shows on the dashboards of the contract's parties, not of
		// others.
		this.logs.saveSettings(this.fixtures.actor(officer), contract.getId(),
				new LogSettings(12, "export_all", null, null, 500, 5, 10, 300, false));
		as(lead, post("/api/v1/contracts/" + contract.getId() + "/logs").param("source", source.id().toString())
			.contentType(MediaType.TEXT_PLAIN)
			.content(
					("time,user,action\n" + day + "T13:00:00+09:00,u1,export_all\n").getBytes(StandardCharsets.UTF_8)));
		assertThat(body(as(officer, get("/dashboard")))).contains("id=\"log-findings\"", contract.getNumber());
		assertThat(body(as(otherLead, get("/dashboard")))).doesNotContain(contract.getNumber());
		MvcResult csv = as(officer,
				get("/api/v1/contracts/" + contract.getId() + "/logs/export").param("from", day).param("to", day));
		assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
		assertThat(body(csv).lines()).hasSize(1 + 4);

		for (MockHttpServletRequestBuilder request : List.of(get(base),
				get("/api/v1/contracts/" + contract.getId() + "/logs"),
				get("/api/v1/contracts/" + contract.getId() + "/logs/findings"), get(batchPage))) {
			assertThat(as(otherLead, request).getResponse().getStatus()).isEqualTo(404);
		}
		assertThat(as(otherLead,
				post("/api/v1/contracts/" + contract.getId() + "/logs").param("source", source.id().toString())
					.contentType(MediaType.TEXT_PLAIN)
					.content(good))
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

	private MvcResult as(UserAccount user, MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(authentication(this.fixtures.signedIn(user)))).andReturn();
	}

	private MvcResult as(UserAccount user,
			org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder request)
			throws Exception {
		return this.mvc.perform(request.with(authentication(this.fixtures.signedIn(user)))).andReturn();
	}

	private static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
