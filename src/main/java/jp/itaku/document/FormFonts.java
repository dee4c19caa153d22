package jp.itaku.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The forms' Japanese font, read from the classpath once per JVM and parsed into a few
 * {@link TrueTypeFont}s that the forms borrow in turn. Parsing the 5.9 MB font took most
 * of a small form's time (a copy of the file and its tables for each form), and a parsed
 * font can embed its subset in any number of documents one after the other; it is not
 * safe for two threads at once, so each form holds its own until the document is saved.
 */
final class FormFonts {

	private static final String FONT = "/fonts/ipaexg.ttf";

	/** How many parsed fonts stay for the next forms; more are parsed when needed. */
	private static final int KEPT = 4;

	private static final ConcurrentLinkedDeque<TrueTypeFont> idle = new ConcurrentLinkedDeque<>();

	private static final AtomicInteger idleCount = new AtomicInteger();

	private FormFonts() {
	}

	/**
	 * A parsed font for one document, to {@link #giveBack} once the document is saved.
	 * @return the font, this thread's alone until given back
	 */
	static TrueTypeFont borrow() {
		TrueTypeFont font = idle.pollFirst();
		if (font != null) {
			idleCount.decrementAndGet();
			return font;
		}
		try {
			TrueTypeFont parsed = new TTFParser().parse(new RandomAccessReadBuffer(Bytes.FONT_FILE));
			// The forms write composed, horizontal text and use none of the font's glyph
			// substitutions; with the table present, PDFBox applies its Latin features
			// (ccmp, liga) to every line it shows, building a regular expression of them
			// each time: a third of a form's time. Without it each character is its
			// glyph.
			parsed.getTableMap().remove("GSUB");
			return parsed;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The Japanese font " + FONT + " cannot be read", ex);
		}
	}

	/**
	 * Returns a font after its document was saved (its subset written): it waits for the
	 * next form, or is closed when enough already wait.
	 * @param font the font {@link #borrow} gave
	 */
	static void giveBack(TrueTypeFont font) {
		if (idleCount.incrementAndGet() <= KEPT) {
			idle.offerFirst(font);
			return;
		}
		idleCount.decrementAndGet();
		try {
			font.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The font file's bytes, read on first use. */
	private static final class Bytes {

		static final byte[] FONT_FILE = read();

		private static byte[] read() {
			try (InputStream in = FormFonts.class.getResourceAsStream(FONT)) {
				if (in == null) {
					throw new IllegalStateException("The Japanese font " + FONT + " is missing from the classpath");
				}
				return in.readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
