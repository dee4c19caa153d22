package jp.itaku.bench;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ClosedInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.rendezVous;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * Load on the client's dashboard and a contract's page (its obligations grouped by
 * category) under 50 concurrent signed-in officers, then the same concurrency on a static
 * file of the same server as the baseline; both twice: in a closed model without think
 * time (every user fires the next request as soon as the last one answered: the server's
 * capacity), then with each user pausing 1–3 s between pages (50 officers at work). All
 * of it at each size of {@code bench.contracts} (1,000 and 10,000 contracts by default),
 * the data grown between the sizes on the same server. The percentiles and throughput of
 * each page in each scenario are printed at the end, and a summary of each size against
 * the static file of the same size's run.
 */
public class DashboardSimulation extends Simulation {

	private static final BenchServer SERVER = BenchServer.start();

	private static final List<Integer> SIZES = BenchServer.sizes();

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

	private static final String[] PAGES = { "dashboard", "contract drill-down", "static page" };

	private final HttpProtocolBuilder protocol = http.baseUrl(SERVER.baseUrl())
		.acceptLanguageHeader("ja")
		.disableCaching();

	private final ChainBuilder signIn = OfficerLoad.signIn();

	{
		PopulationBuilder chain = null;
		for (int size : SIZES) {
			String prefix = size + " contracts ";
			List<PopulationBuilder> steps = List.of(scenario(prefix + "seeding").exec((session) -> {
				SERVER.growTo(size);
				return session;
			}).injectOpen(atOnceUsers(1)),
					officers(prefix + CLOSED, Duration.ZERO, Duration.ZERO).injectClosed(users()),
					baseline(prefix + CLOSED, Duration.ZERO, Duration.ZERO).injectClosed(users()),
					officers(prefix + THINKING, THINK_MIN, THINK_MAX).injectClosed(users()),
					baseline(prefix + THINKING, THINK_MIN, THINK_MAX).injectClosed(users()));
			for (PopulationBuilder step : steps) {
				chain = (chain == null) ? step : chain.andThen(step);
			}
		}
		// Seeding 10,000 contracts takes minutes; the cap only guards against a hang.
		setUp(chain).maxDuration(DURATION.plus(BASELINE).multipliedBy(2L * SIZES.size()).plusMinutes(60))
			.protocols(this.protocol);
	}

	private static ClosedInjectionStep users() {
		return constantConcurrentUsers(USERS).during(Duration.ofSeconds(1));
	}

	private ScenarioBuilder officers(String model, Duration thinkMin, Duration thinkMax) {
		Iterator<Map<String, Object>> contracts = Stream
			.generate(() -> Map.<String, Object>of("contractId", SERVER.anyContractId()))
			.iterator();
		return scenario(model + " officers").feed(contracts)
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
		return OfficerLoad.think(min, max);
	}

	private static ChainBuilder timed(String model, String page, String path) {
		return OfficerLoad.timed(model, page, path);
	}

	@Override
	public void after() {
		var terminal = SERVER.terminal();
		terminal.line("dashboard benchmark | " + USERS + " concurrent users, " + DURATION.toSeconds()
				+ " s per page scenario, " + BASELINE.toSeconds() + " s per baseline");
		for (String line : SERVER.seeded()) {
			terminal.line(line);
		}
		for (int size : SIZES) {
			for (String model : new String[] { CLOSED, THINKING }) {
				for (String page : PAGES) {
					terminal.line("dashboard benchmark | "
							+ LatencyRecorder.report(size + " contracts " + model + " " + page));
				}
			}
		}
		terminal.line("dashboard benchmark | summary: closed model throughput against the static file of the same run,"
				+ " think-time p95 against the static file's");
		terminal.line(String.format(Locale.ROOT, "dashboard benchmark | %-9s | %-20s | %-28s | %-26s", "contracts",
				"page", "closed req/s (÷ static)", "think-time p95 (÷ static)"));
		for (int size : SIZES) {
			String closed = size + " contracts " + CLOSED + " ";
			String thinking = size + " contracts " + THINKING + " ";
			double staticThroughput = LatencyRecorder.throughput(closed + "static page");
			int staticP95 = LatencyRecorder.percentile(thinking + "static page", 95);
			for (String page : PAGES) {
				double throughput = LatencyRecorder.throughput(closed + page);
				int p95 = LatencyRecorder.percentile(thinking + page, 95);
				terminal.line(String.format(Locale.ROOT,
						"dashboard benchmark | %,9d | %-20s | %8.1f (%5.1f %%)%9s | %6d ms (%5.1f×)", size, page,
						throughput, 100 * throughput / staticThroughput, "", p95,
						(double) p95 / Math.max(1, staticP95)));
			}
		}
		SERVER.close();
	}

}
