package jp.itaku.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A {@link DocumentStore} in a bucket of an S3-compatible object store, shared by every
 * node ({@code itaku.documents.store=s3}).
 * <ul>
 * <li>Documents live under {@code documents/<sha256>}. An upload is spooled to a local
 * temporary file while its SHA-256 and size are computed (the key is known only at the
 * end), then sent in one PUT of known length with {@code If-None-Match: *} and its
 * SHA-256 as the checksum the server verifies. A document is never overwritten: a PUT
 * that finds the key taken is answered 412 and the new copy is discarded. A server that
 * ignores the condition can at worst write the same bytes again, since the same key means
 * the same content; a HEAD before the PUT spares sending content already stored.</li>
 * <li>Named objects live under {@code objects/<name>} and are streamed from the caller:
 * content that fits in one part ({@code part-size}) is sent in one PUT, larger content
 * (log batches of hundreds of MB) as a multipart upload holding one part in memory at a
 * time. S3 makes the object visible only when the PUT or the completion succeeds, so a
 * reader sees the old object or the new one whole, and a refused or broken upload is
 * aborted and leaves the old object unchanged.</li>
 * <li>{@link #removeLeftovers} aborts the multipart uploads that were started before the
 * given time and never completed (a node that crashed mid-upload), and removes this
 * node's spooled files of that age.</li>
 * </ul>
 */
class S3DocumentStore implements DocumentStore, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(S3DocumentStore.class);

	private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");

	private static final String DOCUMENTS = "documents/";

	private static final String OBJECTS = "objects/";

	private static final int PRECONDITION_FAILED = 412;

	private static final int CONFLICT = 409;

	private static final int NOT_FOUND = 404;

	private final S3Client s3;

	private final String bucket;

	private final int partSize;

	private final Path temporary;

	/**
	 * Creates the store over a client; the bucket must exist.
	 * @param s3 the client, closed with the store
	 * @param bucket the bucket
	 * @param partSize the size of the parts of a multipart upload, at least 5 MB
	 * @param temporary where this node spools uploads while hashing them
	 */
	S3DocumentStore(S3Client s3, String bucket, long partSize, Path temporary) {
		if (partSize < S3StoreProperties.MIN_PART_SIZE || partSize > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException("itaku.documents.s3.part-size must be at least 5MB and below 2GB");
		}
		this.s3 = s3;
		this.bucket = bucket;
		this.partSize = (int) partSize;
		this.temporary = temporary.toAbsolutePath().normalize();
		try {
			Files.createDirectories(this.temporary);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the spool directory " + this.temporary, ex);
		}
	}

	@Override
	public StoredDocument store(InputStream content, long maxBytes) {
		Path temp = null;
		try {
			temp = Files.createTempFile(this.temporary, "upload-", ".part");
			MessageDigest digest = sha256();
			long size;
			try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp, StandardOpenOption.WRITE),
					digest)) {
				size = copy(content, out, maxBytes);
			}
			byte[] hash = digest.digest();
			String sha256 = HexFormat.of().formatHex(hash);
			String key = DOCUMENTS + sha256;
			if (head(key) != null) {
				log.debug("Document {} was already stored; the new copy is discarded", sha256);
			}
			else if (putIfAbsent(key, temp, size, Base64.getEncoder().encodeToString(hash))) {
				log.info("Stored document {} ({} bytes)", sha256, size);
			}
			return new StoredDocument(sha256, sha256, size);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot store a document in bucket " + this.bucket, ex);
		}
		finally {
			deleteQuietly(temp);
		}
	}

	/**
	 * Sends a spooled document under its key unless the key is taken.
	 * @param key the object's key
	 * @param file the spooled content
	 * @param size its size
	 * @param sha256Base64 its SHA-256, which the server checks ({@code null}: none)
	 * @return whether this call wrote it
	 */
	boolean putIfAbsent(String key, Path file, long size, String sha256Base64) {
		try {
			this.s3.putObject((put) -> put.bucket(this.bucket)
				.key(key)
				.ifNoneMatch("*")
				.contentLength(size)
				.checksumSHA256(sha256Base64)
				.contentType("application/octet-stream"), RequestBody.fromFile(file));
			return true;
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == PRECONDITION_FAILED) {
				// Another upload of the same content won the race: the key holds these
				// bytes.
				return false;
			}
			if (ex.statusCode() == CONFLICT && head(key) != null) {
				// A concurrent write of the same key finished first.
				return false;
			}
			throw ex;
		}
	}

	@Override
	public InputStream open(@Nullable String key) {
		String objectKey = documentKey(key);
		try {
			return this.s3.getObject((get) -> get.bucket(this.bucket).key(objectKey));
		}
		catch (NoSuchKeyException ex) {
			throw new NoSuchDocumentException(key);
		}
	}

	@Override
	public boolean exists(String key) {
		return head(documentKey(key)) != null;
	}

	@Override
	public void delete(String key) {
		String objectKey = documentKey(key);
		this.s3.deleteObject((delete) -> delete.bucket(this.bucket).key(objectKey));
		log.warn("Deleted document {}", key);
	}

	@Override
	public StoredObject putObject(String name, InputStream content, long maxBytes) {
		String key = OBJECTS + DocumentStore.checkObjectName(name);
		try {
			long limit = Math.min(this.partSize, (maxBytes < Long.MAX_VALUE) ? maxBytes + 1 : maxBytes);
			byte[] first = content.readNBytes((int) limit);
			if (first.length > maxBytes) {
				throw new DocumentTooLargeException(maxBytes);
			}
			long size;
			if (first.length < this.partSize) {
				this.s3.putObject((put) -> put.bucket(this.bucket).key(key).contentLength((long) first.length),
						RequestBody.fromBytes(first));
				size = first.length;
			}
			else {
				size = multipart(key, first, content, maxBytes);
			}
			HeadObjectResponse stored = head(key);
			Instant lastModified = (stored != null) ? stored.lastModified() : Instant.now();
			return new StoredObject(name, size, lastModified);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the content of object " + name, ex);
		}
	}

	/**
	 * Uploads content of at least one part in parts, one part in memory at a time; aborts
	 * the upload when the content is too large or cannot be read.
	 * @return the size
	 */
	private long multipart(String key, byte[] first, InputStream content, long maxBytes) throws IOException {
		String uploadId = this.s3.createMultipartUpload((create) -> create.bucket(this.bucket).key(key)).uploadId();
		boolean completed = false;
		try {
			List<CompletedPart> parts = new ArrayList<>();
			byte[] part = first;
			long size = 0;
			while (part.length > 0) {
				size += part.length;
				if (size > maxBytes) {
					throw new DocumentTooLargeException(maxBytes);
				}
				int number = parts.size() + 1;
				byte[] body = part;
				String etag = this.s3
					.uploadPart((upload) -> upload.bucket(this.bucket)
						.key(key)
						.uploadId(uploadId)
						.partNumber(number)
						.contentLength((long) body.length), RequestBody.fromBytes(body))
					.eTag();
				parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
				part = content.readNBytes(this.partSize);
			}
			this.s3.completeMultipartUpload(CompleteMultipartUploadRequest.builder()
				.bucket(this.bucket)
				.key(key)
				.uploadId(uploadId)
				.multipartUpload(CompletedMultipartUpload.builder().parts(parts).build())
				.build());
			completed = true;
			return size;
		}
		finally {
			if (!completed) {
				abortQuietly(key, uploadId);
			}
		}
	}

	@Override
	public InputStream openObject(String name) {
		String key = OBJECTS + DocumentStore.checkObjectName(name);
		try {
			return this.s3.getObject((get) -> get.bucket(this.bucket).key(key));
		}
		catch (NoSuchKeyException ex) {
			throw new NoSuchDocumentException(name);
		}
	}

	@Override
	public boolean deleteObject(String name) {
		String key = OBJECTS + DocumentStore.checkObjectName(name);
		boolean existed = head(key) != null;
		this.s3.deleteObject((delete) -> delete.bucket(this.bucket).key(key));
		return existed;
	}

	@Override
	public List<StoredObject> listDocuments(@Nullable String after, int limit) {
		List<StoredObject> found = new ArrayList<>();
		var request = ListObjectsV2Request.builder()
			.bucket(this.bucket)
			.prefix(DOCUMENTS)
			.maxKeys(Math.max(1, Math.min(limit, 1000)));
		if (after != null) {
			request.startAfter(documentKey(after));
		}
		for (S3Object object : this.s3.listObjectsV2Paginator(request.build()).contents()) {
			String key = object.key().substring(DOCUMENTS.length());
			if (KEY.matcher(key).matches()) {
				found.add(new StoredObject(key, object.size(), object.lastModified()));
			}
			if (found.size() >= limit) {
				break;
			}
		}
		return found;
	}

	@Override
	public List<StoredObject> listObjects(String prefix) {
		String keyPrefix = OBJECTS + DocumentStore.checkObjectPrefix(prefix);
		List<StoredObject> found = new ArrayList<>();
		for (S3Object object : this.s3.listObjectsV2Paginator((list) -> list.bucket(this.bucket).prefix(keyPrefix))
			.contents()) {
			found.add(new StoredObject(object.key().substring(OBJECTS.length()), object.size(), object.lastModified()));
		}
		found.sort(Comparator.comparing(StoredObject::name));
		return found;
	}

	@Override
	public List<String> removeLeftovers(Instant startedBefore) {
		List<String> removed = new ArrayList<>();
		for (MultipartUpload upload : this.s3.listMultipartUploadsPaginator((list) -> list.bucket(this.bucket))
			.uploads()) {
			if (upload.initiated() != null && upload.initiated().isBefore(startedBefore)) {
				try {
					this.s3.abortMultipartUpload(abort(upload.key(), upload.uploadId()));
					removed.add("multipart upload of " + upload.key() + " started " + upload.initiated());
				}
				catch (NoSuchKeyException ex) {
					// completed or aborted meanwhile (S3 answers NoSuchUpload as 404)
				}
				catch (S3Exception ex) {
					if (ex.statusCode() != NOT_FOUND) {
						throw ex;
					}
				}
			}
		}
		TemporaryFiles.removeOlderThan(this.temporary, startedBefore, "spool ", removed);
		return removed;
	}

	@Override
	public void close() {
		this.s3.close();
	}

	@Override
	public String toString() {
		return "S3DocumentStore[bucket=" + this.bucket + "]";
	}

	private @Nullable HeadObjectResponse head(String key) {
		try {
			return this.s3.headObject((head) -> head.bucket(this.bucket).key(key));
		}
		catch (NoSuchKeyException ex) {
			return null;
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == NOT_FOUND) {
				return null;
			}
			throw ex;
		}
	}

	private AbortMultipartUploadRequest abort(String key, String uploadId) {
		return AbortMultipartUploadRequest.builder().bucket(this.bucket).key(key).uploadId(uploadId).build();
	}

	private void abortQuietly(String key, String uploadId) {
		try {
			this.s3.abortMultipartUpload(abort(key, uploadId));
		}
		catch (RuntimeException ex) {
			log.warn("Cannot abort the multipart upload of {}; removeLeftovers will", key, ex);
		}
	}

	private static String documentKey(@Nullable String key) {
		if (key == null || !KEY.matcher(key).matches()) {
			throw new IllegalArgumentException("Not a document key (SHA-256 in lower-case hex): " + key);
		}
		return DOCUMENTS + key;
	}

	private static long copy(InputStream content, OutputStream out, long maxBytes) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long size = 0;
		int read;
		while ((read = content.read(buffer)) != -1) {
			size += read;
			if (size > maxBytes) {
				throw new DocumentTooLargeException(maxBytes);
			}
			out.write(buffer, 0, read);
		}
		return size;
	}

	private static void deleteQuietly(@Nullable Path temp) {
		if (temp == null) {
			return;
		}
		try {
			Files.deleteIfExists(temp);
		}
		catch (IOException ex) {
			log.warn("Cannot delete the spooled file {}", temp, ex);
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
