package jp.itaku.platform;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jp.itaku.account.ApiTokens;
import jp.itaku.account.UserAccount;
import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationStatus;
import jp.itaku.obligation.Obligations;
import jp.itaku.obligation.Submission;
import jp.itaku.organisation.Organisation;
import jp.itaku.support.Fixtures;
import jp.itaku.support.TestMailServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent and repeated writes against a real servlet container, many requests at the
 * same moment: the losers of a race answer 409 with a problem, never 500; one API token
 * serves any number of parallel requests; a create form posted twice and an API POST
 * repeated with its {@code Idempotency-Key}, also at the same moment, create one record
 * with one PDF, one set of obligations and one e-mail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Fixtures.class)
class ConcurrentRequestsIT {

	static final ServerSetup SMTP = TestMailServer.freeSmtp();

	@RegisterExtension
	static final GreenMailExtension mailServer = TestMailServer.greenMail(SMTP);

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern FORM_KEY = Pattern.compile("name=\"formKey\" value=\"([^\"]+)\"");

	private static final ExecutorService POOL = Executors.newFixedThreadPool(50);

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		TestMailServer.pointAt(registry, SMTP);
	}

	@AfterAll
	static void stopPool() {
		POOL.shutdownNow();
	}

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	Obligations obligations;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	Clock clock;

	UserAccount officer;

	UserAccount secadmin;

	UserAccount lead;

	Contract contract;

	@BeforeEach
	void contract() {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.officer = this.fixtures.user(client, Role.CLIENT_OFFICER);
		this.secadmin = this.fixtures.user(client, Role.CLIENT_SECURITY_ADMIN);
		this.lead = this.fixtures.user(contractor, Role.CONTRACTOR_LEAD);
		LocalDate today = ItakuTime.today(this.clock);
		this.contract = this.contracts.register(this.fixtures.actor(this.officer),
				this.fixtures.contractForm(contractor, "kadoma", today.minusMonths(1), Set.of()));
		mailServer.reset();
	}

	// --- conflicts
	// ------------------------------------------------------------------------

	@Test
	void twentyParallelReviewsOfOneSubmissionGiveOneSuccessAndNineteenConflicts() throws Exception {
		Submission submission = submitted(openObligation());
		String token = token(this.officer);
		List<HttpResponse<String>> answers = atOnce(20,
				(i) -> post(token, "/api/v1/submissions/" + submission.getId() + ((i % 2 == 0) ? "/accept" : "/return"),
						"{\"comment\":\"確認しました（" + i + "）\"}", Map.of()));

		assertThat(statuses(answers)).containsEntry(200, 1L).containsEntry(409, 19L).hasSize(2);
		answers.stream().filter((a) -> a.statusCode() == 409).forEach(this::assertConflictProblem);
		assertThat(this.jdbc
			.sql("select count(*) from audit_entry where action in ('SUBMISSION_ACCEPTED', 'SUBMISSION_RETURNED') "
					+ "and target_id = ?")
			.param(submission.getId().toString())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void parallelWaiversOfOneObligationGiveOneSuccessAndConflicts() throws Exception {
		Obligation obligation = openObligation();
		String token = token(this.officer);
		List<HttpResponse<String>> answers = atOnce(10, (i) -> post(token,
				"/api/v1/obligations/" + obligation.getId() + "/waive", "{\"reason\":\"該当なし（" + i + "）\"}", Map.of()));

		assertThat(statuses(answers)).containsEntry(200, 1L).containsEntry(409, 9L).hasSize(2);
		answers.stream().filter((a) -> a.statusCode() == 409).forEach(this::assertConflictProblem);
	}

	@Test
	void parallelSubmissionsToOneObligationGiveOneSubmissionAndConflicts() throws Exception {
		Obligation obligation = openObligation();
		String token = token(this.lead);
		List<HttpResponse<String>> answers = atOnce(10,
				(i) -> multipart(token, "/api/v1/obligations/" + obligation.getId() + "/submissions",
						"report-" + i + ".txt", ("報告書 " + i).getBytes(StandardCharsets.UTF_8)));

		assertThat(statuses(answers)).containsEntry(201, 1L).containsEntry(409, 9L).hasSize(2);
		answers.stream().filter((a) -> a.statusCode() == 409).forEach(this::assertConflictProblem);
		assertThat(this.jdbc.sql("select count(*) from submission where obligation_id = ?")
			.param(obligation.getId())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void parallelSubmissionsThroughThePageLeaveOneSubmissionAndShowTheOthersANotice() throws Exception {
		Obligation obligation = openObligation();
		String page = "/obligations/" + obligation.getId();
		List<HttpClient> browsers = new ArrayList<>();
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			HttpClient browser = signedIn(this.lead);
			Matcher csrf = CSRF.matcher(page(browser, page));
			assertThat(csrf.find()).isTrue();
			browsers.add(browser);
			tokens.add(csrf.group(1));
		}
		List<HttpResponse<String>> answers = atOnce(5, (i) -> {
			String boundary = "itaku-" + UUID.randomUUID();
			return send(browsers.get(i),
					request(page + "/submissions").header("Referer", "http://localhost:" + this.port + page)
						.header("Content-Type", "multipart/form-data; boundary=" + boundary)
						.POST(HttpRequest.BodyPublishers.ofByteArray(
								multipartBody(boundary, Map.of("_csrf", tokens.get(i), "comment", "提出（" + i + "）"),
										"report-" + i + ".txt", ("報告書 " + i).getBytes(StandardCharsets.UTF_8))))
						.build());
		});

		assertThat(statuses(answers)).containsOnlyKeys(302);
		assertThat(answers).allSatisfy((a) -> assertThat(a.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith(page)));
		assertThat(this.jdbc.sql("select count(*) from submission where obligation_id = ?")
			.param(obligation.getId())
			.query(Long.class)
			.single()).isEqualTo(1);
		List<String> shown = new ArrayList<>();
		for (HttpClient browser : browsers) {
			shown.add(page(browser, page));
		}
		assertThat(shown.stream().filter((p) -> p.contains("書面を提出しました"))).hasSize(1);
		assertThat(shown.stream()
			.filter((p) -> p.contains("id=\"conflict-notice\"")
					&& (p.contains("他の利用者がこの記録を先に変更しました") || p.contains("この記録の状態は既に変わっています"))))
			.hasSize(4);
	}

	// --- one token, many requests
	// ---------------------------------------------------------

	@Test
	void tenAndFiftyParallelRequestsWithOneTokenAllSucceed() throws Exception {
		String token = token(this.lead);
		for (int parallel : List.of(10, 50)) {
			List<HttpResponse<String>> answers = atOnce(parallel,
					(i) -> get(token, (i % 2 == 0) ? "/api/v1/me" : "/api/v1/contracts"));
			assertThat(statuses(answers)).as("%d parallel requests", parallel).containsOnlyKeys(200);
		}
		assertThat(this.jdbc.sql("select last_used_at from api_token where user_id = ?")
			.param(this.lead.getId())
			.query(java.sql.Timestamp.class)
			.single()).isNotNull();
	}

	// --- idempotency
	// ----------------------------------------------------------------------

	@Test
	void anIncidentFormPostedTwiceCreatesOneIncidentWithOnePdfOneSetOfObligationsAndOneMail() throws Exception {
		HttpClient browser = signedIn(this.lead);
		String form = page(browser, "/contracts/" + this.contract.getId() + "/incidents/new");
		String body = incidentForm(form);

		HttpResponse<String> first = send(browser,
				formPost("/contracts/" + this.contract.getId() + "/incidents", body));
		assertThat(first.statusCode()).isEqualTo(302);
		String location = first.headers().firstValue("Location").orElseThrow();
		assertThat(location).contains("/incidents/");
		String incident = "/incidents/" + location.substring(location.lastIndexOf('/') + 1);
		assertThat(page(browser, incident)).doesNotContain("既に送信されています");

		// The same form sent again (the back button, a reload): the first incident is
		// shown.
		HttpResponse<String> second = send(browser,
				formPost("/contracts/" + this.contract.getId() + "/incidents", body));
		assertThat(second.statusCode()).isEqualTo(302);
		assertThat(second.headers().firstValue("Location")).contains(location);
		assertThat(page(browser, incident)).contains("既に送信されています");
		assertOneIncidentWithOneReport(1);
	}

	@Test
	void aFormWithErrorsIsShownAgainAndItsKeyStaysUnusedUntilThePostSucceeds() throws Exception {
		HttpClient browser = signedIn(this.lead);
		String valid = incidentForm(page(browser, "/contracts/" + this.contract.getId() + "/incidents/new"));
		String withoutCategory = valid.replace("category=LEAK", "category=");

		HttpResponse<String> refused = send(browser,
				formPost("/contracts/" + this.contract.getId() + "/incidents", withoutCategory));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("事象の種類を選んでください。");
		assertThat(incidents()).isZero();

		HttpResponse<String> corrected = send(browser,
				formPost("/contracts/" + this.contract.getId() + "/incidents", valid));
		assertThat(corrected.statusCode()).isEqualTo(302);
		assertOneIncidentWithOneReport(1);
	}

	@Test
	void anIncidentFormPostedTwiceAtTheSameMomentCreatesOneIncident() throws Exception {
		HttpClient browser = signedIn(this.lead);
		String body = incidentForm(page(browser, "/contracts/" + this.contract.getId() + "/incidents/new"));

		List<HttpResponse<String>> answers = atOnce(2,
				(i) -> send(browser, formPost("/contracts/" + this.contract.getId() + "/incidents", body)));

		assertThat(statuses(answers)).containsOnlyKeys(302);
		assertThat(answers.stream().map((a) -> a.headers().firstValue("Location").orElseThrow()).distinct()).hasSize(1);
		assertOneIncidentWithOneReport(1);
	}

	@Test
	void anApiPostRepeatedWithTheSameIdempotencyKeyCreatesOneIncidentAndGetsTheFirstAnswer() throws Exception {
		String token = token(this.lead);
		String key = UUID.randomUUID().toString();
		String path = "/api/v1/contracts/" + this.contract.getId() + "/incidents";

		HttpResponse<String> first = post(token, path, incidentJson("窓口カウンター"), Map.of("Idempotency-Key", key));
		HttpResponse<String> second = post(token, path, incidentJson("窓口カウンター"), Map.of("Idempotency-Key", key));

		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(second.statusCode()).isEqualTo(201);
		assertThat(second.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
		assertThat(second.headers().firstValue("Idempotent-Replayed")).contains("true");
		assertThat(this.json.readTree(second.body())).isEqualTo(this.json.readTree(first.body()));
		assertOneIncidentWithOneReport(1);

		HttpResponse<String> other = post(token, path, incidentJson("書庫"), Map.of("Idempotency-Key", key));
		assertThat(other.statusCode()).isEqualTo(422);
		assertThat(other.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(this.json.readTree(other.body()).get("errors").get(0).get("field").asString())
			.isEqualTo("Idempotency-Key");
		assertOneIncidentWithOneReport(1);

		// Another key is another incident.
		assertThat(post(token, path, incidentJson("窓口カウンター"), Map.of("Idempotency-Key", key + "-2")).statusCode())
			.isEqualTo(201);
		assertThat(incidents()).isEqualTo(2);
	}

	@Test
	void twoApiPostsWithTheSameIdempotencyKeyAtTheSameMomentCreateOneIncident() throws Exception {
		String token = token(this.lead);
		String key = UUID.randomUUID().toString();
		String path = "/api/v1/contracts/" + this.contract.getId() + "/incidents";

		List<HttpResponse<String>> answers = atOnce(2,
				(i) -> post(token, path, incidentJson("窓口カウンター"), Map.of("Idempotency-Key", key)));

		assertThat(statuses(answers)).containsOnlyKeys(201);
		assertThat(answers.stream().map((a) -> a.headers().firstValue("Location").orElseThrow()).distinct()).hasSize(1);
		assertOneIncidentWithOneReport(1);
	}

	@Test
	void theNationalityIsLeftOutOfTheRequestFingerprintKeptInTheDatabase() throws Exception {
		String token = token(this.lead);
		String key = UUID.randomUUID().toString();
		String path = "/api/v1/contracts/" + this.contract.getId() + "/roster";
		String member = "{\"name\":\"門真 一郎\",\"affiliation\":\"入力課\",\"role\":\"WORKER\"," + "\"periodStart\":\""
				+ ItakuTime.today(this.clock) + "\",\"nationality\":\"%s\"}";

		HttpResponse<String> first = post(token, path, member.formatted("日本"), Map.of("Idempotency-Key", key));
		HttpResponse<String> otherNationality = post(token, path, member.formatted("ベトナム"),
				Map.of("Idempotency-Key", key));
		HttpResponse<String> otherName = post(token, path, member.formatted("日本").replace("門真 一郎", "門真 二郎"),
				Map.of("Idempotency-Key", key));

		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(otherNationality.statusCode()).isEqualTo(201);
		assertThat(otherNationality.headers().firstValue("Idempotent-Replayed")).contains("true");
		assertThat(otherName.statusCode()).isEqualTo(422);
		assertThat(this.jdbc.sql("select count(*) from roster_member where contract_id = ?")
			.param(this.contract.getId())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anExpiredKeyIsAFreshKey() throws Exception {
		String token = token(this.lead);
		String key = UUID.randomUUID().toString();
		this.jdbc.sql("""
				insert into idempotent_request (user_id, idempotency_key, request_hash, status, location, created_at)
				values (?, ?, 'an older request', 201, '/api/v1/incidents/older', now() - interval '25 hours')
				""").param(this.lead.getId()).param(key).update();

		HttpResponse<String> answer = post(token, "/api/v1/contracts/" + this.contract.getId() + "/incidents",
				incidentJson("窓口カウンター"), Map.of("Idempotency-Key", key));

		assertThat(answer.statusCode()).isEqualTo(201);
		assertThat(answer.headers().firstValue("Idempotent-Replayed")).isEmpty();
		assertThat(answer.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).doesNotEndWith("/older"));
		assertThat(incidents()).isEqualTo(1);
	}

	@Test
	void withoutAKeyTwoPostsAreTwoIncidents() throws Exception {
		String token = token(this.lead);
		String path = "/api/v1/contracts/" + this.contract.getId() + "/incidents";
		assertThat(post(token, path, incidentJson("窓口カウンター"), Map.of()).statusCode()).isEqualTo(201);
		assertThat(post(token, path, incidentJson("窓口カウンター"), Map.of()).statusCode()).isEqualTo(201);
		assertThat(incidents()).isEqualTo(2);
	}

	// --- helpers
	// --------------------------------------------------------------------------

	private void assertOneIncidentWithOneReport(int securityAdministrators) throws Exception {
		assertThat(incidents()).isEqualTo(1);
		UUID incident = this.jdbc.sql("select id from incident where contract_id = ?")
			.param(this.contract.getId())
			.query(UUID.class)
			.single();
		assertThat(
				this.jdbc.sql("select count(*) from audit_entry where action = 'INCIDENT_REPORTED' and target_id = ?")
					.param(incident.toString())
					.query(Long.class)
					.single())
			.isEqualTo(1);
		// One set of obligations, one submission of the one report.
		List<UUID> raised = this.jdbc
			.sql("select id from obligation where contract_id = ? and source like 'Incident:%'")
			.param(this.contract.getId())
			.query(UUID.class)
			.list();
		assertThat(raised).isNotEmpty();
		assertThat(this.jdbc
			.sql("select distinct source from obligation where contract_id = ? and source like 'Incident:%'")
			.param(this.contract.getId())
			.query(String.class)
			.list()).containsExactly("Incident:" + incident);
		assertThat(this.jdbc
			.sql("select count(*) from submission s join obligation o on o.id = s.obligation_id "
					+ "where o.contract_id = ? and o.source like 'Incident:%'")
			.param(this.contract.getId())
			.query(Long.class)
			.single()).isEqualTo(1);
		// One mail to the client's security administrator (sent after commit,
		// asynchronously); a second one would arrive within the half second after it.
		TestMailServer.awaitMails(mailServer, securityAdministrators,
				(message) -> TestMailServer.to(message).equals(this.secadmin.getEmail()));
		Thread.sleep(500);
		assertThat(mailServer.getReceivedMessagesForDomain(this.secadmin.getEmail())).hasSize(securityAdministrators);
	}

	private long incidents() {
		return this.jdbc.sql("select count(*) from incident where contract_id = ?")
			.param(this.contract.getId())
			.query(Long.class)
			.single();
	}

	private Obligation openObligation() {
		return this.obligations.forContract(this.fixtures.actor(this.officer), this.contract.getId())
			.stream()
			.filter((o) -> o.getStatus() == ObligationStatus.OPEN)
			.findFirst()
			.orElseThrow();
	}

	private Submission submitted(Obligation obligation) {
		return this.obligations.submit(this.fixtures.actor(this.lead), obligation.getId(), "提出します。",
				List.of(new Obligations.Upload("report.txt", "text/plain",
						new ByteArrayResource("報告書".getBytes(StandardCharsets.UTF_8)))));
	}

	private String token(UserAccount user) {
		return this.tokens.issue(this.fixtures.actor(user), "concurrency", 1).value();
	}

	private String incidentJson(String location) {
		String detected = ItakuTime.inTokyo(Instant.now(this.clock).minusSeconds(1800))
			.toLocalDateTime()
			.withNano(0)
			.withSecond(0)
			.toString();
		return """
				{"category":"LEAK","suspected":false,"detectedAt":"%s","location":"%s",
				 "description":"交付予約者一覧を印刷した紙1枚を来庁者に誤って渡した。","information":"氏名、予約日時",
				 "recordCount":32,"containment":"来庁者から回収した。"}
				""".formatted(detected, location);
	}

	private String incidentForm(String page) {
		Matcher csrf = CSRF.matcher(page);
		Matcher key = FORM_KEY.matcher(page);
		assertThat(csrf.find()).isTrue();
		assertThat(key.find()).as("the form carries its one-time key").isTrue();
		String detected = ItakuTime.inTokyo(Instant.now(this.clock).minusSeconds(1800))
			.toLocalDateTime()
			.withNano(0)
			.withSecond(0)
			.toString();
		return form(Map.of("_csrf", csrf.group(1), "formKey", key.group(1), "category", "LEAK", "detectedAt", detected,
				"location", "窓口カウンター", "description", "交付予約者一覧を印刷した紙1枚を来庁者に誤って渡した。", "recordCount", "32", "containment",
				"来庁者から回収した。"));
	}

	private HttpClient signedIn(UserAccount user) throws Exception {
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		Matcher csrf = CSRF.matcher(page(client, "/login"));
		assertThat(csrf.find()).isTrue();
		HttpResponse<String> login = send(client, formPost("/login",
				form(Map.of("username", user.getUsername(), "password", Fixtures.PASSWORD, "_csrf", csrf.group(1)))));
		assertThat(login.statusCode()).isEqualTo(302);
		return client;
	}

	private String page(HttpClient client, String path) throws Exception {
		HttpResponse<String> answer = send(client, request(path).GET().build());
		assertThat(answer.statusCode()).as(path).isEqualTo(200);
		return answer.body();
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private HttpRequest formPost(String path, String body) {
		return request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private HttpResponse<String> get(String token, String path) throws Exception {
		return send(HttpClient.newHttpClient(), request(path).header("Authorization", "Bearer " + token).GET().build());
	}

	private HttpResponse<String> post(String token, String path, String body, Map<String, String> headers)
			throws Exception {
		HttpRequest.Builder builder = request(path).header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(builder::header);
		return send(HttpClient.newHttpClient(), builder.build());
	}

	private HttpResponse<String> multipart(String token, String path, String fileName, byte[] content)
			throws Exception {
		String boundary = "itaku-" + UUID.randomUUID();
		return send(HttpClient.newHttpClient(),
				request(path).header("Authorization", "Bearer " + token)
					.header("Content-Type", "multipart/form-data; boundary=" + boundary)
					.POST(HttpRequest.BodyPublishers.ofByteArray(multipartBody(boundary, Map.of(), fileName, content)))
					.build());
	}

	private static byte[] multipartBody(String boundary, Map<String, String> fields, String fileName, byte[] content) {
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		fields.forEach((name, value) -> body.writeBytes(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
					.getBytes(StandardCharsets.UTF_8)));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: text/plain\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
		return client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(60));
	}

	private void assertConflictProblem(HttpResponse<String> answer) {
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = this.json.readTree(answer.body());
		assertThat(problem.get("status").asInt()).isEqualTo(409);
		assertThat(problem.get("detail").asString()).containsAnyOf("他の利用者", "状態は既に変わっています");
	}

	private static Map<Integer, Long> statuses(List<HttpResponse<String>> answers) {
		return answers.stream().collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
	}

	/**
	 * Sends n requests released at the same moment and waits for all answers.
	 */
	private static List<HttpResponse<String>> atOnce(int n, Request request) throws Exception {
		CyclicBarrier start = new CyclicBarrier(n);
		List<Future<HttpResponse<String>>> futures = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			int index = i;
			Callable<HttpResponse<String>> call = () -> {
				start.await(30, TimeUnit.SECONDS);
				return request.send(index);
			};
			futures.add(POOL.submit(call));
		}
		List<HttpResponse<String>> answers = new ArrayList<>();
		for (Future<HttpResponse<String>> future : futures) {
			answers.add(future.get(120, TimeUnit.SECONDS));
		}
		return answers;
	}

	@FunctionalInterface
	private interface Request {

		HttpResponse<String> send(int index) throws Exception;

	}

}
