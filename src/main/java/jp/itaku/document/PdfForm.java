package jp.itaku.document;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;

import javax.xml.transform.TransformerException;

import jp.itaku.platform.ItakuTime;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

import org.jspecify.annotations.Nullable;

/**
 * A written form (書面) the system generates — a notice, a register, a receipt — as an A4
 * PDF in Japanese: a title, labelled lines, paragraphs and tables that break across
 * pages. The IPAex Gothic font (IPA Font License, see {@code fonts/}) is embedded as a
 * subset, so the document reads the same on any machine.
 */
public final class PdfForm {

	private static final float MARGIN = 50;

	private static final float TITLE_SIZE = 16;

	private static final float TEXT_SIZE = 10;

	private static final float TABLE_SIZE = 8.5f;

	private static final float LEADING = 1.45f;

	private static final String PRODUCER = "Itaku";

	private final String title;

	private Instant createdAt = Instant.now();

	private final List<Block> blocks = new ArrayList<>();

	private PdfForm(String title) {
		this.title = title;
	}

	/**
	 * Starts a form.
	 * @param title its title, centred on the first page
	 * @return the form
	 */
	public static PdfForm titled(String title) {
		return new PdfForm(title);
	}

	/**
	 * Sets when the form was made (its creation date); now by default.
	 * @param instant the instant
	 * @return this form
	 */
	public PdfForm createdAt(Instant instant) {
		this.createdAt = instant;
		return this;
	}

	/**
	 * Adds a labelled line, e.g. 契約番号: R8-001.
	 * @param label the label
	 * @param value the value ({@code null} prints as empty)
	 * @return this form
	 */
	public PdfForm line(String label, @Nullable Object value) {
		this.blocks.add(new Line(label, (value != null) ? value.toString() : ""));
		return this;
	}

	/**
	 * Adds a paragraph.
	 * @param text the text; lines wrap at the margin
	 * @return this form
	 */
	public PdfForm paragraph(String text) {
		this.blocks.add(new Paragraph(text));
		return this;
	}

	/**
	 * Adds a table; the header repeats on each page it spans.
	 * @param headers the column headers
	 * @param widths the columns' relative widths
	 * @param rows the rows, each with one cell per header
	 * @return this form
	 */
	public PdfForm table(List<String> headers, float[] widths, List<List<String>> rows) {
		if (headers.size() != widths.length) {
			throw new IllegalArgumentException("one width per header");
		}
		this.blocks.add(new Table(headers, widths, rows));
		return this;
	}

