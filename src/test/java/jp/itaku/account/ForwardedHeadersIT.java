package jp.itaku.account;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.itaku.audit.AuditEntry;
import jp.itaku.audit.AuditSearch;
import jp.itaku.audit.AuditTrail;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a reverse proxy, over real HTTP (issue 17, item 9): forwarded headers are
 * believed only from the configured proxy (here 127.0.0.1; the untrusted client connects
 * from 127.0.0.2): from it they set the client's address (as the audit trail records it)
 * and the scheme (a {@code Secure} session cookie, HSTS); from anyone else they are
 * ignored. A forged {@code Host} or {@code X-Forwarded-Host} never appears in a
 * {@code Location} header, whoever sends it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "itaku.web.trusted-proxies=127.0.0.1")
@ActiveProfiles("test")
@Import(Fixtures.class)
class ForwardedHeadersIT {

	private static final String PROXY = "127.0.0.1";

	private static final String STRANGER = "127.0.0.2";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	AuditTrail audit;

	@Test
	void fromTheTrustedProxyTheForwardedSchemeMakesCookiesSecureAndSendsHsts() throws IOException {
		Response response = send(PROXY, "GET", "/login", Map.of("X-Forwarded-For", "203.0.113.7", "X-Forwarded-Proto",
				"https", "X-Forwarded-Host", "itaku.example.lg.jp"), null);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.all("set-cookie")).isNotEmpty()
			.allSatisfy((cookie) -> assertThat(cookie.toLowerCase(Locale.ROOT)).contains("; secure"));
		assertThat(response.first("strict-transport-security")).contains("max-age=");
		Response english = send(PROXY, "GET", "/login?lang=en", Map.of("X-Forwarded-For", "203.0.113.7",
				"X-Forwarded-Proto", "https", "X-Forwarded-Host", "itaku.example.lg.jp"), null);
		assertThat(english.all("set-cookie")).anySatisfy((cookie) -> assertThat(cookie).startsWith("ITAKU_LANG=en"))
			.allSatisfy((cookie) -> assertThat(cookie.toLowerCase(Locale.ROOT)).contains("; secure"));
	}

	@Test
	void fromAnyoneElseForwardedHeadersAreIgnored() throws IOException {
		Response response = send(STRANGER, "GET", "/login", Map.of("X-Forwarded-For", "203.0.113.8",
				"X-Forwarded-Proto", "https", "Forwarded", "for=203.0.113.8;proto=https"), null);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.all("set-cookie")).isNotEmpty()
			.noneSatisfy((cookie) -> assertThat(cookie.toLowerCase(Locale.ROOT)).contains("secure"));
		assertThat(response.first("strict-transport-security")).isNull();
	}

	@Test
	void theAuditTrailRecordsTheForwardedClientOnlyFromTheTrustedProxy() throws IOException {
		UserAccount worker = this.fixtures.user(this.fixtures.organisation(OrganisationKind.CONTRACTOR),
				Role.CONTRACTOR_WORKER);
		String body = "{\"username\":\"" + worker.getUsername()
				+ "\",\"password\":\"Wrong-Password-7\",\"name\":\"proxy\"}";
		Map<String, String> json = Map.of("Content-Type", "application/json");
		assertThat(send(PROXY, "POST", "/api/v1/tokens", with(json, "X-Forwarded-For", "203.0.113.9"), body).status())
			.isEqualTo(401);
		assertThat(
				send(STRANGER, "POST", "/api/v1/tokens", with(json, "X-Forwarded-For", "203.0.113.10"), body).status())
			.isEqualTo(401);
		UserAccount admin = this.fixtures.user(this.fixtures.organisation(OrganisationKind.CLIENT), Role.SYSTEM_ADMIN);
		List<String> addresses = this.audit
			.search(this.fixtures.actor(admin),
					new AuditSearch(null, null, worker.getUsername(), "SIGN_IN_FAILED", null, null), 0, 10)
			.entries()
			.stream()
			.map(AuditEntry::clientIp)
			.toList();
		assertThat(addresses).containsExactlyInAnyOrder("203.0.113.9", STRANGER);
	}

	@Test
	void aForgedHostNeverAppearsInALocationHeader() throws IOException {
		for (String client : List.of(PROXY, STRANGER)) {
			Map<String, String> forged = Map.of("Host", "evil.example", "X-Forwarded-Host", "evil.example",
					"X-Forwarded-Proto", "https");
			Response entry = send(client, "GET", "/dashboard?from=mail", forged, null);
			assertThat(entry.status()).isEqualTo(302);
			assertThat(entry.first("location")).as(client).startsWith("/").doesNotContain("evil.example");

			// Signing in then leads back where the user was going, on this server.
			UserAccount worker = this.fixtures.user(this.fixtures.organisation(OrganisationKind.CONTRACTOR),
					Role.CONTRACTOR_WORKER);
			String cookie = sessionCookie(entry);
			Response page = send(client, "GET", "/login", with(forged, "Cookie", cookie), null);
			cookie = (sessionCookie(page) != null) ? sessionCookie(page) : cookie;
			Matcher csrf = CSRF.matcher(page.body());
			assertThat(csrf.find()).isTrue();
			String form = "username=" + worker.getUsername() + "&password="
					+ URLEncoder.encode(Fixtures.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
			Map<String, String> post = with(with(forged, "Cookie", cookie), "Content-Type",
					"application/x-www-form-urlencoded");
			Response login = send(client, "POST", "/login", post, form);
			assertThat(login.status()).isEqualTo(302);
			assertThat(login.first("location")).as(client).startsWith("/dashboard").doesNotContain("evil.example");
		}
	}

	private static String sessionCookie(Response response) {
		return response.all("set-cookie")
			.stream()
			.map((c) -> c.substring(0, c.indexOf(';')))
			.filter((c) -> !c.startsWith("ITAKU_LANG"))
			.findFirst()
			.orElse(null);
	}

	private static Map<String, String> with(Map<String, String> headers, String name, String value) {
		Map<String, String> more = new LinkedHashMap<>(headers);
		more.put(name, value);
		return more;
	}

	/**
	 * Sends one HTTP/1.1 request from a given local address, with exactly the headers
	 * given (a client library would not let a test forge {@code Host}).
	 */
	private Response send(String from, String method, String path, Map<String, String> headers, String body)
			throws IOException {
		byte[] content = (body != null) ? body.getBytes(StandardCharsets.UTF_8) : new byte[0];
		StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
		if (!headers.containsKey("Host")) {
			request.append("Host: localhost:").append(this.port).append("\r\n");
		}
		headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
		request.append("Content-Length: ").append(content.length).append("\r\nConnection: close\r\n\r\n");
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(from, 0));
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 10_000);
			socket.setSoTimeout(60_000);
			socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().write(content);
			socket.getOutputStream().flush();
			return Response.parse(socket.getInputStream().readAllBytes());
		}
	}

	/**
	 * A response as received.
	 *
	 * @param status the status code
	 * @param headers the headers, names in lower case
	 * @param body the body, dechunked
	 */
	record Response(int status, Map<String, List<String>> headers, String body) {

		String first(String name) {
			List<String> values = this.headers.get(name);
			return (values == null) ? null : values.get(0);
		}

		List<String> all(String name) {
			return this.headers.getOrDefault(name, List.of());
		}

		static Response parse(byte[] raw) throws IOException {
			String text = new String(raw, StandardCharsets.ISO_8859_1);
			int end = text.indexOf("\r\n\r\n");
			String[] lines = text.substring(0, end).split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			Map<String, List<String>> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers
					.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
							(k) -> new ArrayList<>())
					.add(lines[i].substring(colon + 1).strip());
			}
			byte[] rest = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
			boolean chunked = headers.getOrDefault("transfer-encoding", List.of()).contains("chunked");
			return new Response(status, headers, new String(chunked ? dechunk(rest) : rest, StandardCharsets.UTF_8));
		}

		private static byte[] dechunk(byte[] chunked) throws IOException {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			InputStream in = new java.io.ByteArrayInputStream(chunked);
			while (true) {
				StringBuilder size = new StringBuilder();
				for (int c = in.read(); c != '\n' && c >= 0; c = in.read()) {
					if (c != '\r') {
						size.append((char) c);
					}
				}
				int length = size.isEmpty() ? 0 : Integer.parseInt(size.toString().split(";")[0].strip(), 16);
				if (length == 0) {
					return out.toByteArray();
				}
				out.write(in.readNBytes(length));
				in.read();
				in.read();
			}
		}

	}

}
