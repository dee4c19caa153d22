package jp.itaku.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The file-system store keeps to the {@link DocumentStoreContract}; on disk, documents
 * are sharded and read-only, and nothing stays in its temporary directory.
 */
class FileSystemDocumentStoreTests extends DocumentStoreContract {

	@TempDir
	Path dir;

	@Override
	FileSystemDocumentStore store() {
		return new FileSystemDocumentStore(this.dir);
	}

	@Override
	int documentCount() {
		try (Stream<Path> files = Files.walk(this.dir)) {
			return (int) files.filter(Files::isRegularFile)
				.filter((file) -> !file.startsWith(this.dir.resolve("tmp"))
						&& !file.startsWith(this.dir.resolve("objects")))
				.count();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	int largeObjectSize() {
		return 3 * 1024 * 1024;
	}

	@AfterEach
	void nothingStaysInTheTemporaryDirectory() throws IOException {
		if (Files.isDirectory(this.dir.resolve("tmp"))) {
			try (Stream<Path> temporary = Files.list(this.dir.resolve("tmp"))) {
				assertThat(temporary).isEmpty();
			}
		}
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
	void leftoversOfInterruptedWritesAreRemovedOnlyWhenOld() throws IOException {
		FileSystemDocumentStore store = store();
		Path old = Files.createFile(this.dir.resolve("tmp").resolve("upload-1.part"));
		Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(7200)));
		Path fresh = Files.createFile(this.dir.resolve("tmp").resolve("upload-2.part"));
		List<String> removed = store.removeLeftovers(Instant.now().minusSeconds(3600));
		assertThat(removed).singleElement().asString().startsWith("tmp/upload-1.part");
		assertThat(old).doesNotExist();
		assertThat(fresh).exists();
		Files.delete(fresh);
	}

}
