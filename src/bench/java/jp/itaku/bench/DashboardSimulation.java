package jp.itaku.bench;

import java.time.Duration;
import java.util.Map;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;

/**
 * Load on the client's dashboard and a contract's page (its obligations grouped by
 * category) under 50 concurrent signed-in officers, then the same concurrency on a static
 * file of the same server as the baseline. Gatling prints percentiles and throughput per
 * request.
 */
public class DashboardSimulation extends Simulation {

	private static final BenchServer SERVER = BenchServer.start();

	private static final Duration DURATION = Duration.ofSeconds(Integer.getInteger("bench.seconds", 60));

	private static final int USERS = Integer.getInteger("bench.users", 50);

	private final HttpProtocolBuilder protocol = http.baseUrl(SERVER.baseUrl())
		.acceptLanguageHeader("ja")
		.disableCaching();

	private final ChainBuilder signIn = exec(
			http("sign-in page").get("/login").check(css("input[name=_csrf]", "value").saveAs("csrf")))
		.exec(http("sign in").post("/login")
			.formParam("username", BenchServer.USERNAME)
			.formParam("password", BenchServer.PASSWORD)
			.formParam("_csrf", "#{csrf}")
			.check(status().is(200)));

	private final ScenarioBuilder officers = scenario("officers")
		.feed(listFeeder(SERVER.contractIds().stream().map((id) -> Map.<String, Object>of("contractId", id)).toList())
			.circular())
		.exec(this.signIn)
		.pause(Duration.ofSeconds(5))
		.during(DURATION)
		.on(exec(timed("dashboard", "/dashboard")).exec(timed("contract drill-down", "/contracts/#{contractId}")));

	private final ScenarioBuilder baseline = scenario("static baseline").during(Duration.ofSeconds(20))
		.on(exec(timed("static page", "/css/itaku.css")));

	{
		setUp(this.officers.injectClosed(constantConcurrentUsers(USERS).during(Duration.ofSeconds(1)))
			.andThen(this.baseline.injectClosed(constantConcurrentUsers(USERS).during(Duration.ofSeconds(1)))))
			.maxDuration(DURATION.plusSeconds(90))
			.protocols(this.protocol);
	}

	private static ChainBuilder timed(String name, String path) {
		return exec(http(name).get(path).check(status().is(200), responseTimeInMillis().saveAs("rt")))
			.exec((session) -> {
				if (session.contains("rt")) {
					LatencyRecorder.record(name, session.getInt("rt"));
				}
				return session.remove("rt");
			});
	}

	@Override
	public void after() {
		var terminal = SERVER.terminal();
		terminal.line("dashboard benchmark | " + USERS + " concurrent users, " + DURATION.toSeconds() + " s");
		for (String name : new String[] { "dashboard", "contract drill-down", "static page" }) {
			terminal.line("dashboard benchmark | " + LatencyRecorder.report(name));
		}
		SERVER.close();
	}

}
