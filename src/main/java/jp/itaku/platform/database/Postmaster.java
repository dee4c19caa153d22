package jp.itaku.platform.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The postmaster a data directory's {@code postmaster.pid} names, and what is true of it:
 * whether that process is alive, and whether it really is a PostgreSQL server of this
 * data directory ({@code /proc/<pid>/exe} is {@code postgres} and its working directory
 * is the data directory, which PostgreSQL makes its own; where there is no {@code /proc},
 * its command line names {@code postgres} and the data directory). A live process that is
 * not ours (a pid reused after a crash) is never signalled.
 *
 * @param pid the process id (line 1)
 * @param port the TCP port (line 4), 0 when not yet written
 * @param status the status (line 8: {@code starting}, {@code ready}, {@code stopping}),
 * empty when not yet written
 * @param dataDir the data directory whose file this is (its real path)
 */
record Postmaster(long pid, int port, String status, Path dataDir) {

	private static final Logger log = LoggerFactory.getLogger(Postmaster.class);

	private static final Path PROC = Path.of("/proc");

	/**
	 * Reads a data directory's {@code postmaster.pid}.
	 * @param dataDir the data directory
	 * @return the postmaster it names; empty when there is no (complete) file
	 */
	static Optional<Postmaster> of(Path dataDir) {
		Path file = dataDir.resolve("postmaster.pid");
		try {
			List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
			if (lines.isEmpty() || lines.get(0).isBlank()) {
				return Optional.empty();
			}
			long pid = Long.parseLong(lines.get(0).trim());
			int port = (lines.size() > 3 && !lines.get(3).isBlank()) ? Integer.parseInt(lines.get(3).trim()) : 0;
			String status = (lines.size() > 7) ? lines.get(7).trim() : "";
			return Optional.of(new Postmaster(pid, port, status, dataDir.toRealPath()));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException | NumberFormatException ex) {
			log.warn("Cannot read {}: {}", file, ex.toString());
			return Optional.empty();
		}
	}

	/**
	 * Tells whether the process is alive.
	 * @return whether it is
	 */
	boolean isAlive() {
		return ProcessHandle.of(this.pid).map(ProcessHandle::isAlive).orElse(false);
	}

	/**
	 * Tells whether the process is alive and is a PostgreSQL server of this data
	 * directory.
	 * @return whether it is
	 */
	boolean isOurs() {
		return isAlive() && isServerOf(this.pid, this.dataDir);
	}

	/**
	 * Tells whether the postmaster is ours and accepts connections.
	 * @return whether it does
	 */
	boolean isReady() {
		return "ready".equals(this.status) && this.port > 0 && isOurs();
	}

	/**
	 * Stops the postmaster as {@code pg_ctl stop -m fast} does (SIGINT: active
	 * transactions are rolled back, a checkpoint is written), then waits for it and its
	 * children to end. Only when it does not end in time: SIGQUIT (immediate, crash
	 * recovery at the next start).
	 * @param timeout how long a fast shutdown may take
	 */
	void stopFast(Duration timeout) {
		if (!isOurs()) {
			return;
		}
		signal(this.pid, "INT");
		if (!awaitExit(this.pid, timeout)) {
			log.warn("PostgreSQL (pid {}) did not end within {} of a fast shutdown: immediate shutdown", this.pid,
					timeout);
			if (isOurs()) {
				signal(this.pid, "QUIT");
			}
			awaitExit(this.pid, Duration.ofSeconds(10));
		}
		awaitServerProcessesGone(this.dataDir, Duration.ofSeconds(30));
	}

	/**
	 * Waits until no server process of a data directory is left (the backends and
	 * auxiliary processes of a postmaster that was killed end by themselves once they
	 * notice; a new postmaster cannot start while they still hold the shared memory), and
	 * kills those left after the timeout.
	 * @param dataDir the data directory
	 * @param timeout how long to wait
	 */
	static void awaitServerProcessesGone(Path dataDir, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		List<Long> left = serverProcesses(dataDir);
		while (!left.isEmpty() && System.nanoTime() < deadline) {
			sleep(100);
			left = serverProcesses(dataDir);
		}
		for (long pid : left) {
			log.warn("Killing PostgreSQL process {} of {} left after its postmaster ended", pid, dataDir);
			signal(pid, "KILL");
			awaitExit(pid, Duration.ofSeconds(5));
		}
	}

	/**
	 * Lists the live PostgreSQL processes whose working directory is a data directory
	 * (Linux; elsewhere none are found and the start of the next postmaster is what
	 * tells).
	 * @param dataDir the data directory
	 * @return their process ids
	 */
	static List<Long> serverProcesses(Path dataDir) {
		List<Long> found = new ArrayList<>();
		if (!Files.isDirectory(PROC)) {
			return found;
		}
		Path real;
		try {
			real = dataDir.toRealPath();
		}
		catch (IOException ex) {
			return found;
		}
		try (Stream<Path> entries = Files.list(PROC)) {
			entries.map((p) -> p.getFileName().toString())
				.filter((name) -> name.chars().allMatch(Character::isDigit))
				.map(Long::parseLong)
				.filter((pid) -> pid != ProcessHandle.current().pid())
				.filter((pid) -> isServerOf(pid, real))
				.forEach(found::add);
		}
		catch (IOException ex) {
			log.debug("Cannot list processes", ex);
		}
		return found;
	}

	private static boolean isServerOf(long pid, Path dataDir) {
		Path proc = PROC.resolve(Long.toString(pid));
		if (Files.isDirectory(PROC)) {
			try {
				Path exe = Files.readSymbolicLink(proc.resolve("exe"));
				Path cwd = Files.readSymbolicLink(proc.resolve("cwd"));
				String name = exe.getFileName().toString();
				return (name.equals("postgres") || name.startsWith("postgres ")) && cwd.equals(dataDir);
			}
			catch (IOException | UnsupportedOperationException ex) {
				return false;
			}
		}
		return ProcessHandle.of(pid)
			.flatMap((handle) -> handle.info().commandLine())
			.map((line) -> line.contains("postgres") && line.contains(dataDir.toString()))
			.orElse(false);
	}

	private static boolean awaitExit(long pid, Duration timeout) {
		Optional<ProcessHandle> handle = ProcessHandle.of(pid);
		if (handle.isEmpty()) {
			return true;
		}
		try {
			handle.get().onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
		catch (ExecutionException ex) {
			return !handle.get().isAlive();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static void signal(long pid, String signal) {
		try {
			Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true)
				.start();
			kill.getInputStream().readAllBytes();
			kill.waitFor(10, TimeUnit.SECONDS);
		}
		catch (IOException ex) {
			log.warn("Cannot send SIG{} to {}: {}", signal, pid, ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
