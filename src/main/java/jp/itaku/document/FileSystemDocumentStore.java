package jp.itaku.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link DocumentStore}: files in a directory ({@code itaku.documents.dir}),
 * named by their SHA-256 and sharded by its first two hex characters
 * ({@code ab/abcdef…}). A file is written to {@code tmp/} first, flushed to disk, made
 * read-only and only then published under its name, so a reader never sees a partial file
 * and a stored file never changes. Named objects live under {@code objects/} by their
 * name, written the same way and then moved over the old file atomically.
 */
class FileSystemDocumentStore implements DocumentStore {

	private static final Logger log = LoggerFactory.getLogger(FileSystemDocumentStore.class);

	private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");

	private static final Pattern SHARD = Pattern.compile("[0-9a-f]{2}");

	private static final int BUFFER_SIZE = 64 * 1024;

	private final Path root;

	private final Path temporary;

	private final Path objects;

	/**
	 * Creates the store, and its directory if it does not exist.
	 * @param root the directory
	 */
	FileSystemDocumentStore(Path root) {
		this.root = root.toAbsolutePath().normalize();
		this.temporary = this.root.resolve("tmp");
		this.objects = this.root.resolve("objects");
		try {
			Files.createDirectories(this.temporary);
			Files.createDirectories(this.objects);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the document directory " + this.root, ex);
		}
	}

	@Override
	public StoredDocument store(InputStream content, long maxBytes) {
		Path temp = null;
		try {
			temp = Files.createTempFile(this.temporary, "upload-", ".part");
			MessageDigest digest = sha256();
			long size = copy(content, temp, digest, maxBytes);
			String sha256 = HexFormat.of().formatHex(digest.digest());
			makeReadOnly(temp);
			Path target = path(sha256);
			Files.createDirectories(target.getParent());
			if (publish(temp, target)) {
				forceDirectory(target.getParent());
				log.info("Stored document {} ({} bytes)", sha256, size);
			}
			else {
				log.debug("Document {} was already stored; the new copy is discarded", sha256);
			}
			return new StoredDocument(sha256, sha256, size);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot store a document in " + this.root, ex);
		}
		finally {
			deleteQuietly(temp);
		}
	}

	@Override
	public InputStream open(@Nullable String key) {
		try {
			return Files.newInputStream(path(key));
		}
		catch (NoSuchFileException ex) {
			throw new NoSuchDocumentException(key);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot open document " + key, ex);
		}
	}

	@Override
	public boolean exists(String key) {
		return Files.isRegularFile(path(key));
	}

	@Override
	public void delete(String key) {
		Path file = path(key);
		try {
			try {
				Files.deleteIfExists(file);
			}
			catch (AccessDeniedException ex) {
				// File systems where a read-only file cannot be deleted (Windows).
				if (!file.toFile().setWritable(true, true)) {
					throw ex;
				}
				Files.deleteIfExists(file);
			}
			log.warn("Deleted document {}", key);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete document " + key, ex);
		}
	}

	@Override
	public List<StoredObject> listDocuments(@Nullable String after, int limit) {
		List<StoredObject> found = new ArrayList<>();
		List<Path> shards;
		try (Stream<Path> dirs = Files.list(this.root)) {
			shards = dirs.filter((dir) -> SHARD.matcher(dir.getFileName().toString()).matches())
				.filter(Files::isDirectory)
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the documents in " + this.root, ex);
		}
		for (Path shard : shards) {
			String name = shard.getFileName().toString();
			if (after != null && name.compareTo(after.substring(0, Math.min(2, after.length()))) < 0) {
				continue;
			}
			List<Path> files;
			try (Stream<Path> listed = Files.list(shard)) {
				files = listed.filter((file) -> KEY.matcher(file.getFileName().toString()).matches())
					.filter((file) -> after == null || file.getFileName().toString().compareTo(after) > 0)
					.sorted()
					.toList();
			}
			catch (NoSuchFileException ex) {
				continue;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot list the documents in " + shard, ex);
			}
			for (Path file : files) {
				try {
					found.add(new StoredObject(file.getFileName().toString(), Files.size(file),
							Files.getLastModifiedTime(file).toInstant()));
				}
				catch (NoSuchFileException ex) {
					// deleted while listing
					continue;
				}
				catch (IOException ex) {
					throw new UncheckedIOException("Cannot read " + file, ex);
				}
				if (found.size() == limit) {
					return found;
				}
			}
		}
		return found;
	}

