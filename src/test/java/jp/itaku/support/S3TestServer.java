package jp.itaku.support;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.adobe.testing.s3mock.S3MockApplication;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server for the tests: Adobe's S3Mock, started once in this JVM on
 * a free port (HTTP, path-style addressing, any credentials). It is a Spring Boot
 * application of its own; it reads none of Itaku's configuration files and leaves out the
 * auto-configurations of Itaku's classpath that need a database or would secure it. Each
 * test takes a fresh bucket.
 */
public final class S3TestServer {

	/** Any key: S3Mock checks signatures' form, not the keys. */
	public static final String ACCESS_KEY = "itaku-test";

	/** The secret that goes with {@link #ACCESS_KEY}. */
	public static final String SECRET_KEY = "itaku-test-secret";

	public static final String REGION = "us-east-1";

	private static final List<String> NOT_FOR_S3MOCK = List.of(
			"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
			"org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration",
			"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
			"org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
			"org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
			"org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration",
			"org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration",
			"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
			"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
			"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
			"org.springframework.boot.session.autoconfigure.SessionAutoConfiguration",
			"org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration",
			"org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration",
			"org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration",
			// Itaku's event publication registry needs its database.
			"org.springframework.modulith.events.jdbc.JdbcEventPublicationAutoConfiguration",
			"org.springframework.modulith.events.config.EventPublicationAutoConfiguration",
			"org.springframework.modulith.events.config.EventExternalizationAutoConfiguration");

	private static S3MockApplication server;

	private S3TestServer() {
	}

	/**
	 * Returns the server's address, starting it on first use.
	 * @return e.g. {@code http://127.0.0.1:41234}
	 */
	public static synchronized URI endpoint() {
		if (server == null) {
			Map<String, Object> properties = new LinkedHashMap<>();
			// Itaku's application.properties is first on the class path: read none.
			properties.put("spring.config.name", "s3mock-in-itaku-tests");
			properties.put("spring.autoconfigure.exclude", String.join(",", NOT_FOR_S3MOCK));
			properties.put("server.port", 0);
			properties.put("http.port", 0);
			properties.put("com.adobe.testing.s3mock.httpPort", 0);
			properties.put("com.adobe.testing.s3mock.store.region", REGION);
			properties.put("com.adobe.testing.s3mock.max-payload-size", "64MB");
			properties.put("server.tomcat.max-part-count", -1);
			properties.put("server.tomcat.max-swallow-size", "64MB");
			properties.put("spring.main.lazy-initialization", true);
			properties.put("spring.jmx.enabled", false);
			properties.put("spring.main.banner-mode", "off");
			properties.put("management.endpoints.access.default", "none");
			properties.put("management.endpoints.web.discovery.enabled", false);
			properties.put("logging.level.root", "WARN");
			properties.put("logging.level.jp.itaku", "INFO");
			server = S3MockApplication.start(properties);
			Runtime.getRuntime().addShutdownHook(new Thread(S3TestServer::stop, "s3mock-stop"));
		}
		return URI.create("http://127.0.0.1:" + server.getHttpPort());
	}

	/**
	 * Returns a client of the server.
	 * @return a new client; the caller closes it
	 */
	public static S3Client client() {
		return S3Client.builder()
			.endpointOverride(endpoint())
			.region(Region.of(REGION))
			.forcePathStyle(true)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.build();
	}

	/**
	 * Creates a bucket of its own for a test.
	 * @return the bucket's name
	 */
	public static String newBucket() {
		String bucket = "itaku-" + UUID.randomUUID().toString().toLowerCase(Locale.ROOT);
		try (S3Client client = client()) {
			client.createBucket((create) -> create.bucket(bucket));
		}
		return bucket;
	}

	/**
	 * Returns the properties that make an application node use the server with a bucket.
	 * @param bucket the bucket
	 * @return {@code name=value} pairs
	 */
	public static String[] nodeProperties(String bucket) {
		return new String[] { "itaku.documents.store=s3", "itaku.documents.s3.endpoint=" + endpoint(),
				"itaku.documents.s3.region=" + REGION, "itaku.documents.s3.bucket=" + bucket,
				"itaku.documents.s3.path-style-access=true", "itaku.documents.s3.access-key-id=" + ACCESS_KEY,
				"itaku.documents.s3.secret-access-key=" + SECRET_KEY };
	}

	private static synchronized void stop() {
		if (server != null) {
			server.stop();
			server = null;
		}
	}

}
