package jp.itaku.platform;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.sun.management.OperatingSystemMXBean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.metrics.StartupStep;
import org.springframework.stereotype.Component;

/**
 * Logs, once the application is ready (readiness UP, the demo data seeded), where its
 * start went: the JVM before Spring, Spring's context (of which the embedded PostgreSQL's
 * start and Flyway's migrations, measured where they happen), and the runners after the
 * context (the demo data's seeding), and the CPU time the JVM spent so far. With
 * {@code -D}{@value #STEPS_PROPERTY}{@code =N} it also lists the N steps of Spring's
 * start (bean instantiations, configuration parsing, …) that took longest by themselves,
 * their nested steps deducted (Spring Boot's {@link BufferingApplicationStartup}).
 */
@Component
public class StartupPhases {

	/** The embedded PostgreSQL server's start (or attaching to a running one). */
	public static final String EMBEDDED_POSTGRESQL = "embedded PostgreSQL";

	/** Flyway: validating and applying the migrations. */
	public static final String FLYWAY = "Flyway";

	/** The system property that asks for the slowest steps of Spring's start. */
	public static final String STEPS_PROPERTY = "itaku.startup.steps";

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

	/**
	 * Has the application record the steps of its start when {@value #STEPS_PROPERTY}
	 * asks for them (a buffer of some memory and time, so off by default).
	 * @param application the application about to run
	 */
	public static void recordStepsIfAsked(SpringApplication application) {
		if (Integer.getInteger(STEPS_PROPERTY, 0) > 0) {
			application.setApplicationStartup(new BufferingApplicationStartup(50_000));
		}
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
						+ " Flyway %.1f s, the rest %.1f s), runners (the demo data) %.1f s; CPU %.1f s",
				sinceJvmStart / 1e3, jvm, spring, database, flyway, Math.max(0, spring - database - flyway), runners,
				processCpuSeconds()));
		if (event.getApplicationContext().getApplicationStartup() instanceof BufferingApplicationStartup buffer) {
			logSlowestSteps(buffer.getBufferedTimeline().getEvents(), Integer.getInteger(STEPS_PROPERTY, 0));
		}
	}

	private static double processCpuSeconds() {
		try {
			return ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class).getProcessCpuTime() / 1e9;
		}
		catch (IllegalArgumentException ex) {
			// Not a HotSpot-like JVM: no process CPU time.
			return 0;
		}
	}

	/**
	 * Logs the steps that took longest by themselves: each step's duration less that of
	 * the steps nested in it (a bean's dependencies are created inside its own step).
	 */
	private static void logSlowestSteps(List<TimelineEvent> events, int count) {
		Map<Long, Long> nested = new HashMap<>();
		for (TimelineEvent event : events) {
			Long parent = event.getStartupStep().getParentId();
			if (parent != null) {
				nested.merge(parent, event.getDuration().toNanos(), Long::sum);
			}
		}
		String slowest = events.stream()
			.map((event) -> Map.entry(event,
					event.getDuration().toNanos() - nested.getOrDefault(event.getStartupStep().getId(), 0L)))
			.sorted(Map.Entry.<TimelineEvent, Long>comparingByValue(Comparator.reverseOrder()))
			.limit(count)
			.map((entry) -> String.format(Locale.ROOT, "%n  %7.3f s (%7.3f s with nested steps) %s",
					entry.getValue() / 1e9, entry.getKey().getDuration().toNanos() / 1e9,
					describe(entry.getKey().getStartupStep())))
			.collect(Collectors.joining());
		log.info("The {} slowest steps of Spring's start, by their own time:{}", count, slowest);
	}

	private static String describe(StartupStep step) {
		StringBuilder text = new StringBuilder(step.getName());
		for (StartupStep.Tag tag : step.getTags()) {
			text.append(' ').append(tag.getKey()).append('=').append(tag.getValue());
		}
		return text.toString();
	}

	private static double seconds(@Nullable Long nanos) {
		return (nanos != null) ? nanos / 1e9 : 0;
	}

}