	@Override
	public StoredObject putObject(String name, InputStream content, long maxBytes) {
		Path target = objectPath(name);
		Path temp = null;
		try {
			temp = Files.createTempFile(this.temporary, "object-", ".part");
			long size = copy(content, temp, null, maxBytes);
			Files.createDirectories(target.getParent());
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			temp = null;
			forceDirectory(target.getParent());
			return new StoredObject(name, size, Files.getLastModifiedTime(target).toInstant());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write object " + name + " in " + this.root, ex);
		}
		finally {
			deleteQuietly(temp);
		}
	}

	@Override
	public InputStream openObject(String name) {
		try {
			return Files.newInputStream(objectPath(name));
		}
		catch (NoSuchFileException ex) {
			throw new NoSuchDocumentException(name);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot open object " + name, ex);
		}
	}

	@Override
	public boolean deleteObject(String name) {
		try {
			return Files.deleteIfExists(objectPath(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete object " + name, ex);
		}
	}

	@Override
	public List<StoredObject> listObjects(String prefix) {
		Path dir = this.objects.resolve(DocumentStore.checkObjectPrefix(prefix)).normalize();
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		List<StoredObject> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
				String name = this.objects.relativize(file)
					.toString()
					.replace(file.getFileSystem().getSeparator(), "/");
				try {
					found.add(new StoredObject(name, Files.size(file), Files.getLastModifiedTime(file).toInstant()));
				}
				catch (NoSuchFileException ex) {
					// deleted while listing
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list objects under " + prefix, ex);
		}
		found.sort(Comparator.comparing(StoredObject::name));
		return found;
	}

	@Override
	public List<String> removeLeftovers(Instant startedBefore) {
		List<String> removed = new ArrayList<>();
		TemporaryFiles.removeOlderThan(this.temporary, startedBefore, "tmp/", removed);
		return removed;
	}

	private Path objectPath(String name) {
		return this.objects.resolve(DocumentStore.checkObjectName(name)).normalize();
	}

	private static void forceDirectory(@Nullable Path dir) {
		try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			// Not every file system lets a directory be opened for syncing.
			log.debug("Cannot sync directory {}", dir);
		}
	}

	private Path path(@Nullable String key) {
		if (key == null || !KEY.matcher(key).matches()) {
			throw new IllegalArgumentException("Not a document key (SHA-256 in lower-case hex): " + key);
		}
		return this.root.resolve(key.substring(0, 2)).resolve(key);
	}

	private static long copy(InputStream content, Path temp, @Nullable MessageDigest digest, long maxBytes)
			throws IOException {
		long size = 0;
		byte[] buffer = new byte[BUFFER_SIZE];
		try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
			int read;
			while ((read = content.read(buffer)) != -1) {
				size += read;
				if (size > maxBytes) {
					throw new DocumentTooLargeException(maxBytes);
				}
				if (digest != null) {
					digest.update(buffer, 0, read);
				}
				ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, read);
				while (bytes.hasRemaining()) {
					channel.write(bytes);
				}
			}
			channel.force(true);
		}
		return size;
	}

	/**
	 * Publishes the temporary file under its final name without ever replacing a file: a
	 * hard link fails atomically when the name exists. Where hard links are not
	 * supported, an atomic move after a check; should another upload of the same content
	 * win the race in between, the name still holds the same bytes.
	 * @return whether the file was new
	 */
	private static boolean publish(Path temp, Path target) throws IOException {
		try {
			Files.createLink(target, temp);
			return true;
		}
		catch (FileAlreadyExistsException ex) {
			return false;
		}
		catch (UnsupportedOperationException | IOException ex) {
			if (Files.exists(target)) {
				return false;
			}
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
			return true;
		}
	}

	private static void makeReadOnly(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
		}
		catch (UnsupportedOperationException ex) {
			if (!file.toFile().setReadOnly()) {
				log.warn("Cannot make stored documents read-only on this file system");
			}
		}
	}

	private static void deleteQuietly(@Nullable Path temp) {
		if (temp == null) {
			return;
		}
		try {
			Files.deleteIfExists(temp);
		}
		catch (IOException ex) {
			log.warn("Cannot delete the temporary file {}", temp, ex);
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
