package jp.itaku.platform.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL server, used when no external server is configured.
 *
 * @param dataDir where the cluster's files live, so that data survives a restart
 * ({@code ITAKU_DATA_DIR}/postgres by default)
 * @param port the port on the loopback interface, 0 for any free one
 * @param ephemeral whether to use a fresh temporary cluster shared by the whole JVM
 * (tests)
 */
@ConfigurationProperties("itaku.database.embedded")
public record EmbeddedDatabaseProperties(@DefaultValue("./data/postgres") Path dataDir, @DefaultValue("0") int port,
		@DefaultValue("false") boolean ephemeral, @DefaultValue("20") int poolSize) {
}
