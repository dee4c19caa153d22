package jp.itaku.platform.database;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A data directory of the embedded server, claimed by this process: a lock beside it
 * ({@code
 *
<dir>
 * .lock}, released by the operating system when the process dies) says that a live Itaku
 * process runs it. Claiming it ends what a crashed process left behind (an orphaned
 * postmaster of this directory, its leftover backends, a stale {@code postmaster.pid});
 * it then creates the cluster if there is none (initdb with SCRAM authentication) and
 * sets up the roles and {@code pg_hba.conf}, all before any server listens.
 */
final class EmbeddedDataDirectory implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDataDirectory.class);

	/** The database Itaku's schema lives in (the cluster's default database). */
	static final String DATABASE = "postgres";

	private static final String ROLES_MARKER = "itaku-roles";

	private static final String PG_HBA = """
			# Itaku: only password (SCRAM) authentication, only over the loopback interface.
			# Written by Itaku at every start of the embedded server; changes are overwritten.
			host    all    all    127.0.0.1/32    scram-sha-256
			host    all    all    ::1/128         scram-sha-256
			""";

	private final Path dir;

	private final FileChannel channel;

	private final FileLock lock;

	private EmbeddedDataDirectory(Path dir, FileChannel channel, FileLock lock) {
		this.dir = dir;
		this.channel = channel;
		this.lock = lock;
	}

	/**
	 * Claims a data directory unless another live process holds it.
	 * @param dir the data directory
	 * @return the claimed directory; empty when another process holds it
	 */
	static Optional<EmbeddedDataDirectory> tryClaim(Path dir) {
		Path absolute = dir.toAbsolutePath().normalize();
		Path lockFile = lockFile(absolute);
		FileChannel channel = null;
		try {
			Files.createDirectories(absolute.getParent());
			channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			FileLock lock = channel.tryLock();
			if (lock == null) {
				channel.close();
				return Optional.empty();
			}
			channel.truncate(0);
			channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
			return Optional.of(new EmbeddedDataDirectory(absolute, channel, lock));
		}
		catch (OverlappingFileLockException ex) {
			closeQuietly(channel);
			return Optional.empty();
		}
		catch (IOException ex) {
			closeQuietly(channel);
			throw new UncheckedIOException("Cannot lock " + lockFile, ex);
		}
	}

	/**
	 * Returns the lock file beside a data directory.
	 * @param dir the data directory
	 * @return {@code <dir>.lock}
	 */
	static Path lockFile(Path dir) {
		Path absolute = dir.toAbsolutePath().normalize();
		return absolute.resolveSibling(absolute.getFileName() + ".lock");
	}

	Path path() {
		return this.dir;
	}

	/**
	 * Ends what a crashed process left behind. A postmaster named by
	 * {@code postmaster.pid} that is alive and a server of this directory is an orphan
	 * (no live process holds the lock): it is stopped cleanly. Then leftover server
	 * processes of this directory are awaited, and a {@code postmaster.pid} whose process
	 * is gone (or was reused by another program) is removed.
	 */
	void endOrphans() {
		Optional<Postmaster> recorded = Postmaster.of(this.dir);
		if (recorded.isPresent() && recorded.get().isOurs()) {
			log.warn("An orphaned PostgreSQL server (pid {}) of {} is still running after a crash: stopping it",
					recorded.get().pid(), this.dir);
			recorded.get().stopFast(Duration.ofSeconds(60));
		}
		if (Files.isDirectory(this.dir)) {
			Postmaster.awaitServerProcessesGone(this.dir, Duration.ofSeconds(30));
		}
		recorded = Postmaster.of(this.dir);
		if (recorded.isPresent()) {
			if (recorded.get().isOurs()) {
				throw new IllegalStateException(
						"The PostgreSQL server (pid " + recorded.get().pid() + ") of " + this.dir + " did not stop");
			}
			log.warn("Removing the stale postmaster.pid of {} (pid {} {})", this.dir, recorded.get().pid(),
					recorded.get().isAlive() ? "is another program" : "is gone");
			try {
				Files.deleteIfExists(this.dir.resolve("postmaster.pid"));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot remove the stale " + this.dir.resolve("postmaster.pid"), ex);
			}
		}
	}

	/**
	 * Tells whether the directory holds a cluster.
	 * @return whether {@code PG_VERSION} exists
	 */
	boolean isInitialised() {
		return Files.exists(this.dir.resolve("PG_VERSION"));
	}

	/**
	 * Creates the cluster: UTF-8, locale C.UTF-8, SCRAM authentication with the
	 * superuser's password (never trust).
	 * @param binaries the server programs
	 * @param credentials the passwords
	 */
	void initialise(PostgresBinaries binaries, EmbeddedCredentials credentials) {
		try {
			if (Files.isDirectory(this.dir)) {
				try (Stream<Path> entries = Files.list(this.dir)) {
					if (entries.findAny().isPresent()) {
						throw new IllegalStateException(this.dir + " is neither empty nor a PostgreSQL data directory");
					}
				}
			}
			Path pwfile = Files.createTempFile(this.dir.getParent(), ".initdb-", ".pw",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Path output = Files.createTempFile(this.dir.getParent(), ".initdb-", ".log");
			try {
				Files.writeString(pwfile, credentials.superuserPassword() + "\n", StandardCharsets.UTF_8);
				int status = binaries.run("initdb",
						List.of("-D", this.dir.toString(), "-U", EmbeddedCredentials.SUPERUSER, "--auth=scram-sha-256",
								"--pwfile=" + pwfile, "--encoding=UTF8", "--locale=C.UTF-8"),
						output, Duration.ofMinutes(5));
				if (status != 0) {
					throw new IllegalStateException(
							"initdb failed for " + this.dir + ": " + Files.readString(output, StandardCharsets.UTF_8));
				}
				log.info("Created the embedded PostgreSQL cluster in {}", this.dir);
			}
			finally {
				Files.deleteIfExists(pwfile);
				Files.deleteIfExists(output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the cluster in " + this.dir, ex);
		}
	}

	/**
	 * Writes {@code pg_hba.conf} (SCRAM over loopback only) and, unless the roles were
	 * already set up with these credentials, sets them up in single-user mode (no server
	 * listens meanwhile): the superuser's password, the owner and application roles, and
	 * the ownership of the database and of every object of the schema to the owner. This
	 * also upgrades a data directory from before the roles (trust authentication,
	 * everything owned by {@code postgres}) and one restored from another machine's
	 * backup.
	 * @param binaries the server programs
	 * @param credentials the passwords
	 */
	void setUpRoles(PostgresBinaries binaries, EmbeddedCredentials credentials) {
		try {
			Path hba = this.dir.resolve("pg_hba.conf");
			if (!Files.exists(hba) || !Files.readString(hba, StandardCharsets.UTF_8).equals(PG_HBA)) {
				Files.writeString(hba, PG_HBA, StandardCharsets.UTF_8);
			}
			Path marker = this.dir.resolve(ROLES_MARKER);
			if (Files.exists(marker)
					&& Files.readString(marker, StandardCharsets.UTF_8).strip().equals(credentials.fingerprint())) {
				return;
			}
			log.info("Setting up the roles of the embedded database in {} ({} owns the schema, {} is the application)",
					this.dir, EmbeddedCredentials.OWNER, EmbeddedCredentials.APP);
			singleUser(binaries, roleScript(credentials));
			Files.writeString(marker, credentials.fingerprint() + "\n", StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot set up the roles of " + this.dir, ex);
		}
	}

	/**
	 * Runs SQL in single-user mode ({@code postgres --single}; statements end with a
	 * semicolon and an empty line). The output is kept in memory and only its error lines
	 * are reported, as the statements may hold passwords.
	 */
	private void singleUser(PostgresBinaries binaries, String sql) {
		ProcessBuilder builder = binaries
			.command("postgres", List.of("--single", "-j", "-D", this.dir.toString(), "-c",
					"log_min_error_statement=panic", "-c", "log_min_messages=warning", DATABASE))
			.redirectErrorStream(true);
		try {
			Process process = builder.start();
			ByteArrayOutputStream output = new ByteArrayOutputStream();
			Thread reader = new Thread(() -> drain(process.getInputStream(), output), "postgres-single-user");
			reader.setDaemon(true);
			reader.start();
			try (OutputStream in = process.getOutputStream()) {
				in.write(sql.getBytes(StandardCharsets.UTF_8));
			}
			if (!process.waitFor(10, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException("PostgreSQL in single-user mode did not end for " + this.dir);
			}
			reader.join(5_000);
			List<String> errors = new ArrayList<>();
			for (String line : output.toString(StandardCharsets.UTF_8).split("\n")) {
				if (line.contains("ERROR:") || line.contains("FATAL:") || line.contains("PANIC:")) {
					errors.add(line.strip());
				}
			}
			if (process.exitValue() != 0 || !errors.isEmpty()) {
				throw new IllegalStateException("Setting up the roles of " + this.dir + " failed (exit "
						+ process.exitValue() + "): " + String.join(" | ", errors));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot run PostgreSQL in single-user mode for " + this.dir, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while setting up the roles of " + this.dir, ex);
		}
	}

	private static void drain(InputStream in, ByteArrayOutputStream out) {
		try {
			in.transferTo(out);
		}
		catch (IOException ex) {
			// the process ended
		}
	}

	private static String roleScript(EmbeddedCredentials credentials) {
		String owner = EmbeddedCredentials.OWNER;
		String app = EmbeddedCredentials.APP;
		return String.join("\n\n", List.of(
				"alter role " + EmbeddedCredentials.SUPERUSER + " password '" + credentials.superuserPassword() + "';",
				"do $$ begin if not exists (select from pg_roles where rolname = '" + owner + "') then create role "
						+ owner + "; end if; if not exists (select from pg_roles where rolname = '" + app
						+ "') then create role " + app + "; end if; end $$;",
				"alter role " + owner
						+ " login nosuperuser nocreaterole nocreatedb noreplication nobypassrls password '"
						+ credentials.ownerPassword() + "';",
				"alter role " + app + " login nosuperuser nocreaterole nocreatedb noreplication nobypassrls password '"
						+ credentials.appPassword() + "';",
				"alter database " + DATABASE + " owner to " + owner + ";",
				"""
						do $$
						declare
						    r record;
						begin
						    for r in select c.oid::regclass::text as name, c.relkind from pg_class c
						        join pg_namespace n on n.oid = c.relnamespace
						        where n.nspname = 'public' and c.relowner <> '%1$s'::regrole
						          and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
						          and not exists (select from pg_depend d where d.classid = 'pg_class'::regclass
						            and d.objid = c.oid and (d.deptype = 'e' or (c.relkind = 'S' and d.deptype in ('a', 'i'))))
						    loop
						        execute format('alter %%s %%s owner to %1$s', case r.relkind when 'v' then 'view'
						            when 'm' then 'materialized view' when 'f' then 'foreign table'
						            when 'S' then 'sequence' else 'table' end, r.name);
						    end loop;
						    for r in select p.oid::regprocedure::text as name, p.prokind from pg_proc p
						        join pg_namespace n on n.oid = p.pronamespace
						        where n.nspname = 'public' and p.proowner <> '%1$s'::regrole
						          and not exists (select from pg_depend d where d.classid = 'pg_proc'::regclass
						            and d.objid = p.oid and d.deptype = 'e')
						    loop
						        execute format('alter %%s %%s owner to %1$s',
						            case r.prokind when 'a' then 'aggregate' else 'routine' end, r.name);
						    end loop;
						    for r in select t.oid::regtype::text as name from pg_type t
						        join pg_namespace n on n.oid = t.typnamespace
						        where n.nspname = 'public' and t.typowner <> '%1$s'::regrole
						          and t.typtype in ('e', 'd', 'r', 'c')
						          and (t.typrelid = 0 or (select relkind from pg_class where oid = t.typrelid) = 'c')
						          and not exists (select from pg_depend d where d.classid = 'pg_type'::regclass
						            and d.objid = t.oid and d.deptype = 'e')
						    loop
						        execute format('alter type %%s owner to %1$s', r.name);
						    end loop;
						end $$;"""
					.formatted(owner),
				"")) + "\n";
	}

	/**
	 * Replaces the directory's content with a copy of a restored data directory; the
	 * former content is moved aside to {@code
	 *
	<dir>
	 * .before-restore-<time>} (kept for the operator to remove). Only while claimed and
	 * with no server running.
	 * @param source the restored data directory's files
	 * @param stamp the suffix of the former content's name
	 * @return where the former content went, or {@code null} when there was none
	 */
	@Nullable Path replaceWith(Path source, String stamp) {
		endOrphans();
		Path staging = this.dir.resolveSibling(this.dir.getFileName() + ".restoring-" + stamp);
		try {
			// The copy is complete before the current directory is touched.
			Files.createDirectories(this.dir.getParent());
			copyTree(source, staging);
			Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwx------"));
			Path aside = null;
			if (Files.exists(this.dir)) {
				aside = this.dir.resolveSibling(this.dir.getFileName() + ".before-restore-" + stamp);
				Files.move(this.dir, aside);
			}
			Files.move(staging, this.dir);
			return aside;
		}
		catch (IOException ex) {
			PostgresBinaries.deleteTree(staging);
			throw new UncheckedIOException("Cannot restore the data directory " + this.dir, ex);
		}
	}

	private static void copyTree(Path source, Path target) throws IOException {
		try (Stream<Path> paths = Files.walk(source)) {
			for (Path path : (Iterable<Path>) paths::iterator) {
				Path to = target.resolve(source.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(to);
				}
				else {
					Files.copy(path, to);
					try (FileChannel file = FileChannel.open(to, StandardOpenOption.WRITE)) {
						file.force(true);
					}
				}
			}
		}
	}

	@Override
	public void close() {
		try {
			this.lock.release();
		}
		catch (IOException ex) {
			log.debug("Cannot release the lock of {}", this.dir, ex);
		}
		closeQuietly(this.channel);
	}

	private static void closeQuietly(@Nullable FileChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ex) {
				// nothing to do
			}
		}
	}

}
