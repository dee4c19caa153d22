package jp.itaku.bench;

import java.time.Duration;

import io.gatling.javaapi.core.ChainBuilder;

import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * What the load benchmarks' signed-in officers do, shared by the dashboard and the alert
 * benchmark: signing in through the form, opening a page with its response time recorded
 * under its name ({@link LatencyRecorder}), and reading a page before the next.
 */
final class OfficerLoad {

	private OfficerLoad() {
	}

	/**
	 * Signs the benchmark's officer in through the sign-in form.
	 * @return the chain
	 */
	static ChainBuilder signIn() {
		return exec(http("sign-in page").get("/login").check(css("input[name=_csrf]", "value").saveAs("csrf")))
			.exec(http("sign in").post("/login")
				.formParam("username", BenchServer.USERNAME)
				.formParam("password", BenchServer.PASSWORD)
				.formParam("_csrf", "#{csrf}")
				.check(status().is(200)));
	}

	/**
	 * Pauses as a user reading a page, uniformly between two durations.
	 * @param min the shortest pause
	 * @param max the longest pause; zero for none (the closed model)
	 * @return the chain
	 */
	static ChainBuilder think(Duration min, Duration max) {
		return max.isZero() ? exec((session) -> session) : pause(min, max);
	}

	/**
	 * Opens a page and records its response time under {@code model page}.
	 * @param model the scenario's model, the first part of the recorded name
	 * @param page the page's name
	 * @param path its path (Gatling expression language allowed)
	 * @return the chain
	 */
	static ChainBuilder timed(String model, String page, String path) {
		String name = model + " " + page;
		return exec(http(name).get(path).check(status().is(200), responseTimeInMillis().saveAs("rt")))
			.exec((session) -> {
				if (session.contains("rt")) {
					LatencyRecorder.record(name, session.getInt("rt"));
				}
				return session.remove("rt");
			});
	}

}
