package jp.itaku.platform.database;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.sun.security.auth.module.UnixSystem;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL server programs bundled with zonky's binaries ({@code initdb},
 * {@code pg_ctl}, {@code postgres}), unpacked once per bundle into
 * {@code java.io.tmpdir/itaku-postgres/<hash>}, and how to run them: PostgreSQL refuses
 * to run as root, so when the JVM is root each program runs in a user namespace of its
 * own ({@code unshare -U}), as zonky does.
 */
final class PostgresBinaries {

	private static final Logger log = LoggerFactory.getLogger(PostgresBinaries.class);

	private static @Nullable PostgresBinaries instance;

	private final Path home;

	private final boolean unshare;

	private PostgresBinaries(Path home, boolean unshare) {
		this.home = home;
		this.unshare = unshare;
	}

	/**
	 * Returns the bundle, unpacking it on first use.
	 * @return the binaries
	 */
	static synchronized PostgresBinaries get() {
		if (instance == null) {
			instance = new PostgresBinaries(unpack(), isRoot());
		}
		return instance;
	}

	/**
	 * Returns a program's path.
	 * @param program {@code initdb}, {@code pg_ctl} or {@code postgres}
	 * @return the path
	 */
	Path program(String program) {
		return this.home.resolve("bin").resolve(program);
	}

	/**
	 * Returns a process builder for a program, in a user namespace of its own when the
	 * JVM runs as root.
	 * @param program the program
	 * @param arguments its arguments
	 * @return the builder
	 */
	ProcessBuilder command(String program, List<String> arguments) {
		List<String> command = new ArrayList<>();
		if (this.unshare) {
			command.add("unshare");
			command.add("-U");
		}
		command.add(program(program).toString());
		command.addAll(arguments);
		return new ProcessBuilder(command);
	}

	/**
	 * Runs a program to its end, with its output in a log file.
	 * @param program the program
	 * @param arguments its arguments
	 * @param output where its standard output and error are appended
	 * @param timeout how long it may take
	 * @return its exit status
	 * @throws IllegalStateException when it does not end in time
	 */
	int run(String program, List<String> arguments, Path output, Duration timeout) {
		ProcessBuilder builder = command(program, arguments).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
		try {
			Process process = builder.start();
			process.getOutputStream().close();
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(program + " did not end within " + timeout + " (see " + output + ")");
			}
			return process.exitValue();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot run " + program(program), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running " + program, ex);
		}
	}

	private static boolean isRoot() {
		try {
			return new UnixSystem().getUid() == 0;
		}
		catch (LinkageError | RuntimeException ex) {
			return false;
		}
	}

	private static Path unpack() {
		byte[] archive = archive();
		String hash = HexFormat.of().formatHex(sha256(archive)).substring(0, 16);
		Path parent = Path.of(System.getProperty("java.io.tmpdir"), "itaku-postgres");
		Path home = parent.resolve(hash);
		if (Files.exists(home.resolve(".complete"))) {
			return home;
		}
		Path staging = parent.resolve(hash + "-" + UUID.randomUUID() + ".part");
		try {
			Files.createDirectories(parent);
			extract(archive, staging);
			Files.writeString(staging.resolve(".complete"), hash, StandardCharsets.UTF_8);
			try {
				Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
				log.info("PostgreSQL binaries unpacked into {}", home);
			}
			catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | DirectoryNotEmptyException ex) {
				// Another process unpacked the same bundle meanwhile.
				deleteTree(staging);
				if (!Files.exists(home.resolve(".complete"))) {
					throw new IllegalStateException("Incomplete PostgreSQL binaries in " + home + ": delete it", ex);
				}
			}
			return home;
		}
		catch (IOException ex) {
			deleteTree(staging);
			throw new UncheckedIOException("Cannot unpack the PostgreSQL binaries into " + parent, ex);
		}
	}

	private static byte[] archive() {
		String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
		String system = os.contains("mac") ? "Darwin" : (os.contains("win") ? "Windows" : "Linux");
		String arch = System.getProperty("os.arch", "");
		String machine = "amd64".equals(arch) ? "x86_64" : arch;
		try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machine)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the bundled PostgreSQL binaries", ex);
		}
	}

	private static void extract(byte[] archive, Path target) throws IOException {
		Files.createDirectories(target);
		try (TarArchiveInputStream tar = new TarArchiveInputStream(
				new XZInputStream(new ByteArrayInputStream(archive)))) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				Path path = target.resolve(entry.getName()).normalize();
				if (!path.startsWith(target)) {
					throw new IOException("Archive entry outside the target: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(path);
				}
				else if (entry.isSymbolicLink()) {
					Files.createDirectories(path.getParent());
					Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
				}
				else if (entry.isLink()) {
					Files.createDirectories(path.getParent());
					Files.createLink(path, target.resolve(entry.getLinkName()).normalize());
				}
				else if (entry.isFile()) {
					Files.createDirectories(path.getParent());
					Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
					setMode(path, entry.getMode());
				}
			}
		}
	}

	private static void setMode(Path path, int mode) throws IOException {
		Set<PosixFilePermission> permissions = EnumSet.of(PosixFilePermission.OWNER_READ,
				PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
		Path parent = path.getParent();
		if ((mode & 0100) != 0 || (parent != null && parent.getFileName().toString().equals("bin"))) {
			permissions.add(PosixFilePermission.OWNER_EXECUTE);
			permissions.add(PosixFilePermission.GROUP_EXECUTE);
			permissions.add(PosixFilePermission.OTHERS_EXECUTE);
		}
		permissions.add(PosixFilePermission.OWNER_WRITE);
		try {
			Files.setPosixFilePermissions(path, permissions);
		}
		catch (UnsupportedOperationException ex) {
			path.toFile().setExecutable(permissions.contains(PosixFilePermission.OWNER_EXECUTE));
		}
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	static void deleteTree(@Nullable Path root) {
		if (root == null || !Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			log.warn("Cannot delete {}", root, ex);
		}
	}

}
