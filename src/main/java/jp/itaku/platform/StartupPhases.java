package jp.itaku.platform;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Logs, once the application is ready (readiness UP, the demo data seeded), where its
 * start went: the JVM before Spring, Spring's context (of which the embedded PostgreSQL's
 * start and Flyway's migrations, measured where they happen), and the runners after the
 * context (the demo data's seeding).
 */
@Component
public class StartupPhases {

	/** The embedded PostgreSQL server's start (or attaching to a running one). */
	public static final String EMBEDDED_POSTGRESQL = "embedded PostgreSQL";

	/** Flyway: validating and applying the migrations. */
	public static final String FLYWAY = "Flyway";

	private static final Logger log = LoggerFactory.getLogger(StartupPhases.class);

	private static final Map<String, Long> MEASURED = new ConcurrentHashMap<>();

	private @Nullable Duration started;

	/**
	 * Records the time a phase took inside Spring's context.
	 * @param phase {@link #EMBEDDED_POSTGRESQL} or {@link #FLYWAY}
	 * @param nanos its duration
	 */
	public static void measured(String phase, long nanos) {
		MEASURED.merge(phase, nanos, Long::sum);
	}

	@EventListener
	void started(ApplicationStartedEvent event) {
		this.started = event.getTimeTaken();
	}

	@EventListener
	void ready(ApplicationReadyEvent event) {
		Duration ready = event.getTimeTaken();
		Duration context = (this.started != null) ? this.started : ready;
		if (ready == null || context == null) {
			return;
		}
		long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
		double jvm = Math.max(0, sinceJvmStart - ready.toMillis()) / 1e3;
		double database = seconds(MEASURED.remove(EMBEDDED_POSTGRESQL));
		double flyway = seconds(MEASURED.remove(FLYWAY));
		double spring = context.toMillis() / 1e3;
		double runners = ready.minus(context).toMillis() / 1e3;
		log.info(String.format(Locale.ROOT,
				"Ready %.1f s after the JVM started: JVM %.1f s, Spring %.1f s (of which embedded PostgreSQL %.1f s,"
						+ " Flyway %.1f s, the rest %.1f s), runners (the demo data) %.1f s",
				sinceJvmStart / 1e3, jvm, spring, database, flyway, Math.max(0, spring - database - flyway), runners));
	}

	private static double seconds(@Nullable Long nanos) {
		return (nanos != null) ? nanos / 1e9 : 0;
	}

}
