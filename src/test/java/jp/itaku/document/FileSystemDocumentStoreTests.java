package jp.itaku.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The file-system store keeps content by its hash, never overwrites, and leaves nothing
 * behind when it refuses.
 */
class FileSystemDocumentStoreTests {

	@TempDir
	Path dir;

	private FileSystemDocumentStore store() {
		return new FileSystemDocumentStore(this.dir);
	}

	@Test
	void storedContentReadsBackUnchanged() throws IOException {
		byte[] content = randomBytes(200_000);
		FileSystemDocumentStore store = store();
		StoredDocument stored = store.store(new ByteArrayInputStream(content), 1_000_000);
		assertThat(stored.size()).isEqualTo(content.length);
		assertThat(store.exists(stored.key())).isTrue();
		try (InputStream in = store.open(stored.key())) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
	}

	@Test
	void theKeyIsTheSha256OfTheContent() throws NoSuchAlgorithmException {
		byte[] content = "令和7年度 業務報告書".getBytes(StandardCharsets.UTF_8);
		StoredDocument stored = store().store(new ByteArrayInputStream(content), 1000);
		String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		assertThat(stored.sha256()).isEqualTo(expected);
		assertThat(stored.key()).isEqualTo(expected);
	}

	@Test
	void filesAreShardedByTheFirstTwoHexCharactersAndReadOnly() throws IOException {
		StoredDocument stored = store().store(new ByteArrayInputStream(new byte[] { 1, 2, 3 }), 10);
		Path file = this.dir.resolve(stored.key().substring(0, 2)).resolve(stored.key());
		assertThat(file).isRegularFile();
		assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
		assertThat(Files.getPosixFilePermissions(file)).containsExactly(PosixFilePermission.OWNER_READ);
	}

	@Test
	void theSameContentTwiceIsOneFileUnderOneKey() throws IOException {
		FileSystemDocumentStore store = store();
		byte[] content = randomBytes(10_000);
		StoredDocument first = store.store(new ByteArrayInputStream(content), 20_000);
		StoredDocument second = store.store(new ByteArrayInputStream(content), 20_000);
		assertThat(second).isEqualTo(first);
		assertThat(regularFiles()).hasSize(1);
		assertThat(this.dir.resolve("tmp")).isEmptyDirectory();
	}

	@Test
	void tooLargeContentIsRefusedAndLeavesNoFile() throws IOException {
		FileSystemDocumentStore store = store();
		assertThatExceptionOfType(DocumentTooLargeException.class)
			.isThrownBy(() -> store.store(new ByteArrayInputStream(randomBytes(100_001)), 100_000))
			.satisfies((ex) -> assertThat(ex.getMaxBytes()).isEqualTo(100_000));
		assertThat(regularFiles()).isEmpty();
		assertThat(this.dir.resolve("tmp")).isEmptyDirectory();
	}

	@Test
	void contentOfExactlyTheLimitIsAccepted() {
		StoredDocument stored = store().store(new ByteArrayInputStream(randomBytes(100_000)), 100_000);
		assertThat(stored.size()).isEqualTo(100_000);
	}

	@Test
	void aStreamThatBreaksLeavesNoFile() throws IOException {
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
		assertThatExceptionOfType(java.io.UncheckedIOException.class).isThrownBy(() -> store().store(broken, 100_000));
		assertThat(regularFiles()).isEmpty();
	}

	@Test
	void anUnknownKeyIsNotFoundAndAMalformedKeyIsRefused() {
		FileSystemDocumentStore store = store();
		String unknown = "0".repeat(64);
		assertThat(store.exists(unknown)).isFalse();
		assertThatExceptionOfType(NoSuchDocumentException.class).isThrownBy(() -> store.open(unknown))
			.withMessageContaining(unknown);
		assertThatIllegalArgumentException().isThrownBy(() -> store.open("../../etc/passwd"));
		assertThatIllegalArgumentException().isThrownBy(() -> store.open("AB" + "0".repeat(62)));
	}

	@Test
	void deleteRemovesAReadOnlyFile() {
		FileSystemDocumentStore store = store();
		StoredDocument stored = store.store(new ByteArrayInputStream(new byte[] { 42 }), 10);
		store.delete(stored.key());
		assertThat(store.exists(stored.key())).isFalse();
	}

