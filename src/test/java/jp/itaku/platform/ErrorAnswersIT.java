package jp.itaku.platform;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jp.itaku.account.UserAccount;
import jp.itaku.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tomcat's and Spring's own refusals, through a real server: an unknown address, a method
 * not allowed, an unsupported body, an upload over the limit and a request Tomcat cannot
 * parse are {@code application/problem+json} in Japanese on {@code /api/**} and the
 * Japanese error page elsewhere; never Tomcat's HTML, Spring's English JSON or an empty
 * body.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Fixtures.class)
class ErrorAnswersIT {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	HttpClient http = HttpClient.newHttpClient();

	String token;

	@BeforeEach
	void token() throws Exception {
		UserAccount lead = this.fixtures.user(this.fixtures.organisation(OrganisationKind.CONTRACTOR),
				Role.CONTRACTOR_LEAD);
		HttpResponse<String> issued = send(HttpRequest.newBuilder(uri("/api/v1/tokens"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + lead.getUsername() + "\",\"password\":\""
					+ Fixtures.PASSWORD + "\",\"name\":\"errors\"}")));
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
		this.token = issued.body().replaceAll("(?s).*\"value\"\\s*:\\s*\"([^\"]+)\".*", "$1");
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private HttpRequest.Builder api(String path) {
		return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + this.token);
	}

	private static void assertProblem(HttpResponse<String> response, int status, String japanese) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":" + status).contains(japanese).doesNotContain("Exception");
	}

	@Test
	void anUnknownApiAddressIsProblemJsonInJapanese() throws Exception {
		assertProblem(send(api("/api/v1/no-such-thing/" + UUID.randomUUID())), 404, "見つからない");
	}

	@Test
	void aMethodNotAllowedIsProblemJsonInJapanese() throws Exception {
		assertProblem(send(api("/api/v1/me").DELETE()), 405, "HTTP メソッド");
	}

	@Test
	void anUnsupportedBodyIsProblemJsonInJapanese() throws Exception {
		assertProblem(
				send(api("/api/v1/contracts/" + UUID.randomUUID() + "/roster").header("Content-Type", "text/plain")
					.POST(HttpRequest.BodyPublishers.ofString("x"))),
				415, "Content-Type");
	}

	@Test
	void anUploadOverTheLimitIsProblemJsonInJapanese() throws Exception {
		String boundary = "itaku-boundary";
		byte[] big = new byte[26 * 1024 * 1024];
		java.util.Arrays.fill(big, (byte) 'a');
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.txt\"\r\n"
				+ "Content-Type: text/plain\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(big);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		// The refusal comes from the declared length before the body is read; the server
		// then reads and drops the rest (server.tomcat.max-swallow-size), so that the
		// client, still sending, gets the answer and not a closed connection.
		assertProblem(send(api("/api/v1/obligations/" + UUID.randomUUID() + "/submissions")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))), 413, "大きすぎます");
	}

	@Test
	void anUnknownPageIsTheJapaneseErrorPage() throws Exception {
		HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/no-such-page")));
		// Signed out, the page chain sends the reader to the sign-in page first.
		assertThat(page.statusCode()).isIn(302, 404);
		HttpResponse<String> error = send(HttpRequest.newBuilder(uri("/error")));
		assertThat(error.body()).contains("<html").contains("エラー").doesNotContain("Whitelabel");
	}

	@Test
	void aRequestTomcatRefusesIsProblemJsonOnTheApiAndAJapanesePageElsewhere() throws Exception {
		// A malformed escape in the address: Tomcat refuses it before any servlet runs.
		String api = raw("GET /api/v1/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(api).startsWith("HTTP/1.1 400");
		assertThat(api).containsIgnoringCase("content-type: application/problem+json")
			.contains("リクエストの形式が正しくありません")
			.doesNotContain("Apache Tomcat", "HTTP Status 400");
		String page = raw("GET /contracts/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(page).startsWith("HTTP/1.1 400");
		assertThat(page).containsIgnoringCase("content-type: text/html")
			.contains("リクエストの形式が正しくありません")
			.doesNotContain("Apache Tomcat", "HTTP Status 400");
		// A request line Tomcat cannot even read names no address: answered as problem
		// details, in Japanese, never with Tomcat's report.
		String unreadable = raw("GET /api/v1/me|x HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(unreadable).startsWith("HTTP/1.1 400")
			.contains("リクエストの形式が正しくありません")
			.doesNotContain("Apache Tomcat", "HTTP Status 400");
	}

	private String raw(String request) throws Exception {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
