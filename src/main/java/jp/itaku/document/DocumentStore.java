package jp.itaku.document;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Where every file Itaku receives or generates lives, shared by all nodes.
 * <ul>
 * <li><b>Documents</b> (evidence: submissions, generated forms) are content-addressed: a
 * file is named by the SHA-256 of its content, so it is never overwritten and the same
 * content is kept once ({@link #store}, {@link #open}).</li>
 * <li><b>Named objects</b> hold work in progress that is not evidence and is replaced or
 * removed when the work ends: spool copies of log batches awaiting a decision, imports
 * awaiting confirmation (encrypted by the module that owns them), checkpoints of the
 * audit chain ({@link #putObject}, {@link #openObject}, {@link #listObjects},
 * {@link #deleteObject}). A name is path segments of {@code [A-Za-z0-9._-]} separated by
 * {@code /}, the first segment naming the owner, e.g. {@code log-spool/<batch id>}.</li>
 * </ul>
 * The default is {@link FileSystemDocumentStore}; an S3-compatible object store
 * implements the same contract.
 */
public interface DocumentStore {

	/** What a named object's name must look like. */
	Pattern OBJECT_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)+");

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
	InputStream open(@Nullable String key);

	/**
	 * Tells whether a document is stored.
	 * @param key the key {@link #store} returned
	 * @return whether it is stored
	 * @throws IllegalArgumentException when the key is not a key of this store
	 */
	boolean exists(String key);

	/**
	 * Deletes a stored document. Only for the quarantine of an infected upload and for
	 * the janitor's removal of a document no record refers to: stored documents are
	 * otherwise immutable and kept.
	 * @param key the key {@link #store} returned
	 * @throws IllegalArgumentException when the key is not a key of this store
	 */
	void delete(String key);

	/**
	 * Lists stored documents in key order, a page at a time, for the janitor that removes
	 * documents no record refers to.
	 * @param after the last key of the previous page, {@code null} to start at the first
	 * @param limit the most documents returned
	 * @return the documents with a key after {@code after}, each with its key as name,
	 * its size and when it was written; fewer than {@code limit} on the last page
	 */
	List<StoredObject> listDocuments(@Nullable String after, int limit);

	/**
	 * Writes a named object, replacing an object of that name atomically: a reader sees
	 * the old content or the new, never part of either. The content is on durable storage
	 * when this returns.
	 * @param name the object's name (see {@link #OBJECT_NAME})
	 * @param content the content; read to its end but not closed
	 * @param maxBytes the most bytes accepted
	 * @return the object as stored
	 * @throws DocumentTooLargeException when more than {@code maxBytes} arrive; nothing
	 * is left behind and an earlier object of that name is unchanged
	 * @throws IllegalArgumentException when the name is not a valid object name
	 */
	StoredObject putObject(String name, InputStream content, long maxBytes);

	/**
	 * Opens a named object for reading.
	 * @param name the object's name
	 * @return the content; the caller closes it
	 * @throws NoSuchDocumentException when there is no object of that name
	 * @throws IllegalArgumentException when the name is not a valid object name
	 */
	InputStream openObject(String name);

	/**
	 * Deletes a named object.
	 * @param name the object's name
	 * @return whether there was one
	 * @throws IllegalArgumentException when the name is not a valid object name
	 */
	boolean deleteObject(String name);

	/**
	 * Lists the named objects under a prefix, in name order.
	 * @param prefix the first segments of the names followed by {@code /}, e.g.
	 * {@code log-spool/}; empty for every object (backups)
	 * @return the objects
	 * @throws IllegalArgumentException when the prefix does not end with {@code /} or is
	 * not made of valid segments
	 */
	List<StoredObject> listObjects(String prefix);

	/**
	 * Removes what interrupted writes left behind (partial uploads of documents or
	 * objects) that started before a time; a write still in progress is never touched as
	 * long as it started after it.
	 * @param startedBefore leftovers of writes that started before this are removed
	 * @return a description of each leftover removed, for the audit trail
	 */
	List<String> removeLeftovers(Instant startedBefore);

	/**
	 * Checks a named object's name.
	 * @param name the name
	 * @return the name
	 * @throws IllegalArgumentException when it is not a valid object name
	 */
	static String checkObjectName(String name) {
		if (name == null || !OBJECT_NAME.matcher(name).matches() || name.contains("..")) {
			throw new IllegalArgumentException("Not an object name: " + name);
		}
		return name;
	}

	/**
	 * Checks a prefix of named objects.
	 * @param prefix the prefix, or empty for every object
	 * @return the prefix
	 * @throws IllegalArgumentException when it is not a valid prefix
	 */
	static String checkObjectPrefix(String prefix) {
		if ("".equals(prefix)) {
			return prefix;
		}
		if (prefix == null || !prefix.endsWith("/")) {
			throw new IllegalArgumentException("Not an object prefix: " + prefix);
		}
		String segments = prefix.substring(0, prefix.length() - 1);
		if (!segments.matches("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*")
				|| segments.contains("..")) {
			throw new IllegalArgumentException("Not an object prefix: " + prefix);
		}
		return prefix;
	}

}
