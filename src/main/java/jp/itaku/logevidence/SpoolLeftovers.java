package jp.itaku.logevidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jp.itaku.document.DocumentStore;
import jp.itaku.document.StoredObject;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds and removes the spool copies of log batches that nothing needs any more, for the
 * janitor. A batch's bytes are kept while it waits for the user's decision (PENDING);
 * once it is accepted or rejected its copy is normally removed at once, but a crash in
 * between leaves it behind. Copies are the store's named objects under
 * {@value #PREFIX}{@code <batch id>} and, from versions before the store held them, files
 * {@code <batch id>.log} in the local spool directory ({@code itaku.logs.spool-dir}). A
 * copy is removed when its batch is decided, or when no batch of that id exists and the
 * copy is older than the given time (an upload still being read has no batch row yet). A
 * copy of a waiting batch, and anything not named by a batch id, is kept. The local files
 * {@code <batch id>.part} that a node writes while it reads a batch are removed once
 * older than the same time, whatever their batch: a node that crashed while reading left
 * them.
 */
@Component
public class SpoolLeftovers {

	/** Where the store keeps the spool copies. */
	public static final String PREFIX = "log-spool/";

	private static final Logger log = LoggerFactory.getLogger(SpoolLeftovers.class);

	private static final String LOCAL_SUFFIX = ".log";

	private static final String READING_SUFFIX = ".part";

	private final DocumentStore store;

	private final JdbcClient jdbc;

	private final Path spool;

	SpoolLeftovers(DocumentStore store, JdbcClient jdbc,
			@Value("${itaku.logs.spool-dir:${itaku.data-dir:./data}/log-spool}") Path spool) {
		this.store = store;
		this.jdbc = jdbc;
		this.spool = spool;
	}

	/**
	 * Removes the spool copies of decided batches, and those of unknown batches written
	 * before a time.
	 * @param unknownWrittenBefore a copy whose batch is unknown is removed when it was
	 * written before this
	 * @return a description of each copy removed, for the audit trail
	 */
	public List<String> remove(Instant unknownWrittenBefore) {
		List<String> removed = new ArrayList<>();
		removeObjects(unknownWrittenBefore, removed);
		removeLocalFiles(unknownWrittenBefore, removed);
		return removed;
	}

	private void removeObjects(Instant unknownWrittenBefore, List<String> removed) {
		Map<StoredObject, UUID> copies = new HashMap<>();
		for (StoredObject object : this.store.listObjects(PREFIX)) {
			batchId(object.name().substring(object.name().lastIndexOf('/') + 1))
				.ifPresent((id) -> copies.put(object, id));
		}
		Map<UUID, String> states = states(copies.values());
		copies.forEach((object, batchId) -> {
			if (finished(states.get(batchId), object.lastModified(), unknownWrittenBefore)
					&& this.store.deleteObject(object.name())) {
				removed.add(object.name() + " (" + describe(states.get(batchId)) + ", " + object.size() + " bytes)");
			}
		});
	}

	private void removeLocalFiles(Instant unknownWrittenBefore, List<String> removed) {
		if (!Files.isDirectory(this.spool)) {
			return;
		}
		Map<Path, UUID> copies = new HashMap<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(this.spool, "*" + LOCAL_SUFFIX)) {
			for (Path file : files) {
				String name = file.getFileName().toString();
				batchId(name.substring(0, name.length() - LOCAL_SUFFIX.length()))
					.ifPresent((id) -> copies.put(file, id));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the log spool " + this.spool, ex);
		}
		Map<Path, UUID> reading = new HashMap<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(this.spool, "*" + READING_SUFFIX)) {
			for (Path file : files) {
				String name = file.getFileName().toString();
				batchId(name.substring(0, name.length() - READING_SUFFIX.length()))
					.ifPresent((id) -> reading.put(file, id));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the log spool " + this.spool, ex);
		}
		Map<UUID, String> states = states(copies.values());
		// A file being read is treated as a copy of an unknown batch: removed by age
		// alone.
		reading.forEach((file, batchId) -> copies.put(file, null));
		copies.forEach((file, batchId) -> {
			try {
				long size = Files.size(file);
				Instant written = Files.getLastModifiedTime(file).toInstant();
				String state = (batchId != null) ? states.get(batchId) : null;
				if (finished(state, written, unknownWrittenBefore) && Files.deleteIfExists(file)) {
					removed.add(file + " (" + ((batchId != null) ? describe(state) : "being read") + ", " + size
							+ " bytes)");
				}
			}
			catch (NoSuchFileException ex) {
				// removed meanwhile by the decision that finished it
			}
			catch (IOException ex) {
				log.warn("Cannot remove the spool copy {}: {}", file, ex.getMessage());
			}
		});
	}

	private static boolean finished(@Nullable String state, Instant written, Instant unknownWrittenBefore) {
		if (state == null) {
			return written.isBefore(unknownWrittenBefore);
		}
		return !LogBatch.Status.PENDING.name().equals(state);
	}

	private static String describe(@Nullable String state) {
		return (state != null) ? state : "unknown batch";
	}

	private Map<UUID, String> states(Collection<UUID> batchIds) {
		Map<UUID, String> states = new HashMap<>();
		if (batchIds.isEmpty()) {
			return states;
		}
		this.jdbc.sql("select id, status from log_batch where id = any(:ids)")
			.param("ids", batchIds.stream().distinct().toArray(UUID[]::new))
			.query((rs, n) -> states.put(rs.getObject(1, UUID.class), rs.getString(2)))
			.list();
		return states;
	}

	private static Optional<UUID> batchId(String name) {
		String id = (name.indexOf('.') > 0) ? name.substring(0, name.indexOf('.')) : name;
		try {
			return Optional.of(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
