package jp.itaku.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A written form (書面) the system generates — a notice, a register, a receipt — as an A4
 * PDF in Japanese: a title, labelled lines, paragraphs and tables that break across
 * pages. The IPAex Gothic font (IPA Font License, see {@code fonts/}) is embedded as a
 * subset, so the document reads the same on any machine.
 */
public final class PdfForm {

	private static final String FONT = "/fonts/ipaexg.ttf";

	private static final float MARGIN = 50;

	private static final float TITLE_SIZE = 16;

	private static final float TEXT_SIZE = 10;

	private static final float TABLE_SIZE = 8.5f;

	private static final float LEADING = 1.45f;

	private final String title;

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
	 * Adds a labelled line, e.g. 契約番号: R8-001.
	 * @param label the label
	 * @param value the value ({@code null} prints as empty)
	 * @return this form
	 */
	public PdfForm line(String label, Object value) {
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
		try (PDDocument document = new PDDocument(); InputStream font = PdfForm.class.getResourceAsStream(FONT)) {
			if (font == null) {
				throw new IllegalStateException("The Japanese font " + FONT + " is missing from the classpath");
			}
			PDDocumentInformation info = document.getDocumentInformation();
			info.setTitle(this.title);
			info.setProducer("Itaku");
			Writer writer = new Writer(document, PDType0Font.load(document, font, true));
			writer.centred(this.title, TITLE_SIZE);
			writer.gap(TEXT_SIZE);
			for (Block block : this.blocks) {
				block.write(writer);
			}
			writer.close();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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
			this.content.beginText();
			this.content.setFont(this.font, size);
			this.content.newLineAtOffset(x, y);
			this.content.showText(printable(text));
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
