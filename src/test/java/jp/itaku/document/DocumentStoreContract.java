package jp.itaku.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What every {@link DocumentStore} does, whatever holds the bytes: documents are kept by
 * their SHA-256 and never overwritten, named objects are replaced whole, and nothing is
 * left behind when a write is refused or breaks. Each store's test class extends this.
 */
abstract class DocumentStoreContract {

	/**
	 * Returns the store under test, empty at the start of each test.
	 * @return the store
	 */
	abstract DocumentStore store();

	/**
	 * Returns how many documents the store holds, counted from its own storage.
	 * @return the number of documents
	 */
	abstract int documentCount();

	/**
	 * Returns the size of the content that makes a named object go up in several parts.
	 * @return a size in bytes
	 */
	abstract int largeObjectSize();

	/**
	 * Tells whether the store's backend keeps an object when an upload that would have
	 * replaced it in parts is abandoned (Amazon S3 and the file system do; S3Mock 5.0.0
	 * deletes the object of that key when a multipart upload is aborted).
	 * @return whether the earlier object survives an abandoned large upload here
	 */
	boolean keepsTheEarlierObjectWhenALargeUploadIsAbandoned() {
		return true;
	}

	@Test
	void storedContentReadsBackUnchanged() throws IOException {
		byte[] content = randomBytes(200_000);
		DocumentStore store = store();
		StoredDocument stored = store.store(new ByteArrayInputStream(content), 1_000_000);
		assertThat(stored.size()).isEqualTo(content.length);
		assertThat(store.exists(stored.key())).isTrue();
		try (InputStream in = store.open(stored.key())) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
	}

	@Test
	void theKeyIsTheSha256OfTheContent() {
		byte[] content = "令和7年度 業務報告書".getBytes(StandardCharsets.UTF_8);
		StoredDocument stored = store().store(new ByteArrayInputStream(content), 1000);
		assertThat(stored.sha256()).isEqualTo(sha256(content));
		assertThat(stored.key()).isEqualTo(sha256(content));
	}

	@Test
	void theSameContentTwiceIsOneDocumentUnderOneKey() {
		DocumentStore store = store();
		byte[] content = randomBytes(10_000);
		StoredDocument first = store.store(new ByteArrayInputStream(content), 20_000);
		StoredDocument second = store.store(new ByteArrayInputStream(content), 20_000);
		assertThat(second).isEqualTo(first);
		assertThat(documentCount()).isEqualTo(1);
	}

	@Test
	void theSameContentStoredAtOnceByManyWritersIsOneIntactDocument() throws Exception {
		DocumentStore store = store();
		byte[] content = randomBytes(300_000);
		int writers = 6;
		CyclicBarrier start = new CyclicBarrier(writers);
		ExecutorService threads = Executors.newFixedThreadPool(writers);
		try {
			Callable<StoredDocument> write = () -> {
				start.await(10, TimeUnit.SECONDS);
				return store.store(new ByteArrayInputStream(content), 1_000_000);
			};
			List<Future<StoredDocument>> results = threads.invokeAll(java.util.Collections.nCopies(writers, write));
			for (Future<StoredDocument> result : results) {
				assertThat(result.get().key()).isEqualTo(sha256(content));
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(documentCount()).isEqualTo(1);
		try (InputStream in = store.open(sha256(content))) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
	}

	@Test
	void tooLargeContentIsRefusedAndLeavesNothing() {
		DocumentStore store = store();
		assertThatExceptionOfType(DocumentTooLargeException.class)
			.isThrownBy(() -> store.store(new ByteArrayInputStream(randomBytes(100_001)), 100_000))
			.satisfies((ex) -> assertThat(ex.getMaxBytes()).isEqualTo(100_000));
		assertThat(documentCount()).isZero();
	}

	@Test
	void contentOfExactlyTheLimitIsAccepted() {
		StoredDocument stored = store().store(new ByteArrayInputStream(randomBytes(100_000)), 100_000);
		assertThat(stored.size()).isEqualTo(100_000);
	}

	@Test
	void aStreamThatBreaksLeavesNothing() {
		InputStream broken = new InputStream() {

			private int sent;

			@Override
			public int read() throws IOException {
				if (this.sent++ > 5000) {
					throw new IOException("connection reset");
				}
				return 'x';
			}

		};
		assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> store().store(broken, 100_000));
		assertThat(documentCount()).isZero();
	}

	@Test
	void anUnknownKeyIsNotFoundAndAMalformedKeyIsRefused() {
		DocumentStore store = store();
		String unknown = "0".repeat(64);
		assertThat(store.exists(unknown)).isFalse();
		assertThatExceptionOfType(NoSuchDocumentException.class).isThrownBy(() -> store.open(unknown))
			.withMessageContaining(unknown);
		assertThatIllegalArgumentException().isThrownBy(() -> store.open("../../etc/passwd"));
		assertThatIllegalArgumentException().isThrownBy(() -> store.open("AB" + "0".repeat(62)));
		assertThatIllegalArgumentException().isThrownBy(() -> store.exists("objects/x"));
	}

	@Test
	void deleteRemovesADocument() {
		DocumentStore store = store();
		StoredDocument stored = store.store(new ByteArrayInputStream(new byte[] { 42 }), 10);
		store.delete(stored.key());
		assertThat(store.exists(stored.key())).isFalse();
		assertThat(documentCount()).isZero();
	}

	@Test
	void documentsAreListedInKeyOrderAPageAtATimeWithoutNamedObjects() {
		DocumentStore store = store();
		List<String> keys = new java.util.ArrayList<>();
		for (int i = 0; i < 7; i++) {
			keys.add(store.store(new ByteArrayInputStream(("document " + i).getBytes(StandardCharsets.UTF_8)), 100)
				.key());
		}
		store.putObject("log-spool/batch-1", new ByteArrayInputStream(new byte[] { 1 }), 100);
		List<String> listed = new java.util.ArrayList<>();
		String after = null;
		int pages = 0;
		while (true) {
			List<StoredObject> page = store.listDocuments(after, 3);
			assertThat(page).hasSizeLessThanOrEqualTo(3);
			page.forEach((object) -> assertThat(object.lastModified()).isNotNull());
			page.forEach((object) -> listed.add(object.name()));
			pages++;
			if (page.size() < 3) {
				break;
			}
			after = page.get(page.size() - 1).name();
		}
		assertThat(listed).containsExactlyElementsOf(keys.stream().sorted().toList());
		assertThat(pages).isEqualTo(3);
		assertThat(store.listDocuments(keys.stream().sorted().toList().get(6), 3)).isEmpty();
	}

	@Test
	void aNamedObjectIsReplacedWholeAndListedUnderItsPrefix() throws IOException {
		DocumentStore store = store();
		store.putObject("log-spool/batch-1", new ByteArrayInputStream("first".getBytes(StandardCharsets.UTF_8)), 100);
		StoredObject second = store.putObject("log-spool/batch-1",
				new ByteArrayInputStream("second".getBytes(StandardCharsets.UTF_8)), 100);
		store.putObject("log-spool/batch-2", new ByteArrayInputStream(new byte[3]), 100);
		store.putObject("pending/x", new ByteArrayInputStream(new byte[1]), 100);
		assertThat(second.size()).isEqualTo(6);
		assertThat(second.lastModified()).isNotNull();
		try (InputStream in = store.openObject("log-spool/batch-1")) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("second");
		}
		assertThat(store.listObjects("log-spool/")).extracting(StoredObject::name)
			.containsExactly("log-spool/batch-1", "log-spool/batch-2");
		assertThat(store.listObjects("log-spool/")).extracting(StoredObject::size).containsExactly(6L, 3L);
		assertThat(store.deleteObject("log-spool/batch-1")).isTrue();
		assertThat(store.deleteObject("log-spool/batch-1")).isFalse();
		assertThatExceptionOfType(NoSuchDocumentException.class)
			.isThrownBy(() -> store.openObject("log-spool/batch-1"));
		assertThat(store.listObjects("nothing-here/")).isEmpty();
		assertThat(documentCount()).isZero();
	}

