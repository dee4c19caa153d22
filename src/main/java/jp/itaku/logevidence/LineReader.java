package jp.itaku.logevidence;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a stream's lines as bytes, without decoding them: a line ends where
 * {@code BufferedReader.readLine()} ends it (line feed, carriage return, or both in that
 * order), so that line numbers are those of a text editor. A parser decodes only the
 * fields it keeps: in UTF-8 no byte of a multi-byte character is a comma, a quote or a
 * line end, so a line can be split before it is decoded.
 */
final class LineReader {

	private final InputStream in;

	private byte[] buffer = new byte[1 << 16];

	/** Where the bytes not yet returned start. */
	private int start;

	/** Where the bytes read end. */
	private int end;

	/**
	 * The last line ended with a carriage return: a line feed right after belongs to it.
	 */
	private boolean skipLineFeed;

	private int lineStart;

	private int lineEnd;

	LineReader(InputStream in) {
		this.in = in;
	}

	/**
	 * Reads the next line; its bytes are then {@link #bytes()} from {@link #from()} to
	 * {@link #to()}, until the next call.
	 * @return {@code false} at the end of the stream
	 * @throws IOException when the stream cannot be read
	 */
	boolean next() throws IOException {
		int i = this.start;
		while (true) {
			while (i < this.end) {
				byte b = this.buffer[i];
				if (this.skipLineFeed) {
					this.skipLineFeed = false;
					if (b == '\n') {
						this.start = ++i;
						continue;
					}
				}
				if (b == '\n' || b == '\r') {
					this.lineStart = this.start;
					this.lineEnd = i;
					this.start = i + 1;
					this.skipLineFeed = (b == '\r');
					return true;
				}
				i++;
			}
			int scanned = i - this.start;
			if (!fill()) {
				if (this.start < this.end) {
					this.lineStart = this.start;
					this.lineEnd = this.end;
					this.start = this.end;
					return true;
				}
				return false;
			}
			i = this.start + scanned;
		}
	}

	/** The buffer that holds the current line. */
	byte[] bytes() {
		return this.buffer;
	}

	/** Where the current line starts in {@link #bytes()}. */
	int from() {
		return this.lineStart;
	}

	/** Where the current line ends in {@link #bytes()} (its terminator excluded). */
	int to() {
		return this.lineEnd;
	}

	/**
	 * Moves the bytes not yet returned to the buffer's start and reads more after them.
	 */
	private boolean fill() throws IOException {
		if (this.start > 0) {
			System.arraycopy(this.buffer, this.start, this.buffer, 0, this.end - this.start);
			this.end -= this.start;
			this.start = 0;
		}
		if (this.end == this.buffer.length) {
			// A line longer than the buffer: the buffer grows to hold it.
			this.buffer = Arrays.copyOf(this.buffer, this.buffer.length * 2);
		}
		int n = this.in.read(this.buffer, this.end, this.buffer.length - this.end);
		if (n < 0) {
			return false;
		}
		this.end += n;
		return true;
	}

}
