package jp.itaku.platform.database;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * The rows of a {@code COPY (…) TO STDOUT (FORMAT binary)}, read field by field as the
 * server sends them: no object per row or per field, the caller's buffers reused. The
 * server streams the whole result without waiting for the client (no round trip per batch
 * as with a cursor), so the server producing rows and the client consuming them run at
 * the same time.
 * <p>
 * Closing before the last row reads the rest and throws it away: cancelling a COPY would
 * abort the transaction it runs in, and the caller may still need that transaction.
 */
public final class BinaryCopyRows implements AutoCloseable {

	private static final byte[] SIGNATURE = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0 };

	private static final byte[] EMPTY = new byte[0];

	private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

	/** PostgreSQL's epoch, 2000-01-01T00:00:00Z, in microseconds since 1970's. */
	private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

	private final CopyOut copy;

	private byte[] chunk = EMPTY;

	private int position;

	private int fieldsLeft;

	private BinaryCopyRows(CopyOut copy) {
		this.copy = copy;
	}

	/**
	 * Starts a binary COPY on a connection and reads its header.
	 * @param connection the connection (of the current transaction, or any other)
	 * @param copyToStdout {@code COPY (…) TO STDOUT (FORMAT binary)}
	 * @return the rows, positioned before the first
	 * @throws SQLException when the COPY cannot start, or its header is not PostgreSQL's
	 * binary COPY header
	 */
	public static BinaryCopyRows open(Connection connection, String copyToStdout) throws SQLException {
		BinaryCopyRows rows = new BinaryCopyRows(
				connection.unwrap(PGConnection.class).getCopyAPI().copyOut(copyToStdout));
		try {
			rows.readHeader();
			return rows;
		}
		catch (SQLException | RuntimeException ex) {
			rows.close();
			throw ex;
		}
	}

	/**
	 * Moves to the next row.
	 * @return {@code false} after the last row
	 * @throws SQLException when the server reports an error, or the stream is not a
	 * binary COPY
	 */
	public boolean next() throws SQLException {
		while (this.fieldsLeft > 0) {
			skip();
		}
		short count = readShort();
		if (count == -1) {
			return false;
		}
		if (count < 0) {
			throw new SQLException("binary COPY: a row of " + count + " fields");
		}
		this.fieldsLeft = count;
		return true;
	}

	/**
	 * Reads the row's next field as a {@code bigint}.
	 * @return its value
	 * @throws SQLException when it is null or not 8 bytes long
	 */
	public long int8() throws SQLException {
		int length = fieldLength();
		if (length != 8) {
			throw new SQLException("binary COPY: a bigint of " + length + " bytes");
		}
		ensure(8);
		long value = 0;
		for (int i = 0; i < 8; i++) {
			value = (value << 8) | (this.chunk[this.position + i] & 0xffL);
		}
		this.position += 8;
		return value;
	}

	/**
	 * Reads the row's next field as a {@code timestamp} or {@code timestamptz}.
	 * @return its instant, in microseconds since 1970-01-01T00:00:00Z
	 * @throws SQLException when it is null or not 8 bytes long
	 */
	public long timestampMicros() throws SQLException {
		return int8() + POSTGRES_EPOCH_MICROS;
	}

	/**
	 * Appends the row's next field's bytes (for text: UTF-8, the connection's encoding)
	 * to a buffer, which grows as needed.
	 * @param buffer the buffer
	 * @return how many bytes were appended, {@code -1} for null (nothing appended)
	 * @throws SQLException when the stream ends within the field
	 */
	public int append(Buffer buffer) throws SQLException {
		int length = fieldLength();
		if (length < 0) {
			return -1;
		}
		ensure(length);
		buffer.append(this.chunk, this.position, length);
		this.position += length;
		return length;
	}

	/**
	 * Appends the row's next field, a {@code uuid}, in its text form (as
	 * {@code uuid::text} and {@link java.util.UUID#toString()} write it).
	 * @param buffer the buffer
	 * @return whether the field is not null (nothing is appended for null)
	 * @throws SQLException when the field is not 16 bytes long
	 */
	public boolean appendUuid(Buffer buffer) throws SQLException {
		int length = fieldLength();
		if (length < 0) {
			return false;
		}
		if (length != 16) {
			throw new SQLException("binary COPY: a uuid of " + length + " bytes");
		}
		ensure(16);
		for (int i = 0; i < 16; i++) {
			if (i == 4 || i == 6 || i == 8 || i == 10) {
				buffer.append((byte) '-');
			}
			int b = this.chunk[this.position + i] & 0xff;
			buffer.append(HEX[b >>> 4]);
			buffer.append(HEX[b & 0xf]);
		}
		this.position += 16;
		return true;
	}

	/**
	 * Skips the row's next field.
	 * @throws SQLException when the stream ends within the field
	 */
	public void skip() throws SQLException {
		int length = fieldLength();
		if (length > 0) {
			ensure(length);
			this.position += length;
		}
	}

	/**
	 * Ends the COPY: reads whatever is left of it, so that the connection (and its
	 * transaction) can go on.
	 * @throws SQLException when the server reports an error
	 */
	@Override
	public void close() throws SQLException {
		while (this.copy.isActive() && this.copy.readFromCopy() != null) {
			// the rest of the rows: discarded
		}
		this.chunk = EMPTY;
		this.position = 0;
	}

	private void readHeader() throws SQLException {
		ensure(SIGNATURE.length + 8);
		if (!Arrays.equals(this.chunk, this.position, this.position + SIGNATURE.length, SIGNATURE, 0,
				SIGNATURE.length)) {
			throw new SQLException("not a binary COPY");
		}
		this.position += SIGNATURE.length;
		readInt(); // flags: none is defined that changes the rows' layout
		int extension = readInt();
		ensure(extension);
		this.position += extension;
	}

	private int fieldLength() throws SQLException {
		if (this.fieldsLeft <= 0) {
			throw new SQLException("binary COPY: no field left in the row");
		}
		this.fieldsLeft--;
		return readInt();
	}

	private short readShort() throws SQLException {
		ensure(2);
		short value = (short) (((this.chunk[this.position] & 0xff) << 8) | (this.chunk[this.position + 1] & 0xff));
		this.position += 2;
		return value;
	}

	private int readInt() throws SQLException {
		ensure(4);
		byte[] c = this.chunk;
		int p = this.position;
		int value = ((c[p] & 0xff) << 24) | ((c[p + 1] & 0xff) << 16) | ((c[p + 2] & 0xff) << 8) | (c[p + 3] & 0xff);
		this.position += 4;
		return value;
	}

	/**
	 * Makes the next {@code n} bytes readable from the current chunk. The server sends a
	 * message per row, so this nearly always only fetches the next message; a field that
	 * spans messages is joined.
	 */
	private void ensure(int n) throws SQLException {
		while (this.chunk.length - this.position < n) {
			byte[] next = this.copy.isActive() ? this.copy.readFromCopy() : null;
			if (next == null) {
				throw new SQLException("binary COPY ended within a row");
			}
			int left = this.chunk.length - this.position;
			if (left == 0) {
				this.chunk = next;
			}
			else {
				byte[] joined = Arrays.copyOfRange(this.chunk, this.position, this.position + left + next.length);
				System.arraycopy(next, 0, joined, left, next.length);
				this.chunk = joined;
			}
			this.position = 0;
		}
	}

	/**
	 * A reusable, growing byte buffer: the fields of a row are appended to it.
	 */
	public static final class Buffer {

		private byte[] bytes;

		private int length;

		/**
		 * Creates a buffer.
		 * @param capacity its first size
		 */
		public Buffer(int capacity) {
			this.bytes = new byte[capacity];
		}

		/**
		 * Returns the buffer's array; the content is its first {@link #length()} bytes.
		 * @return the array, reused (and replaced when it grows)
		 */
		public byte[] bytes() {
			return this.bytes;
		}

		/**
		 * Returns the content's length.
		 * @return how many bytes of {@link #bytes()} are content
		 */
		public int length() {
			return this.length;
		}

		/** Empties the buffer, keeping its array. */
		public void clear() {
			this.length = 0;
		}

		/**
		 * Appends one byte.
		 * @param b the byte
		 */
		public void append(byte b) {
			grow(1);
			this.bytes[this.length++] = b;
		}

		/**
		 * Appends bytes.
		 * @param source their array
		 * @param offset where they start
		 * @param count how many
		 */
		public void append(byte[] source, int offset, int count) {
			grow(count);
			System.arraycopy(source, offset, this.bytes, this.length, count);
			this.length += count;
		}

		/**
		 * Appends a number in decimal ASCII digits, as {@link Long#toString(long)} writes
		 * it.
		 * @param value the number
		 */
		public void appendDecimal(long value) {
			if (value < 0) {
				byte[] text = Long.toString(value).getBytes(StandardCharsets.US_ASCII);
				append(text, 0, text.length);
				return;
			}
			int digits = 1;
			for (long rest = value / 10; rest > 0; rest /= 10) {
				digits++;
			}
			appendDigits(value, digits);
		}

		/**
		 * Appends the last digits of a number, zero-padded.
		 * @param value a number, not negative
		 * @param digits how many digits
		 */
		public void appendDigits(long value, int digits) {
			grow(digits);
			long rest = value;
			for (int i = this.length + digits - 1; i >= this.length; i--) {
				this.bytes[i] = (byte) ('0' + (rest % 10));
				rest /= 10;
			}
			this.length += digits;
		}

		private void grow(int more) {
			if (this.length + more > this.bytes.length) {
				this.bytes = Arrays.copyOf(this.bytes, Math.max(this.length + more, 2 * this.bytes.length));
			}
		}

	}

}
