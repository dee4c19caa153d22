package jp.itaku.support;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application ({@code target/itaku.jar}, built before the integration tests)
 * run as a child process on an embedded database of its own, as an operator runs it:
 * started, killed with {@code kill -9}, its postmaster killed, operator commands run
 * beside it. Always on the embedded database, also in the external-server pass.
 */
public final class ChildNode implements AutoCloseable {

	private final Path home;

	private final int port;

	private final List<String> arguments;

	private final Path log;

	private final boolean aheadOfTime;

	private Process process;

	/**
	 * Prepares a node.
	 * @param home its data directory ({@code ITAKU_DATA_DIR}: database, documents, keys)
	 * @param arguments further arguments, e.g. {@code --spring.profiles.active=demo}
	 */
	public ChildNode(Path home, String... arguments) {
		this(home, false, arguments);
	}

	private ChildNode(Path home, boolean aheadOfTime, String... arguments) {
		this.home = home;
		this.port = freePort();
		this.arguments = List.of(arguments);
		this.log = home.resolveSibling(home.getFileName() + "-node.log");
		this.aheadOfTime = aheadOfTime;
	}

	/**
	 * Prepares a node in Spring's ahead-of-time mode ({@code -Dspring.aot.enabled=true}),
	 * with the demo profile it was built for and the reminders on (the mode refuses them
	 * off).
	 * @param home its data directory
	 * @param arguments further arguments
	 * @return the node
	 */
	public static ChildNode aheadOfTime(Path home, String... arguments) {
		List<String> all = new ArrayList<>(List.of("--spring.profiles.active=demo"));
		all.addAll(List.of(arguments));
		return new ChildNode(home, true, all.toArray(String[]::new));
	}

