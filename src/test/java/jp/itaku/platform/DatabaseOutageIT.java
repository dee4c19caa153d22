package jp.itaku.platform;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import jp.itaku.ItakuApplication;
import jp.itaku.account.ApiTokens;
import jp.itaku.account.UserAccount;
import jp.itaku.platform.database.EmbeddedDatabase;
import jp.itaku.support.Fixtures;
import jp.itaku.support.HttpSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away (issue 16): a page and an API call are answered within 5 s with
 * 503 (the Japanese "temporarily unavailable" page, {@code application/problem+json}),
 * readiness is DOWN while liveness stays UP, nothing is half-written, and when the
 * database is back both work again without a restart. The application runs as a real
 * server on an embedded database of its own (even in the external-server pass), whose
 * watchdog is off so that the database stays away until the test brings it back.
 */
@DisabledIfEnvironmentVariable(named = "ITAKU_DB_URL", matches = ".+",
		disabledReason = "always on an embedded database: run once, in the embedded pass")
class DatabaseOutageIT {

	private static final long FIVE_SECONDS = 5_000;

	@TempDir
	static Path work;

	static ConfigurableApplicationContext context;

	static HttpSession browser;

	static HttpSession api;

	static UserAccount lead;

	@BeforeAll
	static void start() {
		context = new SpringApplicationBuilder(ItakuApplication.class).profiles("test")
			.run("--server.port=0", "--server.address=127.0.0.1", "--spring.datasource.url=",
					"--itaku.database.embedded.ephemeral=false",
					"--itaku.database.embedded.data-dir=" + work.resolve("postgres"),
					"--itaku.database.embedded.watchdog-interval=0",
					"--itaku.crypto.keyset-file=" + work.resolve("keys").resolve("field-encryption.json"),
					"--itaku.documents.dir=" + work.resolve("documents"));
		String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
		Fixtures fixtures = context.getAutowireCapableBeanFactory().createBean(Fixtures.class);
		lead = fixtures.user(fixtures.organisation(OrganisationKind.CONTRACTOR), Role.CONTRACTOR_LEAD);
		String token = context.getBean(ApiTokens.class).issue(fixtures.actor(lead), "outage", 1).value();
		browser = new HttpSession(base);
		assertThat(browser.signIn(lead.getUsername(), Fixtures.PASSWORD).statusCode()).isEqualTo(302);
		api = new HttpSession(base).bearer(token);
	}

	@AfterAll
	static void stop() {
		if (context != null) {
			context.close();
		}
	}

	@Test
	void whileTheDatabaseIsAwayPagesAndApiAnswer503QuicklyAndBothRecoverWithoutARestart() {
		assertThat(browser.get("/").statusCode()).isEqualTo(200);
		assertThat(api.get("/api/v1/me").statusCode()).isEqualTo(200);
		assertThat(api.get("/actuator/health/readiness").statusCode()).isEqualTo(200);

		var server = context.getBean(EmbeddedDatabase.class).server();
		server.stop();
		try {
			HttpResponse<String> page = timed(() -> browser.get("/"));
			assertThat(page.statusCode()).isEqualTo(503);
			assertThat(page.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
			assertThat(page.body()).contains("一時的にご利用いただけません").doesNotContain("Exception");

			HttpResponse<String> call = timed(() -> api.get("/api/v1/me"));
			assertThat(call.statusCode()).isEqualTo(503);
			assertThat(call.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(call.body()).contains("\"status\":503").contains("データベース");
			assertThat(call.headers().firstValue("Retry-After")).isPresent();

			HttpResponse<String> write = timed(
					() -> api.postJson("/api/v1/tokens", "{\"username\":\"" + lead.getUsername() + "\",\"password\":\""
							+ Fixtures.PASSWORD + "\",\"name\":\"during-outage\"}"));
			assertThat(write.statusCode()).isEqualTo(503);

			HttpSession probe = new HttpSession(api.base());
			HttpResponse<String> readiness = timed(() -> probe.get("/actuator/health/readiness"));
			assertThat(readiness.statusCode()).isEqualTo(503);
			assertThat(readiness.body()).contains("DOWN");
			assertThat(probe.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		}
		finally {
			assertThat(server.restartIfDead()).isTrue();
		}

		assertThat(browser.get("/").statusCode()).isEqualTo(200);
		assertThat(api.get("/api/v1/me").statusCode()).isEqualTo(200);
		assertThat(new HttpSession(api.base()).get("/actuator/health/readiness").statusCode()).isEqualTo(200);
		assertThat(api.get("/api/v1/tokens").body()).as("nothing half-written").doesNotContain("during-outage");
	}

	private static HttpResponse<String> timed(java.util.function.Supplier<HttpResponse<String>> request) {
		long start = System.nanoTime();
		HttpResponse<String> response = request.get();
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertThat(millis).as("answered within 5 s: " + response.uri()).isLessThan(FIVE_SECONDS);
		return response;
	}

}