	@Test
	void anObjectTooLargeLeavesTheEarlierOne() throws IOException {
		DocumentStore store = store();
		store.putObject("pending/a", new ByteArrayInputStream("kept".getBytes(StandardCharsets.UTF_8)), 100);
		assertThatExceptionOfType(DocumentTooLargeException.class)
			.isThrownBy(() -> store.putObject("pending/a", new ByteArrayInputStream(new byte[200]), 100));
		try (InputStream in = store.openObject("pending/a")) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("kept");
		}
	}

	@Test
	void aLargeObjectIsStreamedAndReadsBackUnchanged() throws IOException {
		DocumentStore store = store();
		byte[] content = randomBytes(largeObjectSize());
		StoredObject stored = store.putObject("log-spool/large", new ByteArrayInputStream(content), Long.MAX_VALUE);
		assertThat(stored.size()).isEqualTo(content.length);
		try (InputStream in = store.openObject("log-spool/large")) {
			assertThat(sha256(in.readAllBytes())).isEqualTo(sha256(content));
		}
	}

	@Test
	void aLargeObjectTooLargeOrBrokenLeavesTheEarlierOne() throws IOException {
		DocumentStore store = store();
		store.putObject("log-spool/b", new ByteArrayInputStream("kept".getBytes(StandardCharsets.UTF_8)), 100);
		int size = largeObjectSize();
		assertThatExceptionOfType(DocumentTooLargeException.class)
			.isThrownBy(() -> store.putObject("log-spool/b", new ByteArrayInputStream(randomBytes(size)), size - 1));
		InputStream breaksAtTheEnd = new java.io.SequenceInputStream(new ByteArrayInputStream(randomBytes(size)),
				new InputStream() {

					@Override
					public int read() throws IOException {
						throw new IOException("connection reset");
					}

				});
		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> store.putObject("log-spool/b", breaksAtTheEnd, Long.MAX_VALUE));
		if (!keepsTheEarlierObjectWhenALargeUploadIsAbandoned()) {
			assertThat(store.listObjects("log-spool/")).extracting(StoredObject::size)
				.allSatisfy((stored) -> assertThat(stored).isEqualTo(4L));
			return;
		}
		try (InputStream in = store.openObject("log-spool/b")) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("kept");
		}
	}

	@Test
	void objectNamesCannotLeaveTheStore() {
		DocumentStore store = store();
		for (String name : List.of("../x", "a/../../x", "/etc/passwd", "single", "a//b", "a/.hidden/../b", "a/b/",
				"")) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> store.putObject(name, new ByteArrayInputStream(new byte[1]), 10));
		}
		assertThatIllegalArgumentException().isThrownBy(() -> store.openObject("../documents/x"));
		assertThatIllegalArgumentException().isThrownBy(() -> store.listObjects("../"));
		assertThatIllegalArgumentException().isThrownBy(() -> store.listObjects("log-spool"));
	}

	static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		new Random(length).nextBytes(bytes);
		return bytes;
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