	/**
	 * Renders the form.
	 * @return the PDF
	 */
	public byte[] toPdf() {
		TrueTypeFont font = FormFonts.borrow();
		try (PDDocument document = new PDDocument()) {
			archival(document);
			Writer writer = new Writer(document, PDType0Font.load(document, font, true));
			writer.centred(this.title, TITLE_SIZE);
			writer.gap(TEXT_SIZE);
			for (Block block : this.blocks) {
				block.write(writer);
			}
			writer.close();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			// Only now is the font's subset written; a font whose document failed is
			// dropped rather than given back half used.
			FormFonts.giveBack(font);
			return withToUnicode(out.toByteArray(), writer.drawn);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Replaces the font's ToUnicode map by the characters actually drawn. IPAex draws an
	 * ideograph and its radical forms with one glyph (民 and ⺠), and PDFBox maps such a
	 * glyph back to the first of them, so copied or searched text would read ⺠ where 民
	 * was written; mapping each glyph to the character the form drew keeps the text
	 * exact.
	 */
	private static byte[] withToUnicode(byte[] pdf, Map<Integer, Integer> drawn) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			StringBuilder cmap = new StringBuilder("""
					/CIDInit /ProcSet findresource begin
					12 dict begin
					begincmap
					/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
					/CMapName /Adobe-Identity-UCS def
					/CMapType 2 def
					1 begincodespacerange
					<0000> <FFFF>
					endcodespacerange
					""");
			List<Map.Entry<Integer, Integer>> entries = new ArrayList<>(new TreeMap<>(drawn).entrySet());
			for (int from = 0; from < entries.size(); from += 100) {
				List<Map.Entry<Integer, Integer>> block = entries.subList(from, Math.min(entries.size(), from + 100));
				cmap.append(block.size()).append(" beginbfchar\n");
				for (Map.Entry<Integer, Integer> entry : block) {
					StringBuilder unicode = new StringBuilder();
					for (char c : Character.toChars(entry.getValue())) {
						unicode.append(String.format("%04X", (int) c));
					}
					cmap.append(String.format("<%04X> <%s>%n", entry.getKey(), unicode));
				}
				cmap.append("endbfchar\n");
			}
			cmap.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
			for (PDPage page : document.getPages()) {
				for (COSName name : page.getResources().getFontNames()) {
					COSDictionary font = page.getResources().getFont(name).getCOSObject();
					PDStream stream = new PDStream(document,
							new ByteArrayInputStream(cmap.toString().getBytes(StandardCharsets.US_ASCII)),
							COSName.FLATE_DECODE);
					font.setItem(COSName.TO_UNICODE, stream);
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
	}

	/**
	 * Makes the document archival PDF/A-2b: metadata in XMP matching the document
	 * information, and an sRGB output intent (the font is embedded by {@link #toPdf}).
	 */
	private void archival(PDDocument document) throws IOException {
		Calendar created = GregorianCalendar.getInstance(TimeZone.getTimeZone(ItakuTime.ZONE));
		created.setTimeInMillis(this.createdAt.toEpochMilli());
		PDDocumentInformation info = document.getDocumentInformation();
		info.setTitle(this.title);
		info.setProducer(PRODUCER);
		info.setCreator(PRODUCER);
		info.setCreationDate(created);
		info.setModificationDate(created);

		XMPMetadata xmp = XMPMetadata.createXMPMetadata();
		try {
			DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
			dc.setTitle(this.title);
			dc.addCreator(PRODUCER);
			AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
			pdf.setProducer(PRODUCER);
			XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
			basic.setCreatorTool(PRODUCER);
			basic.setCreateDate(created);
			basic.setModifyDate(created);
			PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
			id.setPart(2);
			id.setConformance("B");
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			new XmpSerializer().serialize(xmp, out, true);
			PDMetadata metadata = new PDMetadata(document);
			metadata.importXMPMetadata(out.toByteArray());
			document.getDocumentCatalog().setMetadata(metadata);
		}
		catch (BadFieldValueException | TransformerException ex) {
			throw new IOException("Could not write the PDF/A metadata", ex);
		}

		PDOutputIntent intent = new PDOutputIntent(document,
				new ByteArrayInputStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
		intent.setInfo("sRGB IEC61966-2.1");
		intent.setOutputCondition("sRGB IEC61966-2.1");
		intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
		intent.setRegistryName("http://www.color.org");
		document.getDocumentCatalog().addOutputIntent(intent);
	}

	private interface Block {

		void write(Writer writer) throws IOException;

	}

	private record Line(String label, String value) implements Block {

		@Override
		public void write(Writer writer) throws IOException {
			writer.wrapped(this.label + "：" + this.value, TEXT_SIZE, MARGIN, writer.width());
		}

	}

	private record Paragraph(String text) implements Block {

		@Override
		public void write(Writer writer) throws IOException {
			writer.gap(TEXT_SIZE / 2);
			for (String line : this.text.split("\n", -1)) {
				writer.wrapped(line, TEXT_SIZE, MARGIN, writer.width());
			}
		}

	}

	private record Table(List<String> headers, float[] widths, List<List<String>> rows) implements Block {

		@Override
		public void write(Writer writer) throws IOException {
			writer.gap(TEXT_SIZE / 2);
			float total = 0;
			for (float w : this.widths) {
				total += w;
			}
			float[] columns = new float[this.widths.length];
			for (int i = 0; i < columns.length; i++) {
				columns[i] = writer.width() * this.widths[i] / total;
			}
			writer.row(this.headers, columns, true);
			for (List<String> row : this.rows) {
				if (writer.row(row, columns, false)) {
					writer.row(this.headers, columns, true);
					writer.row(row, columns, false);
				}
			}
		}

	}

	/** Lays text out top-down, starting a new page when the current one is full. */
	private static final class Writer {

		private static final PDRectangle SIZE = PDRectangle.A4;

		private final PDDocument document;

		private final PDType0Font font;

		/** The character drawn with each glyph code, for the ToUnicode map. */
		private final Map<Integer, Integer> drawn = new HashMap<>();

		private PDPageContentStream content;

		private float y;

		Writer(PDDocument document, PDType0Font font) throws IOException {
			this.document = document;
			this.font = font;
			newPage();
		}

		float width() {
			return SIZE.getWidth() - 2 * MARGIN;
		}

		void newPage() throws IOException {
			if (this.content != null) {
				this.content.close();
			}
			PDPage page = new PDPage(SIZE);
			this.document.addPage(page);
			this.content = new PDPageContentStream(this.document, page);
			this.content.setLineWidth(0.5f);
			this.y = SIZE.getHeight() - MARGIN;
		}

		void gap(float height) {
			this.y -= height;
		}

		void centred(String text, float size) throws IOException {
			float w = textWidth(text, size);
			this.y -= size * LEADING;
			show(text, size, (SIZE.getWidth() - w) / 2, this.y);
		}

		void wrapped(String text, float size, float x, float width) throws IOException {
			for (String line : wrap(text, size, width)) {
				if (this.y - size * LEADING < MARGIN) {
					newPage();
				}
				this.y -= size * LEADING;
				show(line, size, x, this.y);
			}
		}

		/**
		 * Writes a table row with borders.
		 * @return {@code true} when the row did not fit and a new page was started
		 * instead
		 */
		boolean row(List<String> cells, float[] columns, boolean header) throws IOException {
			List<List<String>> lines = new ArrayList<>();
			int height = 1;
			for (int i = 0; i < columns.length; i++) {
				String cell = (i < cells.size() && cells.get(i) != null) ? cells.get(i) : "";
				List<String> wrapped = new ArrayList<>();
				for (String part : cell.split("\n", -1)) {
					wrapped.addAll(wrap(part, TABLE_SIZE, columns[i] - 6));
				}
				lines.add(wrapped);
				height = Math.max(height, wrapped.size());
			}
			float rowHeight = height * TABLE_SIZE * LEADING + 4;
			if (this.y - rowHeight < MARGIN) {
				newPage();
				return !header;
			}
			float x = MARGIN;
			for (int i = 0; i < columns.length; i++) {
				this.content.addRect(x, this.y - rowHeight, columns[i], rowHeight);
				this.content.stroke();
				float lineY = this.y - 2;
				for (String line : lines.get(i)) {
					lineY -= TABLE_SIZE * LEADING;
					show(line, TABLE_SIZE, x + 3, lineY + 2);
				}
				x += columns[i];
			}
			this.y -= rowHeight;
			return false;
		}

		private List<String> wrap(String text, float size, float width) throws IOException {
			List<String> lines = new ArrayList<>();
			StringBuilder line = new StringBuilder();
			int i = 0;
			while (i < text.length()) {
				int cp = text.codePointAt(i);
				String next = line + new String(Character.toChars(cp));
				if (line.length() > 0 && textWidth(next, size) > width) {
					lines.add(line.toString());
					line.setLength(0);
				}
				line.appendCodePoint(cp);
				i += Character.charCount(cp);
			}
			lines.add(line.toString());
			return lines;
		}

		private float textWidth(String text, float size) throws IOException {
			return this.font.getStringWidth(printable(text)) / 1000 * size;
		}

		private void show(String text, float size, float x, float y) throws IOException {
			String printable = printable(text);
			for (int i = 0; i < printable.length(); i += Character.charCount(printable.codePointAt(i))) {
				int cp = printable.codePointAt(i);
				byte[] code = this.font.encode(new String(Character.toChars(cp)));
				this.drawn.putIfAbsent(((code[0] & 0xFF) << 8) | (code[1] & 0xFF), cp);
			}
			this.content.beginText();
			this.content.setFont(this.font, size);
			this.content.newLineAtOffset(x, y);
			this.content.showText(printable);
			this.content.endText();
		}

		/** Replaces what the font cannot draw (control characters, missing glyphs). */
		private String printable(String text) {
			StringBuilder out = new StringBuilder(text.length());
			text.codePoints().forEach((cp) -> {
				boolean drawable = !Character.isISOControl(cp);
				if (drawable) {
					try {
						this.font.encode(new String(Character.toChars(cp)));
					}
					catch (IOException | IllegalArgumentException ex) {
						drawable = false;
					}
				}
				out.appendCodePoint(drawable ? cp : '?');
			});
			return out.toString();
		}

		void close() throws IOException {
			this.content.close();
		}

	}

}
