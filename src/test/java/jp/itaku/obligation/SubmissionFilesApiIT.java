package jp.itaku.obligation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import jp.itaku.account.UserAccount;
import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A submission's evidence through the API, as its obligation's page shows it: the files
 * with name, size, type, SHA-256 and scan state, each downloadable with the same SHA-256,
 * every download audited; scoped to whoever may read the obligation.
 */
@IntegrationTest
class SubmissionFilesApiIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	Obligations obligations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	java.time.Clock clock;

	UserAccount officer;

	UserAccount auditor;

	UserAccount lead;

	UserAccount otherLead;

	Submission submission;

	@BeforeEach
	void submission() {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.officer = this.fixtures.user(client, Role.CLIENT_OFFICER);
		this.auditor = this.fixtures.user(client, Role.AUDITOR);
		this.lead = this.fixtures.user(contractor, Role.CONTRACTOR_LEAD);
		this.otherLead = this.fixtures.user(this.fixtures.organisation(OrganisationKind.CONTRACTOR),
				Role.CONTRACTOR_LEAD);
		Contract contract = this.contracts.register(this.fixtures.actor(this.officer), this.fixtures
			.contractForm(contractor, "setagaya", ItakuTime.today(this.clock).minusMonths(1), Set.of()));
		Obligation open = this.obligations.forContract(this.fixtures.actor(this.officer), contract.getId())
			.stream()
			.filter((o) -> o.getStatus() == ObligationStatus.OPEN)
			.findFirst()
			.orElseThrow();
		this.submission = this.obligations.submit(this.fixtures.actor(this.lead), open.getId(), "定期報告です。",
				List.of(upload("報告書.txt", "月次報告の本文"), upload("議事録.csv", "日付,議題\n2026-11-01,定例\n")));
	}

	@Test
	void theFilesAreListedAsThePageShowsThemAndDownloadWithTheirSha256() throws Exception {
		JsonNode files = this.json.readTree(this.mvc
			.perform(get("/api/v1/submissions/" + this.submission.getId() + "/files").with(as(this.officer)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));

		assertThat(files).hasSize(2);
		JsonNode report = java.util.stream.StreamSupport.stream(files.spliterator(), false)
			.filter((f) -> f.get("fileName").asString().equals("報告書.txt"))
			.findFirst()
			.orElseThrow();
		assertThat(report.get("fileName").asString()).isEqualTo("報告書.txt");
		assertThat(report.get("size").asLong()).isEqualTo("月次報告の本文".getBytes(StandardCharsets.UTF_8).length);
		assertThat(report.get("contentType").asString()).isEqualTo("text/plain");
		assertThat(report.get("scanStatus").asString()).isEqualTo("NOT_SCANNED");
		assertThat(report.get("sha256").asString()).isEqualTo(sha256("月次報告の本文".getBytes(StandardCharsets.UTF_8)));

		MockHttpServletResponse download = this.mvc.perform(get(report.get("href").asString()).with(as(this.auditor)))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/plain"))
			.andReturn()
			.getResponse();
		byte[] bytes = download.getContentAsByteArray();
		assertThat(sha256(bytes)).isEqualTo(report.get("sha256").asString());
		assertThat(download.getHeader("Repr-Digest"))
			.isEqualTo("sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256(bytes))) + ":");
		assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(this.jdbc
			.sql("select count(*) from audit_entry where action = 'DOCUMENT_VIEWED' and target_id = ? and username = ?")
			.param(report.get("id").asString())
			.param(this.auditor.getUsername())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void whoeverMayNotReadTheObligationFindsNothing() throws Exception {
		String list = "/api/v1/submissions/" + this.submission.getId() + "/files";
		String fileId = this.json
			.readTree(this.mvc.perform(get(list).with(as(this.lead))).andReturn().getResponse().getContentAsString())
			.get(0)
			.get("id")
			.asString();
		this.mvc.perform(get(list).with(as(this.otherLead)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		this.mvc.perform(get(list + "/" + fileId).with(as(this.otherLead))).andExpect(status().isNotFound());
		// A file is only found under its own submission.
		this.mvc
			.perform(get("/api/v1/submissions/" + java.util.UUID.randomUUID() + "/files/" + fileId)
				.with(as(this.officer)))
			.andExpect(status().isNotFound());
		assertThat(this.jdbc.sql("select count(*) from audit_entry where action = 'DOCUMENT_VIEWED' and target_id = ?")
			.param(fileId)
			.query(Long.class)
			.single()).isZero();
	}

	private RequestPostProcessor as(UserAccount user) {
		return authentication(this.fixtures.signedIn(user));
	}

	private static Obligations.Upload upload(String name, String text) {
		return new Obligations.Upload(name, "text/plain", new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8)));
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}