	/**
	 * Returns the packaged application.
	 * @return {@code target/itaku.jar}
	 */
	public static Path jar() {
		Path jar = Path.of("target", "itaku.jar").toAbsolutePath();
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: the integration tests run after the package phase");
		}
		return jar;
	}

	/**
	 * Starts the node (it is not ready yet).
	 */
	public void start() {
		List<String> command = new ArrayList<>(java(this.aheadOfTime));
		command.addAll(List.of("--server.port=" + this.port, "--server.address=127.0.0.1"));
		command.addAll(common());
		command.addAll(this.arguments);
		this.process = launch(command, this.log);
	}

	/**
	 * Waits until the node's readiness is UP.
	 * @param timeout how long at most
	 * @return how long it took
	 * @throws IllegalStateException when the node ends or does not become ready in time
	 */
	public Duration awaitReady(Duration timeout) {
		long start = System.nanoTime();
		long deadline = start + timeout.toNanos();
		HttpSession probe = new HttpSession(base());
		while (System.nanoTime() < deadline) {
			if (this.process != null && !this.process.isAlive()) {
				throw new IllegalStateException("The node ended with " + this.process.exitValue() + ": " + tail());
			}
			try {
				HttpResponse<String> readiness = probe.get("/actuator/health/readiness");
				if (readiness.statusCode() == 200) {
					return Duration.ofNanos(System.nanoTime() - start);
				}
			}
			catch (UncheckedIOException ex) {
				// not listening yet
			}
			sleep(250);
		}
		throw new IllegalStateException("The node was not ready within " + timeout + ": " + tail());
	}

	/**
	 * Kills the node's JVM with SIGKILL ({@code kill -9}); its postmaster lives on.
	 */
	public void killJvm() {
		this.process.destroyForcibly();
		waitFor(this.process);
	}

	/**
	 * Kills the node's postmaster with SIGKILL.
	 * @return its process id
	 */
	public long killPostmaster() {
		long pid = postmasterPid();
		ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
		return pid;
	}

	/**
	 * Stops the node as an operator does (SIGTERM, graceful shutdown).
	 */
	public void stop() {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroy();
			waitFor(this.process);
		}
	}

	/**
	 * Returns the process id of the node's postmaster.
	 * @return the pid from {@code postmaster.pid}
	 */
	public long postmasterPid() {
		return Long.parseLong(postmasterLines().get(0).trim());
	}

	/**
	 * Connects to the node's database as the schema's owner (the credentials kept beside
	 * the keyset).
	 * @return the connection
	 * @throws SQLException when it cannot connect
	 */
	public Connection ownerConnection() throws SQLException {
		Properties credentials = new Properties();
		try (Reader reader = Files.newBufferedReader(
				this.home.resolve("keys").resolve("database-credentials.properties"), StandardCharsets.UTF_8)) {
			credentials.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Properties properties = new Properties();
		properties.setProperty("user", "itaku_owner");
		properties.setProperty("password", credentials.getProperty("owner.password"));
		return DriverManager
			.getConnection("jdbc:postgresql://localhost:" + postmasterLines().get(3).trim() + "/postgres", properties);
	}

	/**
	 * Runs an operator command against this node's data directory, beside the node if it
	 * runs.
	 * @param arguments {@code --itaku.command=NAME} and its options
	 * @return its exit status and what it printed
	 */
	public Result command(String... arguments) {
		List<String> command = new ArrayList<>(java(this.aheadOfTime));
		command.addAll(common());
		command.addAll(List.of(arguments));
		Path output = this.home.resolveSibling(this.home.getFileName() + "-command.log");
		try {
			Files.deleteIfExists(output);
			long start = System.nanoTime();
			Process run = launch(command, output);
			if (!run.waitFor(10, TimeUnit.MINUTES)) {
				run.destroyForcibly();
				throw new IllegalStateException("The command did not end: " + command);
			}
			return new Result(run.exitValue(), Files.readString(output, StandardCharsets.UTF_8),
					Duration.ofNanos(System.nanoTime() - start));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Returns the node's address.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public String base() {
		return "http://127.0.0.1:" + this.port;
	}

	/**
	 * Returns the node's data directory.
	 * @return the directory
	 */
	public Path home() {
		return this.home;
	}

	/**
	 * Returns the end of the node's output, for failure messages.
	 * @return the last lines
	 */
	public String tail() {
		try {
			List<String> lines = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no output)";
		}
	}

	/**
	 * Returns all the node's output so far.
	 * @return its log
	 */
	public String output() {
		try {
			return Files.readString(this.log, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		stop();
	}

	private List<String> common() {
		List<String> common = new ArrayList<>(List.of("--itaku.data-dir=" + this.home, "--spring.datasource.url=",
				"--logging.structured.format.console=", "--spring.main.banner-mode=off"));
		if (!this.aheadOfTime) {
			common.add("--itaku.reminders.enabled=false");
		}
		return common;
	}

	private List<String> postmasterLines() {
		try {
			return Files.readAllLines(this.home.resolve("postgres").resolve("postmaster.pid"),
					StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> java(boolean aheadOfTime) {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(
				List.of(java, "-Xmx768m", "-XX:TieredStopAtLevel=1", "-Duser.timezone=America/New_York"));
		if (aheadOfTime) {
			command.add("-Dspring.aot.enabled=true");
		}
		command.addAll(List.of("-jar", jar().toString()));
		return command;
	}

	private static Process launch(List<String> command, Path output) {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
		for (String variable : List.of("ITAKU_DB_URL", "ITAKU_DB_USER", "ITAKU_DB_PASSWORD", "ITAKU_DB_OWNER_USER",
				"ITAKU_DB_OWNER_PASSWORD", "ITAKU_DATA_DIR", "ITAKU_KEYSET_FILE", "PORT")) {
			builder.environment().remove(variable);
		}
		try {
			return builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void waitFor(Process process) {
		try {
			if (!process.waitFor(2, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				process.waitFor(30, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What an operator command did.
	 *
	 * @param exit its exit status
	 * @param output what it printed (and logged)
	 * @param took how long it ran
	 */
	public record Result(int exit, String output, Duration took) {
	}

}
