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
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rendezVous;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;

/**
 * Load on the client's dashboard and a contract's page (its obligations grouped by
 * category) under 50 concurrent signed-in officers, then the same concurrency on a static
 * file of the same server as the baseline; both twice: in a closed model without think
 * time (every user fires the next request as soon as the last one answered: the server's
 * capacity), then with each user pausing 1–3 s between pages (50 officers at work). The
 * percentiles and throughput of each page in each scenario are printed at the end.
 */
public class DashboardSimulation extends Simulation {

	private static final BenchServer SERVER = BenchServer.start();

	private static final Duration DURATION = Duration.ofSeconds(Integer.getInteger("bench.seconds", 60));

	private static final int USERS = Integer.getInteger("bench.users", 50);

	private static final Duration BASELINE = Duration.ofSeconds(20);

	/**
	 * Closed model: each user sends the next request as soon as the last one answered.
	 */
	private static final String CLOSED = "closed";

	/** Officers at work: each user reads a page for 1–3 s before opening the next. */
	private static final String THINKING = "think-time";

	private static final Duration THINK_MIN = Duration.ofSeconds(1);

	private static final Duration THINK_MAX = Duration.ofSeconds(3);

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

	private final ScenarioBuilder officers = officers(CLOSED, Duration.ZERO, Duration.ZERO);

	private final ScenarioBuilder baseline = baseline(CLOSED, Duration.ZERO, Duration.ZERO);

	private final ScenarioBuilder thinkingOfficers = officers(THINKING, THINK_MIN, THINK_MAX);

	private final ScenarioBuilder thinkingBaseline = baseline(THINKING, THINK_MIN, THINK_MAX);

	{
		setUp(this.officers.injectClosed(constantConcurrentUsers(USERS).during(Duration.ofSeconds(1)))
			.andThen(this.baseline.injectClosed(constantConcurrentUsers(USERS).during(Duration.ofSeconds(1))))
			.andThen(this.thinkingOfficers.injectClosed(constantConcurrentUsers(USERS).during(Duration.ofSeconds(1))))
			.andThen(this.thinkingBaseline.injectClosed(constantConcurrentUsers(USERS).during(Duration.ofSeconds(1)))))
			.maxDuration(DURATION.plus(BASELINE).plus(DURATION).plus(BASELINE).plusSeconds(120))
			.protocols(this.protocol);
	}

	private ScenarioBuilder officers(String model, Duration thinkMin, Duration thinkMax) {
		return scenario(model + " officers")
			.feed(listFeeder(
					SERVER.contractIds().stream().map((id) -> Map.<String, Object>of("contractId", id)).toList())
				.circular())
			.exec(this.signIn)
			// Sign-ins hash passwords and append to the audit chain one at a time: the
			// pages are measured once every user has signed in.
			.exec(rendezVous(USERS))
			// Officers at work do not all open the dashboard in the same instant.
			.pause(Duration.ofSeconds(2), Duration.ofSeconds(2).plus(thinkMax))
			.during(DURATION)
			.on(exec(timed(model, "dashboard", "/dashboard")).exec(think(thinkMin, thinkMax))
				.exec(timed(model, "contract drill-down", "/contracts/#{contractId}"))
				.exec(think(thinkMin, thinkMax)));
	}

	private static ScenarioBuilder baseline(String model, Duration thinkMin, Duration thinkMax) {
		return scenario(model + " static baseline").during(BASELINE)
			.on(exec(timed(model, "static page", "/css/itaku.css")).exec(think(thinkMin, thinkMax)));
	}

	private static ChainBuilder think(Duration min, Duration max) {
		return max.isZero() ? exec((session) -> session) : pause(min, max);
	}

	private static ChainBuilder timed(String model, String page, String path) {
		String name = model + " " + page;
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
		terminal.line("dashboard benchmark | " + USERS + " concurrent users, " + DURATION.toSeconds()
				+ " s per page scenario, " + BASELINE.toSeconds() + " s per baseline");
		for (String model : new String[] { CLOSED, THINKING }) {
			for (String page : new String[] { "dashboard", "contract drill-down", "static page" }) {
				terminal.line("dashboard benchmark | " + LatencyRecorder.report(model + " " + page));
			}
		}
		SERVER.close();
	}

}
