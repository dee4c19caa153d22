package jp.itaku.document;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.NotFoundProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An upload is accepted only when its type is allowed, it is not empty or too large, its
 * content is what its extension says and no virus was found; its name is made safe to
 * show and Japanese stays Japanese.
 */
class DocumentsTests {

	static final byte[] PDF = "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n"
		.getBytes(StandardCharsets.ISO_8859_1);

	static final byte[] ZIP = { 'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0 };

	static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
			(byte) 0xE1, 0, 0 };

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 };

	@TempDir
	Path dir;

	static DocumentProperties properties(DataSize maxSize, String clamdHost, int clamdPort) {
		return new DocumentProperties(null, maxSize,
				List.of("pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "png", "jpg", "jpeg", "gif",
						"csv", "txt"),
				new DocumentProperties.Clamd(clamdHost, clamdPort, Duration.ofSeconds(2), Duration.ofSeconds(2)));
	}

	private Documents documents(VirusScanner scanner) {
		return documents(scanner, DataSize.ofMegabytes(20));
	}

	private Documents documents(VirusScanner scanner, DataSize maxSize) {
		return new Documents(new FileSystemDocumentStore(this.dir), scanner, properties(maxSize, "", 3310),
				DocumentLock.NONE);
	}

	@Test
	void aPdfIsAcceptedStoredAndMarkedNotScannedWithoutAScanner() throws IOException {
		Documents documents = documents(new NoVirusScanner());
		UploadedDocument uploaded = documents.accept("報告書.pdf", "application/pdf", new ByteArrayInputStream(PDF));
		assertThat(uploaded.fileName()).isEqualTo("報告書.pdf");
		assertThat(uploaded.contentType()).isEqualTo("application/pdf");
		assertThat(uploaded.size()).isEqualTo(PDF.length);
		assertThat(uploaded.key()).isEqualTo(uploaded.sha256()).hasSize(64);
		assertThat(uploaded.scan()).isEqualTo(ScanResult.notScanned());
		try (InputStream in = documents.open(uploaded.key())) {
			assertThat(in.readAllBytes()).isEqualTo(PDF);
		}
	}

	@Test
	void theDeclaredContentTypeIsNotTrusted() {
		UploadedDocument uploaded = documents(new NoVirusScanner()).accept("a.pdf", "text/html",
				new ByteArrayInputStream(PDF));
		assertThat(uploaded.contentType()).isEqualTo("application/pdf");
	}

	@Test
	void anExecutableIsRefusedByItsType() throws IOException {
		assertRefused(
				() -> documents(new NoVirusScanner()).accept("setup.exe", "application/octet-stream",
						new ByteArrayInputStream("MZ\u0090\0".getBytes(StandardCharsets.ISO_8859_1))),
				"document.typeNotAllowed", "setup.exe");
		assertRefused(() -> documents(new NoVirusScanner()).accept("no-extension", null, new ByteArrayInputStream(PDF)),
				"document.typeNotAllowed", "no-extension");
		assertThat(regularFiles()).isEmpty();
	}

	@Test
	void aRightToLeftOverrideCannotDisguiseAnExecutable() {
		// Shown as "請求書exe.pdf" by a bidi-aware renderer, really "請求書fdp.exe".
		assertRefused(
				() -> documents(new NoVirusScanner()).accept("請求書\u202Efdp.exe", null, new ByteArrayInputStream(PDF)),
				"document.typeNotAllowed", "請求書fdp.exe");
	}

	@Test
	void aPdfThatIsReallyTextIsRefused() throws IOException {
		assertRefused(
				() -> documents(new NoVirusScanner()).accept("報告書.pdf", "application/pdf",
						new ByteArrayInputStream("これはPDFではありません".getBytes(StandardCharsets.UTF_8))),
				"document.contentMismatch", "報告書.pdf");
		assertThat(regularFiles()).isEmpty();
	}

	@Test
	void officeFilesMustBeTheirContainer() {
		Documents documents = documents(new NoVirusScanner());
		assertThat(documents.accept("名簿.xlsx", null, new ByteArrayInputStream(ZIP)).contentType())
			.isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		// A password-protected .docx is an OLE2 container.
		assertThat(documents.accept("契約書（パスワード付き）.docx", null, new ByteArrayInputStream(OLE2)).size())
			.isEqualTo(OLE2.length);
		assertThat(documents.accept("旧形式.xls", null, new ByteArrayInputStream(OLE2)).contentType())
			.isEqualTo("application/vnd.ms-excel");
		assertThat(documents.accept("議事録.odt", null, new ByteArrayInputStream(ZIP)).size()).isEqualTo(ZIP.length);
		assertRefused(() -> documents.accept("旧形式.xls", null, new ByteArrayInputStream(ZIP)),
				"document.contentMismatch", "旧形式.xls");
		assertRefused(() -> documents.accept("写真.jpg", null, new ByteArrayInputStream(PNG)), "document.contentMismatch",
				"写真.jpg");
	}

	@Test
	void theExtensionIsCheckedWhateverItsCase() {
		assertThat(
				documents(new NoVirusScanner()).accept("SCAN.PNG", null, new ByteArrayInputStream(PNG)).contentType())
			.isEqualTo("image/png");
	}

	@Test
	void anEmptyFileIsRefused() throws IOException {
		assertRefused(() -> documents(new NoVirusScanner()).accept("空.pdf", "application/pdf",
				new ByteArrayInputStream(new byte[0])), "document.empty", "空.pdf");
		assertThat(regularFiles()).isEmpty();
	}

	@Test
	void aTooLargeFileIsRefusedWithTheLimitInMegabytesAndLeavesNoFile() throws IOException {
		Documents documents = documents(new NoVirusScanner(), DataSize.ofMegabytes(1));
		byte[] large = new byte[1024 * 1024 + 1];
		System.arraycopy(PDF, 0, large, 0, PDF.length);
		assertRefused(() -> documents.accept("大きい.pdf", null, new ByteArrayInputStream(large)), "document.tooLarge",
				"大きい.pdf", 1.0);
		assertThat(regularFiles()).isEmpty();
		byte[] limit = new byte[1024 * 1024];
		System.arraycopy(PDF, 0, limit, 0, PDF.length);
		assertThat(documents.accept("ちょうど.pdf", null, new ByteArrayInputStream(limit)).size()).isEqualTo(limit.length);
	}

	@Test
	void japaneseFileNamesAreKeptAndPathsStripped() {
		Documents documents = documents(new NoVirusScanner());
		assertThat(documents
			.accept("C:\\Users\\田中\\Documents\\令和7年度 業務報告書（第1四半期）.pdf", null, new ByteArrayInputStream(PDF))
			.fileName()).isEqualTo("令和7年度 業務報告書（第1四半期）.pdf");
		assertThat(documents.accept("../../etc/委託契約書.pdf", null, new ByteArrayInputStream(PDF)).fileName())
			.isEqualTo("委託契約書.pdf");
		assertThat(documents.accept("報告\u0000\r\n\t書.pdf", null, new ByteArrayInputStream(PDF)).fileName())
			.isEqualTo("報告書.pdf");
		// macOS sends kana with a combining voiced mark: カ + ゙ becomes ガ.
		assertThat(documents.accept("カ\u3099イド.pdf", null, new ByteArrayInputStream(PDF)).fileName())
			.isEqualTo("ガイド.pdf");
	}

	@Test
	void overlongNamesAreShortenedKeepingTheExtension() {
		String name = "報".repeat(300) + ".pdf";
		assertThat(FileNames.displayName(name)).hasSize(FileNames.MAX_LENGTH).endsWith("報.pdf");
	}

	@Test
	void csvInShiftJisOrUtf8IsAccepted() {
		Documents documents = documents(new NoVirusScanner());
		String csv = "氏名,住所,備考\r\n山田太郎,東京都世田谷区,①㈱テスト\r\n";
		assertThat(documents
			.accept("名簿_sjis.csv", "text/csv", new ByteArrayInputStream(csv.getBytes(Charset.forName("windows-31j"))))
			.contentType()).isEqualTo("text/csv");
		assertThat(documents
			.accept("名簿_utf8.csv", "text/csv",
					new ByteArrayInputStream(("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8)))
			.size()).isPositive();
	}

	@Test
	void textIsCheckedEvenWhenCharactersAreSplitBetweenReads() {
		byte[] utf8 = "一行目\n二行目\n".repeat(50).getBytes(StandardCharsets.UTF_8);
		byte[] shiftJis = "一行目\n二行目\n".repeat(50).getBytes(Charset.forName("windows-31j"));
		Documents documents = documents(new NoVirusScanner());
		assertThat(documents.accept("utf8.txt", null, oneByteAtATime(utf8)).size()).isEqualTo(utf8.length);
		assertThat(documents.accept("sjis.txt", null, oneByteAtATime(shiftJis)).size()).isEqualTo(shiftJis.length);
	}

	@Test
	void textWithNulBytesOrBinaryContentIsRefused() throws IOException {
		Documents documents = documents(new NoVirusScanner());
		assertRefused(
				() -> documents.accept("名簿.csv", null,
						new ByteArrayInputStream("a,b\n\0c,d\n".getBytes(StandardCharsets.US_ASCII))),
				"document.contentMismatch", "名簿.csv");
		byte[] binary = DocumentStoreContract.randomBytes(20_000);
		for (int i = 0; i < binary.length; i++) {
			binary[i] = (binary[i] == 0) ? 1 : binary[i];
		}
		assertRefused(() -> documents.accept("メモ.txt", null, new ByteArrayInputStream(binary)),
				"document.contentMismatch", "メモ.txt");
		// Not UTF-8, and a Shift_JIS lead byte without its second byte at the very end.
		assertRefused(
				() -> documents.accept("切れた.txt", null,
						new ByteArrayInputStream(new byte[] { 'a', 'b', 'c', (byte) 0x82 })),
				"document.contentMismatch", "切れた.txt");
		assertThat(regularFiles()).isEmpty();
	}

	@Test
	void anInfectedFileIsRefusedAndNotKept() throws IOException {
		Documents documents = documents((content) -> ScanResult.infected("Win.Test.EICAR_HDB-1"));
		assertRefused(() -> documents.accept("感染.pdf", null, new ByteArrayInputStream(PDF)), "document.infected",
				"感染.pdf", "Win.Test.EICAR_HDB-1");
		assertThat(regularFiles()).isEmpty();
	}

	@Test
	void aFailedScanKeepsTheFileAndSaysSo() {
		Documents documents = documents((content) -> ScanResult.failed("clamd at av:3310: connection refused"));
		UploadedDocument uploaded = documents.accept("報告書.pdf", null, new ByteArrayInputStream(PDF));
		assertThat(uploaded.scan().status()).isEqualTo(ScanStatus.FAILED);
		assertThat(new FileSystemDocumentStore(this.dir).exists(uploaded.key())).isTrue();
	}

	@Test
	void aScannerThatThrowsCountsAsAFailedScan() {
		Documents documents = documents((content) -> {
			throw new IllegalStateException("bug");
		});
		assertThat(documents.accept("報告書.pdf", null, new ByteArrayInputStream(PDF)).scan().status())
			.isEqualTo(ScanStatus.FAILED);
	}

	@Test
	void openingAnUnknownOrMalformedKeyIsNotFound() {
		Documents documents = documents(new NoVirusScanner());
		assertThatExceptionOfType(NotFoundProblem.class).isThrownBy(() -> documents.open("f".repeat(64)));
		assertThatExceptionOfType(NotFoundProblem.class).isThrownBy(() -> documents.open("../../etc/passwd"));
	}

	static void assertRefused(Runnable upload, String messageKey, Object... arguments) {
		assertThatExceptionOfType(InvalidInputProblem.class).isThrownBy(upload::run)
			.satisfies((problem) -> assertThat(problem.getFieldProblems()).singleElement().satisfies((field) -> {
				assertThat(field.field()).isEqualTo("file");
				assertThat(field.messageKey()).isEqualTo(messageKey);
				assertThat(field.arguments()).startsWith(arguments);
			}));
	}

	private List<Path> regularFiles() throws IOException {
		try (Stream<Path> files = Files.walk(this.dir)) {
			return files.filter(Files::isRegularFile).toList();
		}
	}

	private static InputStream oneByteAtATime(byte[] content) {
		return new FilterInputStream(new ByteArrayInputStream(content)) {

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				return super.read(buffer, offset, Math.min(length, 1));
			}

		};
	}

}
