package jp.itaku.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * Passes a text file (csv, txt) through while checking it is text: no NUL byte, and valid
 * UTF-8 or valid Shift_JIS (Windows-31J, the Shift_JIS that Japanese Windows and Excel
 * write, with ①, ㈱ and the like). Throws {@link ContentMismatchException} as soon as the
 * content cannot be either, or at the end of the stream, so the store never publishes it.
 */
class TextContentCheck extends InputStream {

	private final InputStream in;

	private final Decoding utf8 = new Decoding(StandardCharsets.UTF_8);

	private final Decoding shiftJis = new Decoding(Charset.forName("windows-31j"));

	TextContentCheck(InputStream in) {
		this.in = in;
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		int read = read(one, 0, 1);
		return (read == -1) ? -1 : one[0] & 0xFF;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int read = this.in.read(buffer, offset, length);
		if (read == -1) {
			this.utf8.finish();
			this.shiftJis.finish();
			check();
			return -1;
		}
		for (int i = offset; i < offset + read; i++) {
			if (buffer[i] == 0) {
				throw new ContentMismatchException("A NUL byte in a text file");
			}
		}
		this.utf8.feed(buffer, offset, read);
		this.shiftJis.feed(buffer, offset, read);
		check();
		return read;
	}

	@Override
	public void close() throws IOException {
		this.in.close();
	}

	private void check() throws ContentMismatchException {
		if (this.utf8.failed && this.shiftJis.failed) {
			throw new ContentMismatchException("Neither UTF-8 nor Shift_JIS text");
		}
	}

	/**
	 * One charset's decoding of the stream so far; bytes of a character split between two
	 * reads wait for the next.
	 */
	private static final class Decoding {

		private final CharsetDecoder decoder;

		private final CharBuffer chars = CharBuffer.allocate(4096);

		private ByteBuffer pending = ByteBuffer.allocate(0);

		private boolean failed;

		Decoding(Charset charset) {
			this.decoder = charset.newDecoder();
		}

		void feed(byte[] buffer, int offset, int length) {
			if (this.failed) {
				return;
			}
			ByteBuffer input;
			if (this.pending.hasRemaining()) {
				input = ByteBuffer.allocate(this.pending.remaining() + length);
				input.put(this.pending).put(buffer, offset, length).flip();
			}
			else {
				input = ByteBuffer.wrap(buffer, offset, length);
			}
			decode(input, false);
			this.pending = ByteBuffer.allocate(input.remaining()).put(input).flip();
		}

		void finish() {
			if (this.failed) {
				return;
			}
			decode(this.pending, true);
			this.chars.clear();
			if (!this.failed && this.decoder.flush(this.chars).isError()) {
				this.failed = true;
			}
		}

		private void decode(ByteBuffer input, boolean endOfInput) {
			CoderResult result;
			do {
				this.chars.clear();
				result = this.decoder.decode(input, this.chars, endOfInput);
				if (result.isError()) {
					this.failed = true;
					return;
				}
			}
			while (result.isOverflow());
		}

	}

}
