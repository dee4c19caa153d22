package jp.itaku.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.aot.AotDetector;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Refuses to start in Spring's ahead-of-time mode ({@code -Dspring.aot.enabled=true})
 * with another configuration than the one the build processed: the demo profile alone,
 * the embedded PostgreSQL, no mail server, no command. In that mode the beans come from
 * code generated when the jar was packaged (spring-boot-maven-plugin's
 * {@code process-aot}, README "Cold start"), so the conditions that choose them were
 * decided then: started against an external database, it would still start the embedded
 * one; with a mail server, it would still send nothing. The start fails instead, and
 * names what differs (see {@link AotModeFailureAnalyzer}). Without the flag the jar
 * starts as always, with any configuration. The same check runs in the processing itself,
 * so that a build whose environment names another configuration (an external database, a
 * mail server) fails rather than generates it.
 */
public class AotModeGuard implements EnvironmentPostProcessor {

	/** The only profile the ahead-of-time processing is built for (the pom's). */
	static final String BUILT_PROFILE = "demo";

	/**
	 * The properties that decide which beans exist and that the demo configuration leaves
	 * empty: each must stay empty in the ahead-of-time mode.
	 */
	static final List<String> BUILT_EMPTY = List.of("spring.datasource.url", "spring.mail.host", "itaku.command",
			"itaku.database.owner-user");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean processing = Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING);
		if (!processing && !AotDetector.useGeneratedArtifacts()) {
			return;
		}
		List<String> differences = differences(environment);
		if (!differences.isEmpty()) {
			throw new AotModeRefusedException(processing, differences);
		}
	}

	/**
	 * What differs between a configuration and the one the ahead-of-time processing was
	 * built for.
	 * @param environment the configuration to start with
	 * @return one line per difference, empty when it is the built one
	 */
	static List<String> differences(Environment environment) {
		List<String> differences = new ArrayList<>();
		List<String> profiles = Arrays.asList(environment.getActiveProfiles());
		if (!profiles.equals(List.of(BUILT_PROFILE))) {
			differences
				.add("spring.profiles.active=" + String.join(",", profiles) + " (built for " + BUILT_PROFILE + ")");
		}
		for (String property : BUILT_EMPTY) {
			String value = environment.getProperty(property, "");
			if (!value.isBlank()) {
				differences.add(property + " is set (built without it)");
			}
		}
		if (!environment.getProperty("itaku.demo.enabled", Boolean.class, false)) {
			differences.add("itaku.demo.enabled is not true (built with the demo data)");
		}
		if (!environment.getProperty("itaku.reminders.enabled", Boolean.class, true)) {
			differences.add("itaku.reminders.enabled=false (built with the reminders)");
		}
		return differences;
	}

	/** The start refused: the configuration differs from the one built ahead of time. */
	static class AotModeRefusedException extends IllegalStateException {

		private static final long serialVersionUID = 1L;

		private final boolean processing;

		AotModeRefusedException(boolean processing, List<String> differences) {
			super(processing
					? "Spring's ahead-of-time processing (mvn package) is for the demo configuration only, and the"
							+ " build's environment differs from it (unset these in the environment of the build): "
							+ String.join("; ", differences)
					: "Spring's ahead-of-time mode (-Dspring.aot.enabled=true) was built for the demo configuration"
							+ " only, and this start differs from it: " + String.join("; ", differences));
			this.processing = processing;
		}

		/**
		 * Tells whether the refusal came at build time (the processing) rather than at a
		 * start.
		 * @return whether the build refused
		 */
		boolean processing() {
			return this.processing;
		}

	}

}
