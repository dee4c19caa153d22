package jp.itaku.platform.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An online physical backup of the embedded cluster with PostgreSQL's own API, while the
 * server keeps serving:
 * <ol>
 * <li>on one connection held throughout, a temporary physical replication slot is
 * reserved, so that no WAL the backup needs is recycled meanwhile;</li>
 * <li>{@code pg_backup_start} (with an immediate checkpoint; full-page writes are forced
 * from here on, so pages torn by the copy are repaired by the WAL);</li>
 * <li>the data directory's files are copied, leaving out what PostgreSQL's documentation
 * lists as not needed (the WAL directory's content, {@code postmaster.pid}, temporary and
 * runtime state) and the server's logs;</li>
 * <li>{@code pg_backup_stop} gives the {@code backup_label} written into the copy, and
 * the WAL segments from the backup's start to its end are copied.</li>
 * </ol>
 * A copy started from it recovers to the moment of {@code pg_backup_stop}: consistent,
 * with every transaction committed before it.
 */
final class OnlineBackup {

	private static final Logger log = LoggerFactory.getLogger(OnlineBackup.class);

	/** Directories whose content is not copied (they are created empty). */
	private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial",
			"pg_snapshots", "pg_stat_tmp", "pg_subtrans", "log");

	/** Files of the data directory's top level that are not copied. */
	private static final Set<String> LEFT_OUT = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
			"backup_label.old", "tablespace_map", "tablespace_map.old", "epg-lock", "itaku-roles");

	private static final Pattern START_WAL = Pattern.compile("START WAL LOCATION: \\S+ \\(file ([0-9A-F]{24})\\)");

	private static final Pattern WAL_SEGMENT = Pattern.compile("[0-9A-F]{24}");

	private OnlineBackup() {
	}

	/**
	 * Copies the running cluster.
	 * @param server the server
	 * @param target an empty or missing directory
	 * @return what was copied
	 */
	static DatabaseCopy copy(EmbeddedPostgresServer server, Path target) {
		Path dataDir = server.dataDirectory();
		String slot = "itaku_backup_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		Instant started = Instant.now();
		try (Connection connection = server.superuserConnection()) {
			connection.setAutoCommit(true);
			String version = single(connection, "select current_setting('server_version')");
			try (PreparedStatement reserve = connection
				.prepareStatement("select pg_create_physical_replication_slot(?, true, true)")) {
				reserve.setString(1, slot);
				reserve.execute();
			}
			String startLsn;
			try (PreparedStatement start = connection.prepareStatement("select pg_backup_start(?, true)::text")) {
				start.setString(1, "itaku " + started);
				try (ResultSet rs = start.executeQuery()) {
					rs.next();
					startLsn = rs.getString(1);
				}
			}
			List<DatabaseCopy.CopiedFile> files = new ArrayList<>();
			String stopLsn;
			String label;
			String stopSegment;
			try {
				Files.createDirectories(target);
				copyDataFiles(dataDir, target, files);
			}
			finally {
				try (Statement stop = connection.createStatement();
						ResultSet rs = stop.executeQuery("select lsn::text, labelfile, spcmapfile,"
								+ " pg_walfile_name(lsn) from pg_backup_stop(false)")) {
					rs.next();
					stopLsn = rs.getString(1);
					label = rs.getString(2);
					String map = rs.getString(3);
					stopSegment = rs.getString(4);
					if (map != null && !map.isEmpty()) {
						files.add(write(target, "tablespace_map", map));
					}
				}
			}
			files.add(write(target, "backup_label", label));
			Matcher start = START_WAL.matcher(label);
			if (!start.find()) {
				throw new IllegalStateException("Unexpected backup label: " + label);
			}
			copyWal(dataDir, target, start.group(1), stopSegment, files);
			try (PreparedStatement drop = connection.prepareStatement("select pg_drop_replication_slot(?)")) {
				drop.setString(1, slot);
				drop.execute();
			}
			long bytes = files.stream().mapToLong(DatabaseCopy.CopiedFile::size).sum();
			log.info("Online backup of {}: {} files, {} bytes, WAL {} to {}", dataDir, files.size(), bytes, startLsn,
					stopLsn);
			return new DatabaseCopy(version, startLsn, stopLsn, started, List.copyOf(files));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The online backup of the embedded database failed: " + ex.getMessage(),
					ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The online backup of the embedded database failed", ex);
		}
	}

	private static void copyDataFiles(Path dataDir, Path target, List<DatabaseCopy.CopiedFile> files)
			throws IOException {
		Files.walkFileTree(dataDir, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
				Path relative = dataDir.relativize(dir);
				String name = (dir.getFileName() != null) ? dir.getFileName().toString() : "";
				if (name.startsWith("pgsql_tmp")) {
					return FileVisitResult.SKIP_SUBTREE;
				}
				Files.createDirectories(target.resolve(relative.toString()));
				if (relative.getNameCount() == 1 && EMPTIED.contains(name)) {
					if (name.equals("pg_wal")) {
						Files.createDirectories(target.resolve("pg_wal").resolve("archive_status"));
					}
					return FileVisitResult.SKIP_SUBTREE;
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				Path relative = dataDir.relativize(file);
				String name = file.getFileName().toString();
				if ((relative.getNameCount() == 1 && LEFT_OUT.contains(name)) || name.equals("pg_internal.init")
						|| name.startsWith("pgsql_tmp") || !attributes.isRegularFile()) {
					return FileVisitResult.CONTINUE;
				}
				try {
					files.add(copyFile(file, target,
							relative.toString().replace(file.getFileSystem().getSeparator(), "/")));
				}
				catch (NoSuchFileException ex) {
					// dropped while copying: the WAL replays the drop
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException ex) throws IOException {
				if (ex instanceof NoSuchFileException) {
					return FileVisitResult.CONTINUE;
				}
				throw ex;
			}

		});
	}

	private static void copyWal(Path dataDir, Path target, String first, String last,
			List<DatabaseCopy.CopiedFile> files) throws IOException {
		Path wal = dataDir.resolve("pg_wal");
		List<String> names;
		try (Stream<Path> entries = Files.list(wal)) {
			names = entries.map((p) -> p.getFileName().toString()).sorted().toList();
		}
		boolean complete = false;
		for (String name : names) {
			boolean segment = WAL_SEGMENT.matcher(name).matches() && name.substring(0, 8).equals(first.substring(0, 8))
					&& name.compareTo(first) >= 0 && name.compareTo(last) <= 0;
			if (segment || name.endsWith(".history")) {
				files.add(copyFile(wal.resolve(name), target, "pg_wal/" + name));
				complete |= name.equals(last);
			}
		}
		if (!complete) {
			throw new IllegalStateException("The WAL segment " + last + " the backup needs is missing");
		}
	}

	private static DatabaseCopy.CopiedFile copyFile(Path source, Path target, String relative) throws IOException {
		MessageDigest digest = sha256();
		Path to = target.resolve(relative);
		long size = 0;
		try (InputStream in = Files.newInputStream(source);
				FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			byte[] buffer = new byte[1 << 16];
			int read;
			while ((read = in.read(buffer)) != -1) {
				digest.update(buffer, 0, read);
				ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, read);
				while (bytes.hasRemaining()) {
					out.write(bytes);
				}
				size += read;
			}
			out.force(true);
		}
		return new DatabaseCopy.CopiedFile(relative, size, HexFormat.of().formatHex(digest.digest()));
	}

	private static DatabaseCopy.CopiedFile write(Path target, String relative, String content) throws IOException {
		byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
		Path to = target.resolve(relative);
		try (FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			out.write(ByteBuffer.wrap(bytes));
			out.force(true);
		}
		return new DatabaseCopy.CopiedFile(relative, bytes.length, HexFormat.of().formatHex(sha256().digest(bytes)));
	}

	private static String single(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
