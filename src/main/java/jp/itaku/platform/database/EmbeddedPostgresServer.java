package jp.itaku.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL server of one data directory, run by this process or, for an
 * operator command beside a running node, the node's server that the command attaches to
 * (never a second postmaster on the same directory).
 * <p>
 * Durability: {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} are
 * set on the command line to PostgreSQL's defaults ({@code on}) and checked after the
 * start, so that no configuration file can weaken them; only the test suite relaxes fsync
 * and synchronous commit ({@code itaku.database.embedded.durable=false}, as zonky ran
 * it). A commit the application confirms is then on disk, whatever process dies.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private static final List<String> DURABILITY = List.of("fsync", "synchronous_commit", "full_page_writes");

	private final Settings settings;

	private final EmbeddedCredentials credentials;

	private final @Nullable EmbeddedDataDirectory directory;

	private final Path dataDir;

	private volatile int port;

	private volatile long pid;

	private volatile boolean closed;

	private EmbeddedPostgresServer(Settings settings, EmbeddedCredentials credentials,
			@Nullable EmbeddedDataDirectory directory, int port, long pid) {
		this.settings = settings;
		this.credentials = credentials;
		this.directory = directory;
		this.dataDir = settings.dataDir().toAbsolutePath().normalize();
		this.port = port;
		this.pid = pid;
	}

	/**
	 * Starts the server of a data directory, or attaches to the one that runs it.
	 * <ul>
	 * <li>When no live process holds the directory, it is claimed: an orphaned postmaster
	 * of a crashed process is stopped cleanly, the cluster is created if there is none,
	 * the roles are set up, and the server starts.</li>
	 * <li>When another live process holds it (a running node) and {@code attach} is set
	 * (operator commands), the command connects to that node's server, whose port its
	 * {@code postmaster.pid} gives.</li>
	 * <li>Otherwise it waits up to {@code settings.lockWait()} for the other process to
	 * end, then fails.</li>
	 * </ul>
	 * @param settings the settings
	 * @param credentials the roles' passwords
	 * @param attach whether to attach to a server another process runs
	 * @return the server
	 * @throws IllegalStateException when the directory stays held by another process
	 */
	public static EmbeddedPostgresServer startOrAttach(Settings settings, EmbeddedCredentials credentials,
			boolean attach) {
		Path dataDir = settings.dataDir().toAbsolutePath().normalize();
		long deadline = System.nanoTime() + settings.lockWait().toNanos();
		boolean told = false;
		while (true) {
			Optional<EmbeddedDataDirectory> claimed = EmbeddedDataDirectory.tryClaim(dataDir);
			if (claimed.isPresent()) {
				return start(settings, credentials, claimed.get());
			}
			if (attach) {
				Optional<Postmaster> running = Postmaster.of(dataDir).filter(Postmaster::isReady);
				if (running.isPresent()) {
					log.info("Attached to the embedded PostgreSQL server of the running node (pid {}, port {})",
							running.get().pid(), running.get().port());
					return new EmbeddedPostgresServer(settings, credentials, null, running.get().port(),
							running.get().pid());
				}
			}
			if (System.nanoTime() > deadline) {
				throw new EmbeddedDatabaseInUse(
						"The embedded database " + dataDir
								+ " is in use by another process (an Itaku node or an operator command; its pid is in "
								+ EmbeddedDataDirectory.lockFile(dataDir) + ")",
						"Stop that process, or give this node its own ITAKU_DATA_DIR. Several nodes need an external "
								+ "PostgreSQL server (ITAKU_DB_URL).");
			}
			if (!told) {
				log.warn("The embedded database {} is in use by another process: waiting up to {} for it", dataDir,
						settings.lockWait());
				told = true;
			}
			sleep(500);
		}
	}

	private static EmbeddedPostgresServer start(Settings settings, EmbeddedCredentials credentials,
			EmbeddedDataDirectory directory) {
		try {
			PostgresBinaries binaries = PostgresBinaries.get();
			directory.endOrphans();
			if (!directory.isInitialised()) {
				directory.initialise(binaries, credentials);
			}
			directory.setUpRoles(binaries, credentials);
			EmbeddedPostgresServer server = new EmbeddedPostgresServer(settings, credentials, directory,
					settings.port(), 0);
			server.launch();
			return server;
		}
		catch (RuntimeException ex) {
			directory.close();
			throw ex;
		}
	}

	/**
	 * Tells whether this process attached to another process's server.
	 * @return whether it did
	 */
	public boolean isAttached() {
		return this.directory == null;
	}

	/**
	 * Returns the port the server listens on (loopback only).
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Returns the data directory.
	 * @return its absolute path
	 */
	public Path dataDirectory() {
		return this.dataDir;
	}

	/**
	 * Returns the JDBC URL of Itaku's database.
	 * @return the URL
	 */
	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + this.port + "/" + EmbeddedDataDirectory.DATABASE;
	}

	EmbeddedCredentials credentials() {
		return this.credentials;
	}

	/**
	 * Opens a connection as the superuser (online backups).
	 * @return the connection; the caller closes it
	 * @throws SQLException when the server cannot be reached
	 */
	public Connection superuserConnection() throws SQLException {
		return connect(EmbeddedCredentials.SUPERUSER, this.credentials.superuserPassword());
	}

	private Connection connect(String user, String password) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", user);
		properties.setProperty("password", password);
		properties.setProperty("connectTimeout", "5");
		return DriverManager.getConnection(jdbcUrl(), properties);
	}

	/**
	 * Tells whether the server's postmaster is alive.
	 * @return whether it is
	 */
	public boolean isRunning() {
		return ProcessHandle.of(this.pid).map(ProcessHandle::isAlive).orElse(false);
	}

	/**
	 * Returns the postmaster's process id.
	 * @return the pid
	 */
	public long pid() {
		return this.pid;
	}

	/**
	 * Starts the server again after its postmaster died (crash recovery replays the WAL),
	 * on the same port, so that the connection pool finds it again.
	 * @return whether it had to be started
	 * @throws IllegalStateException when it cannot be started
	 */
	public synchronized boolean restartIfDead() {
		if (this.closed || isAttached() || isRunning()) {
			return false;
		}
		log.error("The embedded PostgreSQL server (pid {}) has died: starting it again", this.pid);
		if (this.directory != null) {
			this.directory.endOrphans();
		}
		launch();
		return true;
	}

	/**
	 * Stops the server this process runs (fast shutdown) but keeps the data directory
	 * claimed, as for an outage: the watchdog, or {@link #restartIfDead}, starts it
	 * again. Nothing happens to a server this process attached to.
	 */
	public synchronized void stop() {
		if (this.closed || isAttached()) {
			return;
		}
		Postmaster.of(this.dataDir).ifPresent((postmaster) -> postmaster.stopFast(Duration.ofSeconds(60)));
	}

	private void launch() {
		PostgresBinaries binaries = PostgresBinaries.get();
		Path logDir = this.dataDir.resolve("log");
		Path startLog = logDir.resolve("startup.log");
		try {
			Files.createDirectories(logDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create " + logDir, ex);
		}
		int attempts = (this.settings.port() == 0 && this.port == 0) ? 5 : 1;
		for (int attempt = 1;; attempt++) {
			int candidate = (this.port != 0) ? this.port : freePort();
			List<String> arguments = List.of("-D", this.dataDir.toString(), "-l", startLog.toString(), "-o",
					String.join(" ", serverOptions(candidate)), "-w", "-t",
					Long.toString(this.settings.startTimeout().toSeconds()), "start");
			int status = binaries.run("pg_ctl", arguments, logDir.resolve("pg_ctl.log"),
					this.settings.startTimeout().plusSeconds(30));
			if (status == 0) {
				this.port = candidate;
				break;
			}
			Postmaster.awaitServerProcessesGone(this.dataDir, Duration.ofSeconds(10));
			if (attempt >= attempts) {
				throw new IllegalStateException("Cannot start the embedded PostgreSQL server in " + this.dataDir
						+ " (pg_ctl exit " + status + "): " + tail(startLog));
			}
			log.warn("The embedded PostgreSQL server did not start on port {}: trying another", candidate);
		}
		this.pid = Postmaster.of(this.dataDir).map(Postmaster::pid).orElse(0L);
		checkSettings();
		log.info("Embedded PostgreSQL (pid {}) listens on localhost:{} with data in {}{}", this.pid, this.port,
				this.dataDir, this.settings.durable() ? "" : " (durability relaxed: tests only)");
	}

	private List<String> serverOptions(int port) {
		List<String> options = new ArrayList<>(List.of("-p", Integer.toString(port), "-c", "listen_addresses=localhost",
				"-c", "unix_socket_directories=''", "-c", "timezone=UTC", "-c", "max_connections=300", "-c",
				"logging_collector=on", "-c", "log_filename=postgresql-%a.log", "-c", "log_truncate_on_rotation=on",
				"-c", "log_rotation_age=1d", "-c", "log_rotation_size=0", "-c",
				"shared_buffers=" + this.settings.sharedBuffers()));
		String value = this.settings.durable() ? "on" : "off";
		// Relaxed (tests): as zonky ran it, fsync and synchronous commit off; full-page
		// writes stay on.
		options
			.addAll(List.of("-c", "fsync=" + value, "-c", "synchronous_commit=" + value, "-c", "full_page_writes=on"));
		return options;
	}

	private void checkSettings() {
		try (Connection connection = superuserConnection(); Statement statement = connection.createStatement()) {
			for (String setting : DURABILITY) {
				try (ResultSet rs = statement.executeQuery("show " + setting)) {
					rs.next();
					String value = rs.getString(1);
					if (this.settings.durable() && !"on".equals(value)) {
						throw new IllegalStateException("The embedded PostgreSQL server runs with " + setting + "="
								+ value + ": refusing to run without durable commits");
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The embedded PostgreSQL server started but does not answer: " + ex, ex);
		}
	}

	/**
	 * Stops the server this process runs (fast shutdown: open transactions are rolled
	 * back, a checkpoint is written) and releases the data directory. An attached server
	 * is left running.
	 */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		if (isAttached()) {
			return;
		}
		try {
			Postmaster.of(this.dataDir).ifPresent((postmaster) -> postmaster.stopFast(Duration.ofSeconds(60)));
			log.info("Embedded PostgreSQL stopped");
		}
		finally {
			if (this.directory != null) {
				this.directory.close();
			}
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port", ex);
		}
	}

	private static String tail(Path file) {
		try {
			List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
			return String.join(" | ", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
		}
		catch (IOException ex) {
			return "(no " + file + ")";
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	/**
	 * How the embedded server runs.
	 *
	 * @param dataDir its data directory
	 * @param port its port, 0 for a free one
	 * @param durable whether fsync and synchronous commit are on (off only in the test
	 * suite; full-page writes are always on)
	 * @param startTimeout how long a start (with crash recovery) may take
	 * @param lockWait how long to wait for another process that holds the data directory
	 * @param sharedBuffers the server's buffer cache ({@code shared_buffers}, in
	 * PostgreSQL's units)
	 */
	public record Settings(Path dataDir, int port, boolean durable, Duration startTimeout, Duration lockWait,
			String sharedBuffers) {

		/** The buffer cache the application's server has unless configured otherwise. */
		public static final String SHARED_BUFFERS = "512MB";

	}

}