	private List<Path> regularFiles() throws IOException {
		try (Stream<Path> files = Files.walk(this.dir)) {
			return files.filter(Files::isRegularFile).toList();
		}
	}

	static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		new Random(length).nextBytes(bytes);
		return bytes;
	}

	@Test
	void aNamedObjectIsReplacedWholeAndListedUnderItsPrefix() throws IOException {
		FileSystemDocumentStore store = store();
		store.putObject("log-spool/batch-1", new ByteArrayInputStream("first".getBytes(StandardCharsets.UTF_8)), 100);
		StoredObject second = store.putObject("log-spool/batch-1",
				new ByteArrayInputStream("second".getBytes(StandardCharsets.UTF_8)), 100);
		store.putObject("log-spool/batch-2", new ByteArrayInputStream(new byte[3]), 100);
		store.putObject("pending/x", new ByteArrayInputStream(new byte[1]), 100);
		assertThat(second.size()).isEqualTo(6);
		try (InputStream in = store.openObject("log-spool/batch-1")) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("second");
		}
		assertThat(store.listObjects("log-spool/")).extracting(StoredObject::name)
			.containsExactly("log-spool/batch-1", "log-spool/batch-2");
		assertThat(store.deleteObject("log-spool/batch-1")).isTrue();
		assertThat(store.deleteObject("log-spool/batch-1")).isFalse();
		assertThatExceptionOfType(NoSuchDocumentException.class)
			.isThrownBy(() -> store.openObject("log-spool/batch-1"));
		assertThat(store.listObjects("nothing-here/")).isEmpty();
	}

	@Test
	void everyDocumentAndEveryObjectCanBeListedForABackup() {
		FileSystemDocumentStore store = store();
		String first = store.store(new ByteArrayInputStream("報告書".getBytes(StandardCharsets.UTF_8)), 100).key();
		String second = store.store(new ByteArrayInputStream("議事録".getBytes(StandardCharsets.UTF_8)), 100).key();
		store.putObject("log-spool/batch-1", new ByteArrayInputStream(new byte[2]), 100);
		store.putObject("audit-checkpoints/2026/12", new ByteArrayInputStream(new byte[1]), 100);
		assertThat(store.listDocuments()).containsExactlyElementsOf(List.of(first, second).stream().sorted().toList());
		assertThat(store.listObjects("")).extracting(StoredObject::name)
			.containsExactly("audit-checkpoints/2026/12", "log-spool/batch-1");
	}

	@Test
	void anObjectTooLargeLeavesTheEarlierOneAndNothingElse() throws IOException {
		FileSystemDocumentStore store = store();
		store.putObject("pending/a", new ByteArrayInputStream("kept".getBytes(StandardCharsets.UTF_8)), 100);
		assertThatExceptionOfType(DocumentTooLargeException.class)
			.isThrownBy(() -> store.putObject("pending/a", new ByteArrayInputStream(new byte[200]), 100));
		try (InputStream in = store.openObject("pending/a")) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("kept");
		}
		try (Stream<Path> temporary = Files.list(this.dir.resolve("tmp"))) {
			assertThat(temporary).isEmpty();
		}
	}

	@Test
	void objectNamesCannotLeaveTheStore() {
		FileSystemDocumentStore store = store();
		for (String name : List.of("../x", "a/../../x", "/etc/passwd", "single", "a//b", "a/.hidden/../b", "a/b/",
				"")) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> store.putObject(name, new ByteArrayInputStream(new byte[1]), 10));
		}
		assertThatIllegalArgumentException().isThrownBy(() -> store.listObjects("../"));
		assertThatIllegalArgumentException().isThrownBy(() -> store.listObjects("log-spool"));
	}

	@Test
	void leftoversOfInterruptedWritesAreRemovedOnlyWhenOld() throws IOException {
		FileSystemDocumentStore store = store();
		Path old = Files.createFile(this.dir.resolve("tmp").resolve("upload-1.part"));
		Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(7200)));
		Path fresh = Files.createFile(this.dir.resolve("tmp").resolve("upload-2.part"));
		List<String> removed = store.removeLeftovers(Instant.now().minusSeconds(3600));
		assertThat(removed).singleElement().asString().startsWith("tmp/upload-1.part");
		assertThat(old).doesNotExist();
		assertThat(fresh).exists();
	}

}
