package jp.itaku;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

import jp.itaku.platform.StartupPhases;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Itaku: the information-security special clauses (情報セキュリティ特記事項) of Japanese public
 * bodies as tracked, provable practice for both sides of an outsourcing contract.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ItakuApplication {

	private static final String COMMAND = "--itaku.command=";

	/**
	 * Starts the application, or runs the operator command given with
	 * {@code --itaku.command=NAME} (see the README) and exits with its status. A command
	 * runs without a web server, beside a running node if there is one; {@code restore}
	 * is followed by {@code verify-restore} on the restored data.
	 * @param args command-line arguments (see the README for the operational flags)
	 */
	public static void main(String[] args) {
		Optional<String> command = Arrays.stream(args)
			.filter((arg) -> arg.startsWith(COMMAND))
			.map((arg) -> arg.substring(COMMAND.length()))
			.reduce((first, last) -> last);
		if (command.isEmpty()) {
			SpringApplication application = new SpringApplication(ItakuApplication.class);
			StartupPhases.recordStepsIfAsked(application);
			application.run(args);
			return;
		}
		int status = runCommand(args);
		if (status == 0 && command.get().equals("restore")) {
			status = runCommand(Arrays.stream(args)
				.map((arg) -> arg.startsWith(COMMAND) ? COMMAND + "verify-restore" : arg)
				.toArray(String[]::new));
		}
		Runtime.getRuntime().exit(status);
	}

	private static int runCommand(String[] args) {
		SpringApplication application = new SpringApplication(ItakuApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.addInitializers((context) -> context.getBeanFactory()
			.registerSingleton(WebComponentsExcluded.class.getName(), new WebComponentsExcluded()));
		try {
			ConfigurableApplicationContext context = application.run(args);
			return SpringApplication.exit(context);
		}
		catch (RuntimeException ex) {
			// Spring Boot has logged why the context did not start.
			return 1;
		}
	}

	/**
	 * Leaves the modules' web layers ({@code jp.itaku.<module>.web}: controllers, the
	 * security filter chains, page helpers) out of an operator command's context, which
	 * has no web server.
	 */
	static final class WebComponentsExcluded extends TypeExcludeFilter {

		private static final Pattern WEB = Pattern.compile("jp\\.itaku\\.[a-z]+\\.web\\..*");

		/**
		 * Kept although in a web package: the store of the requests' one-time keys, whose
		 * expiry the janitor runs in any context.
		 */
		private static final String KEPT = "jp.itaku.platform.web.IdempotentRequests";

		@Override
		public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
			String name = reader.getClassMetadata().getClassName();
			return WEB.matcher(name).matches() && !name.equals(KEPT);
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof WebComponentsExcluded;
		}

		@Override
		public int hashCode() {
			return WebComponentsExcluded.class.hashCode();
		}

	}

}
