package jp.itaku.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ClamAV scanner speaks clamd's INSTREAM protocol exactly, tells clean from infected,
 * never lets infected content stay stored, and reports an unreachable or silent daemon as
 * a failed check instead of throwing. Without a configured daemon, uploads are honestly
 * "not scanned".
 */
@Timeout(30)
class ClamdScannerTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@TempDir
	Path dir;

	private static ClamdScanner scanner(int port) {
		return new ClamdScanner("127.0.0.1", port, TIMEOUT, TIMEOUT);
	}

	@Test
	void sendsTheInstreamCommandLengthPrefixedChunksAndAZeroChunk() throws Exception {
		byte[] content = DocumentStoreContract.randomBytes(2 * ClamdScanner.CHUNK_SIZE + 3616);
		try (FakeClamd clamd = new FakeClamd(1, true)) {
			ScanResult result = scanner(clamd.port()).scan(new ByteArrayInputStream(content));
			FakeClamd.Received received = clamd.next();
			assertThat(result).isEqualTo(ScanResult.clean());
			assertThat(received.command()).isEqualTo("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
			assertThat(received.chunkLengths()).containsExactly(8192, 8192, 3616, 0);
			assertThat(received.content()).isEqualTo(content);
		}
	}

	@Test
	void emptyContentIsOnlyTheTerminatingChunk() throws Exception {
		try (FakeClamd clamd = new FakeClamd(1, true)) {
			assertThat(scanner(clamd.port()).scan(new ByteArrayInputStream(new byte[0])).status())
				.isEqualTo(ScanStatus.CLEAN);
			assertThat(clamd.next().chunkLengths()).containsExactly(0);
		}
	}

	@Test
	void aFoundSignatureIsInfectedWithItsName() throws Exception {
		byte[] content = ("ヘッダー\n" + FakeClamd.VIRUS_MARKER + "\n").getBytes(StandardCharsets.UTF_8);
		try (FakeClamd clamd = new FakeClamd(1, true)) {
			assertThat(scanner(clamd.port()).scan(new ByteArrayInputStream(content)))
				.isEqualTo(ScanResult.infected("Eicar-Test-Signature"));
		}
	}

	@Test
	void anInfectedUploadLeavesNoStoredFileAndACleanOneIsMarkedClean() throws Exception {
		try (FakeClamd clamd = new FakeClamd(2, true)) {
			Documents documents = new Documents(new FileSystemDocumentStore(this.dir), scanner(clamd.port()),
					DocumentsTests.properties(DataSize.ofMegabytes(20), "127.0.0.1", clamd.port()), DocumentLock.NONE);
			DocumentsTests.assertRefused(
					() -> documents.accept("従事者名簿.csv", "text/csv",
							new ByteArrayInputStream(
									("氏名\n" + FakeClamd.VIRUS_MARKER + "\n").getBytes(StandardCharsets.UTF_8))),
					"document.infected", "従事者名簿.csv", "Eicar-Test-Signature");
			assertThat(regularFiles()).isEmpty();
			UploadedDocument clean = documents.accept("報告書.pdf", null, new ByteArrayInputStream(DocumentsTests.PDF));
			assertThat(clean.scan()).isEqualTo(ScanResult.clean());
			assertThat(regularFiles()).hasSize(1);
		}
	}

	@Test
	void anUnreachableDaemonIsAFailedScanNotAnException() throws IOException {
		int port;
		try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = closed.getLocalPort();
		}
		ScanResult result = scanner(port).scan(new ByteArrayInputStream(DocumentsTests.PDF));
		assertThat(result.status()).isEqualTo(ScanStatus.FAILED);
		assertThat(result.detail()).contains("127.0.0.1:" + port);
	}

	@Test
	void aSilentDaemonIsAFailedScanAfterTheReadTimeout() throws Exception {
		try (FakeClamd clamd = new FakeClamd(1, false)) {
			ClamdScanner impatient = new ClamdScanner("127.0.0.1", clamd.port(), TIMEOUT, Duration.ofMillis(300));
			long start = System.nanoTime();
			ScanResult result = impatient.scan(new ByteArrayInputStream(DocumentsTests.PDF));
			assertThat(result.status()).isEqualTo(ScanStatus.FAILED);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT);
		}
	}

	@Test
	void errorAnswersAreFailedScans() {
		assertThat(ClamdScanner.interpret("INSTREAM size limit exceeded. ERROR").status()).isEqualTo(ScanStatus.FAILED);
		assertThat(ClamdScanner.interpret("").status()).isEqualTo(ScanStatus.FAILED);
		assertThat(ClamdScanner.interpret("stream: Win.Test.EICAR_HDB-1 FOUND"))
			.isEqualTo(ScanResult.infected("Win.Test.EICAR_HDB-1"));
	}

	@Test
	void withoutAConfiguredDaemonUploadsAreNotScanned() {
		DocumentConfiguration configuration = new DocumentConfiguration();
		VirusScanner none = configuration.virusScanner(DocumentsTests.properties(DataSize.ofMegabytes(20), "", 3310));
		assertThat(none).isInstanceOf(NoVirusScanner.class);
		assertThat(none.scan(new ByteArrayInputStream(DocumentsTests.PDF))).isEqualTo(ScanResult.notScanned());
		assertThat(configuration.virusScanner(DocumentsTests.properties(DataSize.ofMegabytes(20), "clamav", 3310)))
			.isInstanceOf(ClamdScanner.class);
	}

	private List<Path> regularFiles() throws IOException {
		try (Stream<Path> files = Files.walk(this.dir)) {
			return files.filter(Files::isRegularFile).toList();
		}
	}

}
