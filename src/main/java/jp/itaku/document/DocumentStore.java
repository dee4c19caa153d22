package jp.itaku.document;

import java.io.InputStream;

/**
 * Content-addressed storage of uploaded files: a file is named by the SHA-256 of its
 * content, so it is never overwritten and the same content is kept once. The default is
 * {@link FileSystemDocumentStore}; an S3-compatible object store can implement this
 * interface too (key = hash, a conditional put that never replaces an object).
 */
public interface DocumentStore {

	/**
	 * Stores content: streams it to a temporary place while computing its SHA-256 and
	 * size, then publishes it under its hash. When content with the same hash is already
	 * stored, the new copy is discarded.
	 * @param content the content; read to its end but not closed
	 * @param maxBytes the most bytes accepted
	 * @return the stored document
	 * @throws DocumentTooLargeException when more than {@code maxBytes} arrive; nothing
	 * is left behind
	 * @throws java.io.UncheckedIOException when the content cannot be read or written;
	 * nothing is left behind
	 */
	StoredDocument store(InputStream content, long maxBytes);

	/**
	 * Opens a stored document for reading.
	 * @param key the key {@link #store} returned
	 * @return the content; the caller closes it
	 * @throws NoSuchDocumentException when nothing is stored under the key
	 * @throws IllegalArgumentException when the key is not a key of this store
	 */
	InputStream open(String key);

	/**
	 * Tells whether a document is stored.
	 * @param key the key {@link #store} returned
	 * @return whether it is stored
	 * @throws IllegalArgumentException when the key is not a key of this store
	 */
	boolean exists(String key);

	/**
	 * Deletes a stored document. Only for the quarantine of an infected upload: stored
	 * documents are otherwise immutable and kept.
	 * @param key the key {@link #store} returned
	 * @throws IllegalArgumentException when the key is not a key of this store
	 */
	void delete(String key);

}
