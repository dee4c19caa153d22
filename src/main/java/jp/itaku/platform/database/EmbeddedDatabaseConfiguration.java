package jp.itaku.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts an embedded PostgreSQL server (zonky, PostgreSQL 18) when
 * {@code spring.datasource.url} ({@code ITAKU_DB_URL}) is empty, and offers it as the
 * application's pooled data source. It listens on the loopback interface only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	/** One ephemeral server for the whole JVM, shared by every test context. */
	private static EmbeddedPostgres ephemeralServer;

	@Bean
	EmbeddedServer embeddedPostgres(EmbeddedDatabaseProperties properties) {
		if (properties.ephemeral()) {
			return new EmbeddedServer(sharedEphemeral(), false);
		}
		return new EmbeddedServer(start(properties.dataDir(), properties.port(), false), true);
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(EmbeddedServer server, EmbeddedDatabaseProperties properties) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(server.postgres().getJdbcUrl("postgres", "postgres"));
		config.setUsername("postgres");
		config.setPoolName("itaku-embedded");
		config.setMaximumPoolSize(properties.poolSize());
		config.setMinimumIdle(Math.min(2, properties.poolSize()));
		return new HikariDataSource(config);
	}

	private static synchronized EmbeddedPostgres sharedEphemeral() {
		if (ephemeralServer == null) {
			try {
				Path dir = Files.createTempDirectory("itaku-pg-");
				ephemeralServer = start(dir, 0, true);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return ephemeralServer;
	}

	private static EmbeddedPostgres start(Path dataDir, int port, boolean clean) {
		try {
			Files.createDirectories(dataDir);
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(dataDir)
				.setCleanDataDirectory(clean)
				.setServerConfig("listen_addresses", "localhost")
				.setServerConfig("timezone", "UTC")
				.setServerConfig("max_connections", "300")
				.setLocaleConfig("encoding", "UTF8")
				.setLocaleConfig("locale", "C.UTF-8");
			if (port > 0) {
				builder.setPort(port);
			}
			EmbeddedPostgres postgres = builder.start();
			log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(),
					dataDir.toAbsolutePath());
			return postgres;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start embedded PostgreSQL in " + dataDir.toAbsolutePath(), ex);
		}
	}

	/**
	 * The running server; closes it with the application unless it is the JVM-wide test
	 * server.
	 *
	 * @param postgres the server
	 * @param closeWithContext whether closing the context stops the server
	 */
	record EmbeddedServer(EmbeddedPostgres postgres, boolean closeWithContext) implements AutoCloseable {

		@Override
		public void close() throws IOException {
			if (this.closeWithContext) {
				this.postgres.close();
			}
		}

	}

}
