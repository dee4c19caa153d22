package jp.itaku.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text of a PDF as poppler's {@code pdftotext} reads it (the Debian package
 * poppler-utils): what a person copying out of the document, or an archive's indexer,
 * would get.
 */
public final class PdfText {

	private PdfText() {
	}

	/**
	 * Reads a PDF's text.
	 * @param pdf the document
	 * @return its text, in reading order as pdftotext lays it out
	 * @throws IOException when the tool cannot run
	 * @throws InterruptedException when interrupted while it runs
	 */
	public static String of(byte[] pdf) throws IOException, InterruptedException {
		Path file = Files.createTempFile("itaku-pdf", ".pdf");
		try {
			Files.write(file, pdf);
			Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-")
				.redirectErrorStream(true)
				.start();
			String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor()).as(text).isZero();
			return text;
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

}
