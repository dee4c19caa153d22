package jp.itaku.platform.database;

import java.nio.file.Path;
import java.time.Duration;

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
 * @param poolSize the connection pool's size
 * @param durable whether fsync and synchronous commit stay on (PostgreSQL's defaults, as
 * full-page writes always do); only the test suite sets {@code false}
 * @param credentialsFile where the roles' passwords are kept; empty for
 * {@code database-credentials.properties} beside the field-encryption keyset
 * @param startTimeout how long a start, with crash recovery, may take
 * @param lockWait how long a node waits for another process that holds the data directory
 * (an operator command) before it gives up
 * @param watchdogInterval how often the watchdog checks that the server's postmaster is
 * alive; zero for no watchdog
 * @param maxRestarts how many restarts in a row the watchdog tries before it reports the
 * node's liveness as broken (for a supervisor to restart the node)
 * @param sharedBuffers the server's buffer cache ({@code shared_buffers}): 512MB rather
 * than PostgreSQL's 128MB, so that a batch of a million log lines (about 140 MB of lines)
 * stays in it while its checks read it again
 */
@ConfigurationProperties("itaku.database.embedded")
public record EmbeddedDatabaseProperties(@DefaultValue("./data/postgres") Path dataDir, @DefaultValue("0") int port,
		@DefaultValue("false") boolean ephemeral, @DefaultValue("20") int poolSize,
		@DefaultValue("true") boolean durable, Path credentialsFile, @DefaultValue("120s") Duration startTimeout,
		@DefaultValue("60s") Duration lockWait, @DefaultValue("2s") Duration watchdogInterval,
		@DefaultValue("3") int maxRestarts,
		@DefaultValue(EmbeddedPostgresServer.Settings.SHARED_BUFFERS) String sharedBuffers) {
}
