package jp.itaku;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Itaku: the information-security special clauses (情報セキュリティ特記事項) of Japanese public
 * bodies as tracked, provable practice for both sides of an outsourcing contract.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ItakuApplication {

	/**
	 * Starts the application.
	 * @param args command-line arguments (see the README for the operational flags)
	 */
	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(ItakuApplication.class);
		if (Arrays.stream(args).anyMatch((arg) -> arg.startsWith("--itaku.command="))) {
			// An operator command (see the README) runs with the full context but no HTTP
			// port.
			application.setDefaultProperties(java.util.Map.of("server.port", "-1"));
		}
		application.run(args);
	}

}
