package jp.itaku.bench;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rendezVous;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Incident alert latency (issue 21, item 5): from the moment a contractor's lead sends an
 * incident report ({@code POST /api/v1/contracts/{id}/incidents}) to the moment the mail
 * to the client's security administrator lands in a GreenMail inbox started by the
 * benchmark, matched by the contract's and incident's numbers in the mail's subject.
 * <p>
 * On the dashboard benchmark's server at the smallest size of {@code bench.contracts}, a
 * few contractor leads ({@code bench.reporters}, 5) report incidents at
 * {@code bench.incidents-per-minute} (60) in all, each on one of its contractor's
 * contracts at random: first alone for {@code bench.alert-baseline-seconds} (30 s; the
 * mail path's own floor, nothing else running), then for {@code bench.seconds} (60 s)
 * while {@code bench.users} (50) officers work as in the dashboard benchmark's think-time
 * model (the dashboard and a contract's page, 1–3 s on each). It prints p50, p95 and the
 * maximum of both phases, how many incidents were reported and mailed, the report's own
 * response time, the officers' pages meanwhile, and the loaded p95 against the
 * baseline's.
 */
public class AlertSimulation extends Simulation {

	private static final AlertInbox INBOX = AlertInbox.start();

	private static final BenchServer SERVER = BenchServer.start("--spring.mail.host=127.0.0.1",
			"--spring.mail.port=" + INBOX.port());

	private static final int SIZE = BenchServer.sizes().get(0);

	private static final Duration DURATION = Duration.ofSeconds(Integer.getInteger("bench.seconds", 60));

	private static final Duration BASELINE = Duration.ofSeconds(Integer.getInteger("bench.alert-baseline-seconds", 30));

	private static final int USERS = Integer.getInteger("bench.users", 50);

	private static final int REPORTERS = Integer.getInteger("bench.reporters", 5);

	private static final double PER_MINUTE = Double.parseDouble(System.getProperty("bench.incidents-per-minute", "60"));

	/** Each reporter's pace: all of them together report at the rate asked. */
	private static final Duration PACE = Duration.ofMillis(Math.round(60_000 * REPORTERS / PER_MINUTE));

	/** How long the mails of the last reports may take before they count as missing. */
	private static final Duration LAST_MAILS = Duration.ofSeconds(60);

	private static final Duration THINK_MIN = Duration.ofSeconds(1);

	private static final Duration THINK_MAX = Duration.ofSeconds(3);

	private static final String ALONE = "alone";

	private static final String LOADED = "with " + USERS + " users";

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);

	private static final List<BenchServer.Reporter> REPORTER_LIST = new CopyOnWriteArrayList<>();

	/**
	 * When each report was sent (nanoTime), by its key ({@code BENCH-17 INC-3}), per
	 * phase.
	 */
	private static final Map<String, Map<String, Long>> SENT = new ConcurrentHashMap<>();

	/** Reports sent, per phase. */
	private static final Map<String, AtomicInteger> ATTEMPTED = new ConcurrentHashMap<>();

	/** Reports refused or unanswered, per phase. */
	private static final Map<String, AtomicInteger> FAILED = new ConcurrentHashMap<>();

	/** Whether the officers are at work (signed in, past their start). */
	private static volatile boolean working;

	private static final AtomicInteger NEXT_REPORTER = new AtomicInteger();

	private final HttpProtocolBuilder protocol = http.baseUrl(SERVER.baseUrl())
		.acceptLanguageHeader("ja")
		.disableCaching();

	{
		PopulationBuilder seeding = scenario("alert seeding").exec((session) -> {
			SERVER.growTo(SIZE);
			REPORTER_LIST.addAll(SERVER.alertParties(AlertInbox.ADDRESS, REPORTERS));
			return session;
		}).injectOpen(atOnceUsers(1));
		PopulationBuilder alone = reporters(ALONE, BASELINE, false)
			.injectClosed(constantConcurrentUsers(REPORTERS).during(Duration.ofSeconds(1)));
		PopulationBuilder officers = officers()
			.injectClosed(constantConcurrentUsers(USERS).during(Duration.ofSeconds(1)));
		PopulationBuilder loaded = reporters(LOADED, DURATION, true)
			.injectClosed(constantConcurrentUsers(REPORTERS).during(Duration.ofSeconds(1)));
		setUp(seeding.andThen(alone).andThen(officers, loaded)).maxDuration(BASELINE.plus(DURATION).plusMinutes(60))
			.protocols(this.protocol);
	}

	/**
	 * Contractor leads reporting incidents, each at its pace, for a while.
	 * @param phase the phase the reports count for
	 * @param duration how long they report
	 * @param whileWorking wait for the officers to be at work and stop when they stop
	 */
	private static ScenarioBuilder reporters(String phase, Duration duration, boolean whileWorking) {
		Iterator<Map<String, Object>> who = Stream.generate(() -> {
			BenchServer.Reporter reporter = REPORTER_LIST.get(NEXT_REPORTER.getAndIncrement() % REPORTER_LIST.size());
			return Map.<String, Object>of("reporter", reporter, "token", reporter.token());
		}).iterator();
		ChainBuilder report = exec((session) -> {
			BenchServer.Reporter reporter = (BenchServer.Reporter) session.get("reporter");
			BenchServer.Reporter.Contract contract = reporter.anyContract();
			return session.set("contractId", contract.id())
				.set("contractNumber", contract.number())
				.set("detectedAt", MINUTES.format(LocalDateTime.now(TOKYO).minusMinutes(10)))
				.set("sentAt", System.nanoTime());
		}).exec((session) -> {
			ATTEMPTED.computeIfAbsent(phase, (p) -> new AtomicInteger()).incrementAndGet();
			return session;
		})
			.exec(http("incident report " + phase).post("/api/v1/contracts/#{contractId}/incidents")
				.header("Authorization", "Bearer #{token}")
				.body(StringBody("""
						{"category": "LOSS", "suspected": true, "detectedAt": "#{detectedAt}",
						 "location": "負荷試験の執務室", "description": "負荷試験のための事故報告です。",
						 "information": "試験用の情報", "recordCount": 1, "containment": "直ちに確認しました。"}
						"""))
				.asJson()
				.check(status().is(201), jsonPath("$.number").saveAs("number"), responseTimeInMillis().saveAs("rt")))
			.exec((session) -> {
				if (session.contains("number")) {
					SENT.computeIfAbsent(phase, (p) -> new ConcurrentHashMap<>())
						.put(session.getString("contractNumber") + " " + session.getString("number"),
								session.getLong("sentAt"));
					LatencyRecorder.record("incident report " + phase, session.getInt("rt"));
				}
				else {
					FAILED.computeIfAbsent(phase, (p) -> new AtomicInteger()).incrementAndGet();
				}
				return session.remove("number").remove("rt");
			});
		ScenarioBuilder scenario = scenario("reporters " + phase).feed(who);
		if (whileWorking) {
			scenario = scenario.exec(asLongAs((session) -> !working).on(pause(Duration.ofMillis(100))));
		}
		// The reporters do not all report in the same instant.
		// A report under way when the time is up still counts (not exitASAP).
		return scenario.pause(Duration.ZERO, PACE).during(duration, false).on(pace(PACE).exec(report));
	}

	/** Officers at work, as in the dashboard benchmark's think-time model. */
	private static ScenarioBuilder officers() {
		Iterator<Map<String, Object>> contracts = Stream
			.generate(() -> Map.<String, Object>of("contractId", SERVER.anyContractId()))
			.iterator();
		String model = SIZE + " contracts " + LOADED;
		return scenario("officers at work").feed(contracts)
			.exec(OfficerLoad.signIn())
			.exec(rendezVous(USERS))
			.pause(Duration.ofSeconds(2), Duration.ofSeconds(2).plus(THINK_MAX))
			.exec((session) -> {
				working = true;
				return session;
			})
			.during(DURATION)
			.on(exec(OfficerLoad.timed(model, "dashboard", "/dashboard")).exec(OfficerLoad.think(THINK_MIN, THINK_MAX))
				.exec(OfficerLoad.timed(model, "contract drill-down", "/contracts/#{contractId}"))
				.exec(OfficerLoad.think(THINK_MIN, THINK_MAX)));
	}

	@Override
	public void after() {
		var terminal = SERVER.terminal();
		// The last reports' mails may still be on their way.
		long deadline = System.nanoTime() + LAST_MAILS.toNanos();
		while (System.nanoTime() < deadline && !allLanded()) {
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		Map<String, Long> landed = INBOX.landedByIncident();
		terminal.line(String.format(Locale.ROOT,
				"alert benchmark | %,d contracts; %d contractor leads report incidents over the API at %.0f a minute"
						+ " in all, %d s alone, then %d s while %d officers work (think time %d–%d s);"
						+ " the mail to the security administrator timed into GreenMail",
				SIZE, REPORTERS, PER_MINUTE, BASELINE.toSeconds(), DURATION.toSeconds(), USERS, THINK_MIN.toSeconds(),
				THINK_MAX.toSeconds()));
		for (String line : SERVER.seeded()) {
			terminal.line(line.replace("dashboard benchmark", "alert benchmark"));
		}
		int[] alone = latencies(ALONE, landed);
		int[] loaded = latencies(LOADED, landed);
		for (String phase : List.of(ALONE, LOADED)) {
			int[] sorted = phase.equals(ALONE) ? alone : loaded;
			int sent = SENT.getOrDefault(phase, Map.of()).size();
			terminal.line(String.format(Locale.ROOT,
					"alert benchmark | alert latency %s: %d reports sent, %d answered 201, %d failed or unanswered,"
							+ " %d mailed, %d missing; %s",
					phase, ATTEMPTED.getOrDefault(phase, new AtomicInteger()).get(), sent,
					FAILED.getOrDefault(phase, new AtomicInteger()).get(), sorted.length, sent - sorted.length,
					percentiles(sorted)));
			terminal.line("alert benchmark | " + LatencyRecorder.report("incident report " + phase));
		}
		String model = SIZE + " contracts " + LOADED;
		for (String page : List.of("dashboard", "contract drill-down")) {
			terminal.line("alert benchmark | " + LatencyRecorder.report(model + " " + page));
		}
		int aloneP95 = percentile(alone, 95);
		int loadedP95 = percentile(loaded, 95);
		terminal.line(String.format(Locale.ROOT,
				"alert benchmark | alert p95 with %d users / alone: %.1f× (%,d ms / %,d ms); target p95 < 5 s with 50 users: %s",
				USERS, (double) loadedP95 / Math.max(1, aloneP95), loadedP95, aloneP95,
				(loaded.length == 0) ? "not measured" : (loadedP95 < 5_000) ? "met" : "not met"));
		SERVER.close();
		INBOX.close();
	}

	private static boolean allLanded() {
		Map<String, Long> landed = INBOX.landedByIncident();
		return SENT.values().stream().flatMap((m) -> m.keySet().stream()).allMatch(landed::containsKey);
	}

	/** The latencies of a phase's reports whose mail landed, in ms, ascending. */
	private static int[] latencies(String phase, Map<String, Long> landed) {
		ConcurrentLinkedQueue<Integer> times = new ConcurrentLinkedQueue<>();
		SENT.getOrDefault(phase, Map.of()).forEach((key, sent) -> {
			Long at = landed.get(key);
			if (at != null) {
				times.add((int) Math.round((at - sent) / 1e6));
			}
		});
		int[] sorted = times.stream().mapToInt(Integer::intValue).toArray();
		Arrays.sort(sorted);
		return sorted;
	}

	private static String percentiles(int[] sorted) {
		if (sorted.length == 0) {
			return "no mail";
		}
		return String.format(Locale.ROOT, "p50 %,d ms, p95 %,d ms, max %,d ms", percentile(sorted, 50),
				percentile(sorted, 95), sorted[sorted.length - 1]);
	}

	private static int percentile(int[] sorted, int p) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

}
