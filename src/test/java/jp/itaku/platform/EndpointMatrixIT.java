package jp.itaku.platform;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import jp.itaku.account.SignIn;
import jp.itaku.account.StepAuthentication;
import jp.itaku.support.TestIdentityProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * The authorisation matrix, and the guard that no endpoint escapes it: every request
 * mapping Spring knows (read from {@link RequestMappingHandlerMapping}, so a new
 * controller method is found without being listed anywhere) must have a row in
 * {@code src/test/resources/security/endpoint-matrix.txt} saying what each of the demo's
 * eight accounts gets — system administrator, client security administrator, client
 * officer, auditor, contractor lead, worker, another contractor's lead and a
 * subcontractor's lead. Each row is then requested as each of them against the demo data
 * (the same organisations, contracts and records `mvn spring-boot:run` shows), each
 * request in a transaction that is rolled back, so that every account meets the same
 * world. An invisible record answers exactly as a random id does, and no answer shows a
 * raw message placeholder. An officer of the same client provisioned through single
 * sign-on (issue 22: signed in at the test provider bound to the demo's client, through
 * the whole authorization code flow, with the authentication that flow left in their
 * session) must get every row as the local {@code officer} does.
 *
 * <p>
 * Cells: {@code ok} (2xx or 3xx: allowed and done), {@code bad} (allowed, but the empty
 * request was refused as bad input or a wrong state: 400, 409), {@code 403} (refused: the
 * role may not), {@code 404} (refused: the record is not the account's to see). To record
 * what the application answers today, run with {@code -Dmatrix.record=true}: the table is
 * written to {@code target/endpoint-matrix.txt} — review each row before copying it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestPropertySource(properties = { "itaku.demo.enabled=true", "itaku.demo.password=Demo-Itaku-Kanri-2026",
		"itaku.security.totp.required-roles=" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointMatrixIT {

	static final String MATRIX = "/security/endpoint-matrix.txt";

	static final List<String> ACCOUNTS = List.of("admin", "secadmin", "officer", "auditor", "lead", "worker", "lead2",
			"sublead");

	/** The officer provisioned through single sign-on, compared with {@code officer}. */
	static final String SSO_OFFICER = "sso-officer";

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)\\}");

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SignIn signIn;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	FindByIndexNameSessionRepository<? extends Session> sessions;

	@Value("${itaku.test.oidc-port}")
	int oidcPort;

	Map<String, StepAuthentication> accounts = new LinkedHashMap<>();

	Map<String, Endpoint> endpoints = new TreeMap<>();

	Map<String, String> ids = new LinkedHashMap<>();

	/** The audit entries the last request added, counted inside its transaction. */
	long lastAudited;

	/** The flash attributes the last request left for the next page. */
	Map<String, Object> lastFlash = Map.of();

	/**
	 * Requests that change nothing the audit trail records even when they succeed, each
	 * with the reason. Every other successful POST, PUT, PATCH or DELETE must add an
	 * audit entry.
	 */
	static final Map<String, String> UNAUDITED = Map.ofEntries(
			Map.entry("POST /account/calendar-feed/revoke", "with no active feed there is nothing to revoke"),
			Map.entry("POST /account/totp", "starts an enrolment kept in the session until the first code"),
			Map.entry("POST /account/totp/done", "leaves the page that showed the recovery codes once"),
			Map.entry("POST /audit/verify", "reads the chain and reports; it changes nothing"),
			Map.entry("POST /contracts/{id}/roster/import/cancel",
					"drops a staged import kept in the session; nothing was stored"),
			Map.entry("POST /mailbox/read", "marks the user's own in-app notices read; nothing else changes"),
			Map.entry("POST /session/extend",
					"the idle-timeout warning's 延長する: only the session's last access changes"));

	@BeforeAll
	void world() throws Exception {
		for (String username : ACCOUNTS) {
			UUID id = this.jdbc.sql("select id from user_account where username = ?")
				.param(username)
				.query(UUID.class)
				.single();
			this.accounts.put(username, this.signIn.completeAuthenticationOf(id).orElseThrow());
		}
		this.accounts.put(SSO_OFFICER, signInThroughProvider());
		this.mappings.getHandlerMethods().forEach((info, handler) -> {
			for (String path : paths(info)) {
				for (HttpMethod method : methods(info)) {
					Endpoint endpoint = new Endpoint(method, path, handler);
					// One path and method served by several handlers (by content type):
					// the same one on every run, the first by its signature.
					this.endpoints.merge(endpoint.key(), endpoint,
							(a, b) -> (a.handler().toString().compareTo(b.handler().toString()) <= 0) ? a : b);
				}
			}
		});
		this.ids.putAll(DemoRecords.ids(this.jdbc));
	}

	/**
	 * Provisions an officer of the demo's client through single sign-on, the way a
	 * browser does: Itaku's authorization request, the provider's login form (groups
	 * mapped to the officer's role), Itaku's redirect endpoint.
	 * @return the authentication the sign-in left in the officer's session
	 */
	private StepAuthentication signInThroughProvider() throws Exception {
		TestIdentityProvider provider = TestIdentityProvider.on(this.oidcPort);
		MvcResult authorization = this.mvc.perform(get("/oauth2/authorization/setagaya")).andReturn();
		// Spring Session's cookie: ITAKU_SESSION on a server, its default name under
		// MockMvc.
		Cookie session = Arrays.stream(authorization.getResponse().getCookies())
			.filter((cookie) -> cookie.getName().endsWith("SESSION"))
			.findFirst()
			.orElse(null);
		assertThat(session).as("the session holding the authorization request").isNotNull();
		String subject = "matrix-officer-" + UUID.randomUUID();
		String callback = provider.signIn(authorization.getResponse().getRedirectedUrl(), subject,
				"{\"groups\": [\"all-staff\", \"itaku-officers\"], \"amr\": [\"mfa\"], \"name\": \"SSO 担当職員\"}");
		assertThat(this.mvc.perform(get(URI.create(callback)).cookie(session))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).isEqualTo("/");
		Map<String, Object> provisioned = this.jdbc
			.sql("select u.username, u.role, u.organisation_id, o.organisation_id as officers_organisation"
					+ " from sso_identity i join user_account u on u.id = i.user_id,"
					+ " (select organisation_id from user_account where username = 'officer') o"
					+ " where i.provider = 'setagaya' and i.subject = ?")
			.param(subject)
			.query()
			.singleRow();
		assertThat(provisioned.get("role")).isEqualTo("CLIENT_OFFICER");
		assertThat(provisioned.get("organisation_id")).isEqualTo(provisioned.get("officers_organisation"));
		Session signedIn = this.sessions.findByPrincipalName((String) provisioned.get("username"))
			.values()
			.iterator()
			.next();
		SecurityContext context = signedIn
			.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		assertThat(context.getAuthentication().getAuthorities()).extracting((authority) -> authority.getAuthority())
			.contains(CurrentActor.FULLY_SIGNED_IN);
		return (StepAuthentication) context.getAuthentication();
	}

	private static List<String> paths(RequestMappingInfo info) {
		return (info.getPathPatternsCondition() != null)
				? new ArrayList<>(info.getPathPatternsCondition().getPatternValues())
				: new ArrayList<>(info.getPatternValues());
	}

	private static List<HttpMethod> methods(RequestMappingInfo info) {
		var declared = info.getMethodsCondition().getMethods();
		if (declared.isEmpty()) {
			return List.of(HttpMethod.GET);
		}
		return declared.stream().map((m) -> HttpMethod.valueOf(m.name())).sorted().toList();
	}

	@Test
	void everyEndpointIsInTheMatrixAndEveryAccountGetsWhatItSays() throws Exception {
		Map<String, Row> matrix = Row.read();
		boolean record = Boolean.getBoolean("matrix.record");
		List<String> missing = new ArrayList<>(new TreeSet<>(this.endpoints.keySet()));
		missing.removeAll(matrix.keySet());
		List<String> gone = new ArrayList<>(matrix.keySet());
		gone.removeAll(this.endpoints.keySet());
		if (!record) {
			assertThat(missing)
				.as("Endpoints missing from the authorisation matrix (%s). Add a row per endpoint:"
						+ " METHOD PATH then one cell for each of %s (ok, bad, 403, 404)", MATRIX, ACCOUNTS)
				.isEmpty();
			assertThat(gone).as("Rows of %s for endpoints that no longer exist", MATRIX).isEmpty();
		}
		StringBuilder recorded = new StringBuilder();
		List<String> wrong = new ArrayList<>();
		List<String> unaudited = new ArrayList<>();
		int requests = 0;
		int changes = 0;
		int audited = 0;
		for (Endpoint endpoint : this.endpoints.values()) {
			Row row = matrix.get(endpoint.key());
			String body = (row != null && row.body() != null) ? resolve(row.body()) : null;
			List<String> cells = new ArrayList<>();
			Map<String, MockHttpServletResponse> answers = new LinkedHashMap<>();
			for (String account : ACCOUNTS) {
				MockHttpServletResponse response = perform(endpoint, account, endpoint.path(this::id), body);
				requests++;
				answers.put(account, response);
				if (changed(endpoint, response, this.lastFlash)) {
					changes++;
					if (this.lastAudited > 0) {
						audited++;
					}
					else if (!UNAUDITED.containsKey(endpoint.key())) {
						unaudited.add(endpoint.key() + " as " + account + " answered " + response.getStatus()
								+ " and wrote no audit entry");
					}
				}
				cells.add(cell(response.getStatus()));
				String text = response.getContentAsString(StandardCharsets.UTF_8);
				if (text.contains("{0}") || text.contains("{1}")) {
					wrong.add(endpoint.key() + " as " + account + ": 5xx-like defect, a raw message placeholder");
				}
			}
			// The officer provisioned through single sign-on gets what the local officer
			// gets.
			MockHttpServletResponse sso = perform(endpoint, SSO_OFFICER, endpoint.path(this::id), body);
			requests++;
			String officer = cells.get(ACCOUNTS.indexOf("officer"));
			if (!allowance(List.of(cell(sso.getStatus()))).equals(allowance(List.of(officer)))
					|| sso.getStatus() >= 500) {
				wrong.add(endpoint.key() + ": the SSO-provisioned officer got " + cell(sso.getStatus()) + " ("
						+ sso.getStatus() + ") but the local officer " + officer);
			}
			// An invisible record answers exactly as a record that does not exist.
			if (endpoint.hasVariables() && cells.get(ACCOUNTS.indexOf("lead2")).equals("404")) {
				MockHttpServletResponse random = perform(endpoint, "lead2",
						endpoint.path((name) -> isUuid(id(name)) ? UUID.randomUUID().toString() : id(name)), body);
				requests++;
				MockHttpServletResponse invisible = answers.get("lead2");
				if (random.getStatus() != invisible.getStatus() || !detail(random).equals(detail(invisible))) {
					wrong.add(endpoint.key() + ": an invisible record answers " + invisible.getStatus() + " "
							+ detail(invisible) + " but a random id " + random.getStatus() + " " + detail(random));
				}
			}
			recorded.append(String.format("%-6s %-70s %s%s%n", endpoint.method().name(), endpoint.path(),
					String.join(" ", cells), (body != null) ? " | " + body : ""));
			if (row != null && !allowance(row.cells()).equals(allowance(cells))) {
				List<String> differences = new ArrayList<>();
				for (int i = 0; i < ACCOUNTS.size(); i++) {
					if (!allowance(List.of(row.cells().get(i))).equals(allowance(List.of(cells.get(i))))) {
						differences.add(ACCOUNTS.get(i) + " expected " + row.cells().get(i) + " but got " + cells.get(i)
								+ " (" + answers.get(ACCOUNTS.get(i)).getStatus() + ")");
					}
				}
				wrong.add(endpoint.key() + ": " + String.join(", ", differences));
			}
			for (String account : ACCOUNTS) {
				if (answers.get(account).getStatus() >= 500) {
					wrong.add(endpoint.key() + " as " + account + ": " + answers.get(account).getStatus());
				}
			}
		}
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/endpoint-matrix.txt"), recorded.toString(), StandardCharsets.UTF_8);
		org.slf4j.LoggerFactory.getLogger(EndpointMatrixIT.class)
			.info("Authorisation matrix: {} requests, {} of {} endpoints covered", requests,
					this.endpoints.size() - missing.size(), this.endpoints.size());
		org.slf4j.LoggerFactory.getLogger(EndpointMatrixIT.class)
			.info("Audit: {} of {} successful changing requests wrote an audit entry ({} allowed not to)", audited,
					changes, changes - audited - unaudited.size());
		assertThat(wrong).as("Answers that differ from %s, or failed", MATRIX)
			.allMatch((line) -> record && !line.contains(": 5"));
		assertThat(unaudited)
			.as("Successful changes that left no audit entry (AuditTrail.record in the service,"
					+ " or a reason in UNAUDITED)")
			.isEmpty();
	}

	/**
	 * Returns whether a request changed something: a POST, PUT, PATCH or DELETE that
	 * succeeded — a 2xx answer from the API, a redirect from a page without an error for
	 * the next page (a page that fails shows the form again with 200, or redirects with
	 * its errors in the flash).
	 */
	private static boolean changed(Endpoint endpoint, MockHttpServletResponse response, Map<String, Object> flash) {
		if (endpoint.method() == HttpMethod.GET || endpoint.method() == HttpMethod.HEAD
				|| endpoint.method() == HttpMethod.OPTIONS) {
			return false;
		}
		int status = response.getStatus();
		if (endpoint.api()) {
			return status >= 200 && status < 300;
		}
		return status >= 300 && status < 400 && !flash.containsKey("actionErrors") && !flash.containsKey("tokenErrors")
				&& !flash.containsKey("failedTarget") && !flash.containsKey("conflict");
	}

	/**
	 * The bad-input half, generated over the same endpoint list: a NUL, a
	 * 100,000-character string and the year 0001 in every text and date field of every
	 * API request body (found by reflection, nested lists included) and every text and
	 * date parameter are answered 400 with problem details, whoever sends them.
	 */
	@Test
	void everyTextAndDateFieldOfTheApiRefusesNulHugeTextAndYearOne() throws Exception {
		List<String> wrong = new ArrayList<>();
		int requests = 0;
		String huge = "あ".repeat(100_000);
		for (Endpoint endpoint : this.endpoints.values()) {
			if (!endpoint.api()) {
				continue;
			}
			String path = endpoint.path(this::id);
			for (BadInput.Case bad : BadInput.cases(endpoint.handler(), huge)) {
				MockHttpServletResponse response = perform(endpoint, "admin", path, null, bad);
				requests++;
				if (response.getStatus() != 400
						|| !String.valueOf(response.getContentType()).startsWith("application/problem+json")) {
					wrong.add(endpoint.key() + " " + bad + ": " + response.getStatus() + " "
							+ response.getContentAsString(StandardCharsets.UTF_8)
								.substring(0,
										Math.min(200, response.getContentAsString(StandardCharsets.UTF_8).length())));
				}
			}
		}
		org.slf4j.LoggerFactory.getLogger(EndpointMatrixIT.class).info("Bad input: {} requests", requests);
		assertThat(requests).isGreaterThan(100);
		assertThat(wrong).as("Bad input that was not answered 400 problem+json").isEmpty();
	}

	/** A row's body with each {@code {record}} replaced by the demo's record. */
	private String resolve(String body) {
		Matcher variable = Pattern.compile("\\{([a-z@-]+)\\}").matcher(body);
		StringBuilder out = new StringBuilder();
		while (variable.find()) {
			variable.appendReplacement(out, Matcher.quoteReplacement(id(variable.group(1))));
		}
		variable.appendTail(out);
		return out.toString();
	}

	private String id(String variable) {
		String id = this.ids.get(variable);
		if (id == null && variable.contains("@")) {
			id = this.ids.get(variable.substring(0, variable.indexOf('@')));
		}
		assertThat(id).as("No demo record for the path variable %s: add it to DemoRecords", variable).isNotNull();
		return id;
	}

	private static boolean isUuid(String text) {
		try {
			UUID.fromString(text);
			return text.length() == 36;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static String detail(MockHttpServletResponse response) throws IOException {
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		Matcher json = Pattern.compile("\"detail\"\\s*:\\s*\"([^\"]*)\"").matcher(body);
		if (json.find()) {
			return json.group(1);
		}
		Matcher page = Pattern.compile("<section class=\"narrow\">(.*?)</section>", Pattern.DOTALL).matcher(body);
		return page.find() ? page.group(1).replaceAll("\\s+", " ") : body;
	}

	/**
	 * What the matrix asserts: exactly who is refused and how (403, 404); {@code ok} and
	 * {@code bad} both mean allowed (the record's state in the demo, not the rights,
	 * decides between them, and the file keeps what was recorded for the reader).
	 */
	static List<String> allowance(List<String> cells) {
		return cells.stream().map((c) -> c.equals("bad") ? "ok" : c).toList();
	}

	static String cell(int status) {
		if (status < 400) {
			return "ok";
		}
		return switch (status) {
			case 400, 409, 413, 415, 422 -> "bad";
			default -> Integer.toString(status);
		};
	}

	private long auditCount() {
		return this.jdbc.sql("select coalesce(max(seq), 0) from audit_entry").query(Long.class).single();
	}

	MockHttpServletResponse perform(Endpoint endpoint, String account, String path, String body) {
		return perform(endpoint, account, path, body, null);
	}

	MockHttpServletResponse perform(Endpoint endpoint, String account, String path, String body, BadInput.Case bad) {
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		return transaction.execute((status) -> {
			status.setRollbackOnly();
			long before = auditCount();
			try {
				AbstractMockHttpServletRequestBuilder<?> request = endpoint.toRequest(path,
						(bad != null && bad.body() != null) ? bad.body() : body);
				if (bad != null && bad.parameter() != null) {
					request.param(bad.parameter(), bad.value());
				}
				MvcResult result = this.mvc.perform(request.with(authentication(this.accounts.get(account))))
					.andReturn();
				this.lastAudited = auditCount() - before;
				this.lastFlash = result.getFlashMap();
				return result.getResponse();
			}
			catch (Exception ex) {
				// An exception nothing answered would reach the servlet container as a
				// 500.
				MockHttpServletResponse failed = new MockHttpServletResponse();
				failed.setStatus(500);
				org.slf4j.LoggerFactory.getLogger(EndpointMatrixIT.class)
					.warn("{} as {} failed", endpoint.key(), account, ex);
				return failed;
			}
		});
	}

	/**
	 * One request mapping: method and path pattern.
	 *
	 * @param method the method
	 * @param path the pattern
	 * @param handler the controller method
	 */
	record Endpoint(HttpMethod method, String path, HandlerMethod handler) {

		String key() {
			return this.method.name() + " " + this.path;
		}

		boolean hasVariables() {
			return VARIABLE.matcher(this.path).find();
		}

		boolean api() {
			return this.path.startsWith("/api/");
		}

		boolean multipartBody() {
			for (MethodParameter parameter : this.handler.getMethodParameters()) {
				Class<?> type = parameter.getParameterType();
				if (MultipartFile.class.isAssignableFrom(type) || parameter.hasParameterAnnotation(RequestPart.class)
						|| (List.class.isAssignableFrom(type) && parameter.getGenericParameterType()
							.getTypeName()
							.contains(MultipartFile.class.getName()))) {
					return true;
				}
			}
			return false;
		}

		boolean jsonBody() {
			for (MethodParameter parameter : this.handler.getMethodParameters()) {
				if (parameter.hasParameterAnnotation(RequestBody.class)) {
					return true;
				}
			}
			return false;
		}

		/** The path with each variable replaced by the record it names. */
		String path(Function<String, String> ids) {
			String segmentBefore = "";
			StringBuilder out = new StringBuilder();
			for (String segment : this.path.split("/")) {
				if (segment.isEmpty()) {
					continue;
				}
				out.append('/');
				Matcher variable = VARIABLE.matcher(segment);
				StringBuilder replaced = new StringBuilder();
				while (variable.find()) {
					String name = variable.group(1);
					String key = name.equals("id") ? segmentBefore : name + "@" + segmentBefore;
					variable.appendReplacement(replaced, Matcher.quoteReplacement(ids.apply(key)));
				}
				variable.appendTail(replaced);
				out.append(replaced);
				if (!VARIABLE.matcher(segment).find()) {
					segmentBefore = segment;
				}
			}
			return out.toString();
		}

		AbstractMockHttpServletRequestBuilder<?> toRequest(String path, String body) {
			boolean write = this.method != HttpMethod.GET && this.method != HttpMethod.HEAD;
			if (write && multipartBody()) {
				MockMultipartHttpServletRequestBuilder multipart = multipart(this.method, path);
				if (!this.api()) {
					multipart.with(csrf());
				}
				return multipart;
			}
			MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(this.method, path);
			if (!write) {
				if (body != null) {
					params(request, body);
				}
				return request;
			}
			if (this.api()) {
				return request.contentType(MediaType.APPLICATION_JSON)
					.content((body != null) ? body : (jsonBody() ? "{}" : ""));
			}
			request.contentType(MediaType.APPLICATION_FORM_URLENCODED).with(csrf());
			if (body != null) {
				params(request, body);
			}
			return request;
		}

		private static void params(MockHttpServletRequestBuilder request, String body) {
			for (String pair : body.split("&")) {
				String[] parts = pair.split("=", 2);
				request.param(parts[0], (parts.length > 1) ? parts[1] : "");
			}
		}

	}

	/**
	 * A row of the matrix: what each account gets, and the body to send if the empty one
	 * would be refused before the authorisation is reached.
	 *
	 * @param cells one per account, in the order of {@link EndpointMatrixIT#ACCOUNTS}
	 * @param body a JSON body (API) or form fields {@code a=b&c=d} (pages), or
	 * {@code null}
	 */
	record Row(List<String> cells, String body) {

		static Map<String, Row> read() throws IOException {
			Map<String, Row> rows = new TreeMap<>();
			try (InputStream in = EndpointMatrixIT.class.getResourceAsStream(MATRIX)) {
				assertThat(in).as(MATRIX).isNotNull();
				int number = 0;
				for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
					number++;
					String text = line.strip();
					if (text.isEmpty() || text.startsWith("#")) {
						continue;
					}
					String body = null;
					int bar = text.indexOf(" | ");
					if (bar >= 0) {
						body = text.substring(bar + 3).strip();
						text = text.substring(0, bar).strip();
					}
					String[] parts = text.split("\\s+");
					assertThat(parts).as("%s line %d: METHOD PATH and %d cells", MATRIX, number, ACCOUNTS.size())
						.hasSize(2 + ACCOUNTS.size());
					List<String> cells = List.of(parts).subList(2, parts.length);
					assertThat(cells).as("%s line %d", MATRIX, number).allMatch((c) -> c.matches("ok|bad|403|404"));
					assertThat(rows.put(parts[0] + " " + parts[1], new Row(cells, body)))
						.as("%s line %d: a second row for %s %s", MATRIX, number, parts[0], parts[1])
						.isNull();
				}
			}
			return rows;
		}

	}

}
