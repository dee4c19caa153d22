package jp.itaku.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.NotFoundProblem;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/**
 * The document module's API: accepts an uploaded file only when its type is allowed, its
 * size within the limit and its content what its extension says; stores it by content
 * hash and checks it for viruses (Setagaya clause 21, Nerima 第18条⑷キ). Infected content is
 * never kept. Who may upload or open which document is decided by the calling module,
 * which also records the upload in the audit trail.
 */
@Service
public class Documents {

	private static final Logger log = LoggerFactory.getLogger(Documents.class);

	private static final String FIELD = "file";

	private static final double BYTES_PER_MEGABYTE = 1024.0 * 1024.0;

	private final DocumentStore store;

	private final VirusScanner scanner;

	private final DataSize maxSize;

	private final Set<String> allowedExtensions;

	private final DocumentLock lock;

	Documents(DocumentStore store, VirusScanner scanner, DocumentProperties properties, DocumentLock lock) {
		this.store = store;
		this.lock = lock;
		this.scanner = scanner;
		this.maxSize = properties.maxSize();
		this.allowedExtensions = new LinkedHashSet<>();
		for (String extension : properties.allowedExtensions()) {
			this.allowedExtensions.add(extension.strip().replaceFirst("^\\.", "").toLowerCase(Locale.ROOT));
		}
	}

	/**
	 * Accepts an uploaded file: checks its type, size and content, stores it and checks
	 * it for viruses.
	 * @param fileName the file's name as uploaded (may contain a path)
	 * @param declaredContentType the content type the browser declared; not trusted, the
	 * recorded type follows from the checked extension
	 * @param content the content; read to its end, not closed
	 * @return the stored document with the sanitised name and the virus check's result
	 * ({@link ScanStatus#FAILED} when the scanner could not be asked: the file is kept
	 * and the caller shows that the check failed)
	 * @throws InvalidInputProblem on field {@code file} when the type is not allowed
	 * ({@code document.typeNotAllowed}), the file is empty ({@code document.empty}) or
	 * too large ({@code document.tooLarge}), the content does not match the extension
	 * ({@code document.contentMismatch}), or a virus was found
	 * ({@code document.infected}; nothing is kept)
	 */
	public UploadedDocument accept(@Nullable String fileName, @Nullable String declaredContentType,
			InputStream content) {
		String name = FileNames.displayName(fileName);
		String extension = FileNames.extension(name);
		if (!this.allowedExtensions.contains(extension)) {
			throw refused("document.typeNotAllowed", name, String.join(", ", this.allowedExtensions));
		}
		Optional<FileType> type = FileType.of(extension);
		// Held until the record that refers to the document commits (see DocumentLock).
		this.lock.holdSharedUntilCommit();
		StoredDocument stored = store(name, type, content);
		ScanResult scan = scan(stored);
		if (scan.status() == ScanStatus.INFECTED) {
			this.store.delete(stored.key());
			log.warn("Refused an upload: the virus scanner found {} in document {}; it was deleted", scan.detail(),
					stored.key());
			throw refused("document.infected", name, scan.detail());
		}
		if (scan.status() == ScanStatus.FAILED) {
			log.warn("The virus check of document {} failed: {}", stored.key(), scan.detail());
		}
		String contentType = type.map(FileType::contentType).orElse("application/octet-stream");
		return new UploadedDocument(stored.key(), stored.sha256(), stored.size(), name, contentType, scan);
	}

	/**
	 * Opens a stored document.
	 * @param key the key of an {@link UploadedDocument}
	 * @return its content; the caller closes it
	 * @throws NotFoundProblem when no document is stored under the key
	 */
	public InputStream open(@Nullable String key) {
		try {
			return this.store.open(key);
		}
		catch (NoSuchDocumentException | IllegalArgumentException ex) {
			throw new NotFoundProblem("document.entity");
		}
	}

	/**
	 * Lists stored documents in key order, a page at a time, for the janitor.
	 * @param after the last key of the previous page, {@code null} for the first page
	 * @param limit the most documents returned
	 * @return the documents (name: the key) with their size and when they were written
	 */
	public List<StoredObject> listStored(@Nullable String after, int limit) {
		return this.store.listDocuments(after, limit);
	}

	/**
	 * Removes the documents among some candidates that no record refers to, while no
	 * upload is running (the check of the references and the removal happen under the
	 * exclusive {@link DocumentLock}, so an upload that is about to refer to one of them
	 * waits and then stores it again).
	 * @param keys the candidates: documents no record referred to a moment ago
	 * @param referenced which of some keys a record refers to now
	 * @return the keys removed; empty when uploads were running and nothing was checked
	 */
	public Optional<List<String>> removeUnreferenced(Collection<String> keys,
			Function<Collection<String>, Set<String>> referenced) {
		return this.lock.tryExclusively(() -> {
			Set<String> kept = referenced.apply(keys);
			List<String> removed = new ArrayList<>();
			for (String key : keys) {
				if (!kept.contains(key) && this.store.exists(key)) {
					this.store.delete(key);
					removed.add(key);
				}
			}
			return removed;
		});
	}

	private StoredDocument store(String name, Optional<FileType> type, InputStream content) {
		try {
			byte[] head = content.readNBytes(FileType.HEAD_LENGTH);
			if (head.length == 0) {
				throw refused("document.empty", name);
			}
			if (type.isPresent() && !type.get().matches(head)) {
				throw refused("document.contentMismatch", name);
			}
			InputStream whole = new SequenceInputStream(new ByteArrayInputStream(head), content);
			if (type.isPresent() && type.get().isText()) {
				whole = new TextContentCheck(whole);
			}
			return this.store.store(whole, this.maxSize.toBytes());
		}
		catch (DocumentTooLargeException ex) {
			throw refused("document.tooLarge", name, this.maxSize.toBytes() / BYTES_PER_MEGABYTE);
		}
		catch (UncheckedIOException ex) {
			if (ex.getCause() instanceof ContentMismatchException) {
				throw refused("document.contentMismatch", name);
			}
			throw ex;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read an uploaded file", ex);
		}
	}

	private ScanResult scan(StoredDocument stored) {
		try (InputStream content = this.store.open(stored.key())) {
			return this.scanner.scan(content);
		}
		catch (IOException | RuntimeException ex) {
			return ScanResult.failed(ex.toString());
		}
	}

	private static InvalidInputProblem refused(String messageKey, @Nullable Object... arguments) {
		return new InvalidInputProblem(FIELD, messageKey, arguments);
	}

}
