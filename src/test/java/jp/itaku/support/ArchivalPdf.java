package jp.itaku.support;

import java.io.ByteArrayInputStream;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a generated written form the way an archive would: veraPDF finds it PDF/A-2b
 * compliant, and poppler's {@code pdftotext} reads the Japanese text in it.
 */
public final class ArchivalPdf {

	private ArchivalPdf() {
	}

	/**
	 * Asserts the PDF is PDF/A-2b and contains the texts.
	 * @param pdf the PDF
	 * @param texts what pdftotext must find
	 * @throws Exception when a tool cannot run
	 */
	public static void assertArchivalWith(byte[] pdf, String... texts) throws Exception {
		VeraGreenfieldFoundryProvider.initialise();
		try (PDFAParser parser = Foundries.defaultInstance()
			.createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_2_B);
				PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
			ValidationResult result = validator.validate(parser);
			assertThat(result.isCompliant())
				.as(() -> "veraPDF: " + result.getTestAssertions()
					.stream()
					.filter((a) -> a.getStatus() != TestAssertion.Status.PASSED)
					.map((a) -> a.getRuleId() + " " + a.getMessage())
					.distinct()
					.toList())
				.isTrue();
		}
		String text = PdfText.of(pdf);
		assertThat(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC).replace(" ", ""))
			.contains(java.util.Arrays.stream(texts).map((t) -> t.replace(" ", "")).toList());
	}

}
