package jp.itaku.document;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jp.itaku.support.ArchivalPdf;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated forms: Japanese text survives the round trip through the embedded font, long
 * tables break across pages, and characters the font cannot draw do not break the form.
 */
class PdfFormTests {

	@Test
	void japaneseTextIsEmbeddedAndExtractable() throws IOException {
		byte[] pdf = PdfForm.titled("従事者名簿 変更届")
			.line("契約番号", "R8-世田谷-001")
			.paragraph("下記のとおり従事者名簿の変更を届け出ます。")
			.table(List.of("氏名", "変更内容"), new float[] { 1, 3 }, List.of(List.of("山田 太郎", "役割：従事者 → 業務責任者")))
			.toPdf();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			// IPAex draws 山 and the radical ⼭ with one glyph: the text must still read 山.
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("従事者名簿 変更届", "R8-世田谷-001", "山田 太郎", "業務責任者");
			assertThat(document.getDocumentInformation().getTitle()).isEqualTo("従事者名簿 変更届");
		}
	}

	@Test
	void aLongTableContinuesOnTheNextPageAndUndrawableCharactersAreReplaced() throws IOException {
		List<List<String>> rows = new ArrayList<>();
		for (int i = 1; i <= 120; i++) {
			rows.add(List.of("従事者" + i, "備考\u0007" + "🙂"));
		}
		byte[] pdf = PdfForm.titled("名簿").table(List.of("氏名", "備考"), new float[] { 1, 1 }, rows).toPdf();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isGreaterThan(1);
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("従事者1", "従事者120");
		}
	}

	@Test
	void theFormIsArchivalPdfA2bAndPdftotextReadsItsJapanese() throws Exception {
		byte[] pdf = PdfForm.titled("預かり証")
			.line("番号", "預-2026-0001")
			.paragraph("下記の情報資産を確かに預かりました。")
			.table(List.of("品名", "数量"), new float[] { 3, 1 }, List.of(List.of("住民票の写し交付申請書", "120枚")))
			.toPdf();

		ArchivalPdf.assertArchivalWith(pdf, "預かり証", "預-2026-0001", "住民票の写し交付申請書", "確かに預かりました");
	}

	/**
	 * The forms share a few parsed fonts ({@link FormFonts}): whether made one after
	 * another or on several threads at once, each form embeds the glyphs of its own text
	 * and reads back as its own text only.
	 */
	@Test
	void formsMadeOneAfterAnotherAndAtOnceEachEmbedTheGlyphsOfTheirOwnText() throws Exception {
		List<String> words = List.of("委託契約", "個人情報", "従事者名簿", "預かり証", "事故報告", "消去証明", "持出承認", "監査結果", "誓約書兵庫", "研修記録",
				"再委託先", "鹿児島県");
		List<byte[]> pdfs = new ArrayList<>();
		for (String word : words.subList(0, 3)) {
			pdfs.add(PdfForm.titled(word).paragraph(word + "について").toPdf());
		}
		ExecutorService threads = Executors.newFixedThreadPool(6);
		try {
			List<Future<byte[]>> atOnce = new ArrayList<>();
			for (String word : words.subList(3, words.size())) {
				atOnce.add(threads.submit(() -> PdfForm.titled(word).paragraph(word + "について").toPdf()));
			}
			for (Future<byte[]> pdf : atOnce) {
				pdfs.add(pdf.get());
			}
		}
		finally {
			threads.shutdown();
		}
		for (int i = 0; i < words.size(); i++) {
			String word = words.get(i);
			try (PDDocument document = Loader.loadPDF(pdfs.get(i))) {
				String text = new PDFTextStripper().getText(document);
				assertThat(text).contains(word + "について");
				for (String other : words) {
					if (!other.equals(word)) {
						assertThat(text).as("form %d", i).doesNotContain(other);
					}
				}
				PDPage page = document.getPage(0);
				COSName name = page.getResources().getFontNames().iterator().next();
				PDType0Font font = (PDType0Font) page.getResources().getFont(name);
				for (int cp : word.codePoints().toArray()) {
					byte[] code = font.encode(new String(Character.toChars(cp)));
					int cid = ((code[0] & 0xff) << 8) | (code[1] & 0xff);
					assertThat(font.getPath(cid).getBounds2D().isEmpty()).as("the glyph of %s in form %d", cp, i)
						.isFalse();
				}
			}
		}
	}

}
