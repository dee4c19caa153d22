package jp.itaku.account;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * The idle timeout against a real servlet container: after the configured idle time the
 * session is gone and the next request goes to the sign-in page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "itaku.security.idle-timeout=2s")
@ActiveProfiles("test")
@Import(Fixtures.class)
class IdleTimeoutIT {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Test
	void anIdleSessionEndsAfterTheConfiguredTime() throws Exception {
		UserAccount worker = this.fixtures.user(this.fixtures.organisation(OrganisationKind.CONTRACTOR),
				Role.CONTRACTOR_WORKER);
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String loginPage = client.send(request("/login").build(), HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = CSRF.matcher(loginPage);
		assertThat(csrf.find()).isTrue();
		String form = "username=" + worker.getUsername() + "&password="
				+ URLEncoder.encode(Fixtures.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
		HttpResponse<String> login = client
			.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).endsWith("/"));

		assertThat(client.send(request("/").build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
		Thread.sleep(3_500);
		HttpResponse<String> after = client.send(request("/").build(), HttpResponse.BodyHandlers.ofString());
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).contains("/login"));
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

}
