package jp.itaku.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import jp.itaku.platform.StartupPhases;
import org.jspecify.annotations.Nullable;
import org.postgresql.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Runs the embedded PostgreSQL server when {@code spring.datasource.url}
 * ({@code ITAKU_DB_URL}) is empty, and offers two data sources on it: the application's
 * pool, connected as {@value EmbeddedCredentials#APP} (no ownership), and the owner's,
 * {@value EmbeddedCredentials#OWNER}, for Flyway. A node starts its own server; an
 * operator command attaches to a running node's server instead of starting a second one;
 * a restore claims the data directory (refusing while a node runs) and gives its context
 * a scratch server of its own.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	/** The command that restores a backup: it must find the data directory unused. */
	static final String RESTORE_COMMAND = "restore";

	/** One ephemeral server for the whole JVM, shared by every test context. */
	private static @Nullable EmbeddedPostgresServer ephemeralServer;

	@Bean(destroyMethod = "close")
	EmbeddedDatabase embeddedDatabase(EmbeddedDatabaseProperties properties, Environment environment,
			@Value("${itaku.crypto.keyset-file:./data/keys/field-encryption.json}") Path keysetFile) {
		if (properties.ephemeral()) {
			return new EmbeddedDatabase(sharedEphemeral(properties), false, null);
		}
		String command = environment.getProperty("itaku.command", "");
		Path credentialsFile = (properties.credentialsFile() != null) ? properties.credentialsFile()
				: keysetFile.toAbsolutePath().resolveSibling(EmbeddedCredentials.FILE_NAME);
		EmbeddedPostgresServer.Settings settings = new EmbeddedPostgresServer.Settings(properties.dataDir(),
				properties.port(), properties.durable(), properties.startTimeout(), properties.lockWait(),
				properties.sharedBuffers());
		if (RESTORE_COMMAND.equals(command)) {
			EmbeddedDataDirectory target = EmbeddedDataDirectory.tryClaim(properties.dataDir())
				.orElseThrow(() -> new EmbeddedDatabaseInUse(
						"The embedded database " + properties.dataDir().toAbsolutePath().normalize()
								+ " is in use by a running node (or another command): a restore needs it stopped",
						"Stop the node, then run the restore again. Nothing was changed."));
			try {
				target.endOrphans();
				log.info("Restore: {} is claimed; this command's context runs on a scratch database", target.path());
				return new EmbeddedDatabase(scratch(properties), true, new RestoreTarget(target, credentialsFile));
			}
			catch (RuntimeException ex) {
				target.close();
				throw ex;
			}
		}
		EmbeddedCredentials credentials = EmbeddedCredentials.loadOrCreate(credentialsFile);
		long began = System.nanoTime();
		EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(settings, credentials, !command.isEmpty());
		StartupPhases.measured(StartupPhases.EMBEDDED_POSTGRESQL, System.nanoTime() - began);
		return new EmbeddedDatabase(server, true, null);
	}

	@Bean
	@Primary
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedDatabase database, EmbeddedDatabaseProperties properties) {
		EmbeddedPostgresServer server = database.server();
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(server.jdbcUrl());
		dataSource.setUsername(EmbeddedCredentials.APP);
		dataSource.setPassword(server.credentials().appPassword());
		dataSource.setPoolName("itaku-embedded");
		dataSource.setMaximumPoolSize(properties.poolSize());
		dataSource.setMinimumIdle(Math.min(2, properties.poolSize()));
		return dataSource;
	}

	@Bean(defaultCandidate = false)
	@FlywayDataSource
	DataSource ownerDataSource(EmbeddedDatabase database) {
		EmbeddedPostgresServer server = database.server();
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new Driver(), server.jdbcUrl(),
				EmbeddedCredentials.OWNER, server.credentials().ownerPassword());
		return dataSource;
	}

	@Bean
	ApplicationRole applicationRole() {
		return new ApplicationRole(EmbeddedCredentials.APP);
	}

	@Bean
	DatabaseWatchdog databaseWatchdog(EmbeddedDatabase database, HikariDataSource dataSource,
			EmbeddedDatabaseProperties properties, ApplicationEventPublisher events) {
		return new DatabaseWatchdog(database.server(), dataSource, properties.watchdogInterval(),
				properties.maxRestarts(), events);
	}

	private static synchronized EmbeddedPostgresServer sharedEphemeral(EmbeddedDatabaseProperties properties) {
		if (ephemeralServer == null) {
			ephemeralServer = scratch(properties);
			EmbeddedPostgresServer server = ephemeralServer;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				server.close();
				PostgresBinaries.deleteTree(server.dataDirectory().getParent());
			}, "itaku-ephemeral-postgres"));
		}
		return ephemeralServer;
	}

	/**
	 * Starts a throw-away server in a new temporary directory, after removing what
	 * earlier ones of killed processes left behind.
	 */
	private static EmbeddedPostgresServer scratch(EmbeddedDatabaseProperties properties) {
		try {
			Path temp = Path.of(System.getProperty("java.io.tmpdir"));
			removeAbandonedScratch(temp);
			Path dir = Files.createTempDirectory(temp, "itaku-pg-");
			return EmbeddedPostgresServer.startOrAttach(
					new EmbeddedPostgresServer.Settings(dir.resolve("data"), 0, properties.durable(),
							properties.startTimeout(), Duration.ZERO, properties.sharedBuffers()),
					EmbeddedCredentials.random(), false);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void removeAbandonedScratch(Path temp) {
		try (Stream<Path> dirs = Files.list(temp)) {
			Instant before = Instant.now().minus(Duration.ofMinutes(10));
			for (Path dir : (Iterable<Path>) dirs
				.filter((d) -> d.getFileName().toString().startsWith("itaku-pg-"))::iterator) {
				Path data = dir.resolve("data");
				if (Files.getLastModifiedTime(dir).toInstant().isAfter(before)
						|| !Files.exists(EmbeddedDataDirectory.lockFile(data))) {
					continue;
				}
				Optional<EmbeddedDataDirectory> claimed = EmbeddedDataDirectory.tryClaim(data);
				if (claimed.isPresent()) {
					try (EmbeddedDataDirectory abandoned = claimed.get()) {
						abandoned.endOrphans();
					}
					PostgresBinaries.deleteTree(dir);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			log.debug("Cannot clean up abandoned scratch databases", ex);
		}
	}

}
