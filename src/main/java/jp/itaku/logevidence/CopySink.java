package jp.itaku.logevidence;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

import jp.itaku.platform.ItakuTime;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Streams good lines into {@code log_line} with PostgreSQL's binary COPY on the current
 * transaction's connection (the server then parses no text: UUIDs, numbers and timestamps
 * arrive in their binary form); when a line falls in a month without a partition, the
 * COPY is ended, the partition created and a new COPY started. Nothing is visible until
 * the transaction commits.
 */
final class CopySink implements Ingestion.Sink, AutoCloseable {

	private static final String COPY = "copy log_line (contract_id, batch_id, line_no, occurred_at, user_ref, action,"
			+ " target, result, client_address, fields) from stdin with (format binary)";

	private static final byte[] HEADER = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0,
			0, 0, 0, 0 };

	private static final short FIELDS = 10;

	/** Microseconds from the Unix epoch to PostgreSQL's (2000-01-01T00:00:00Z). */
	private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;

	private static final int FLUSH_AT = 1 << 18;

	private final Connection connection;

	private final LogPartitions partitions;

	private final byte[] ids = new byte[32];

	private final Set<YearMonth> known;

	private byte[] buffer = new byte[FLUSH_AT + 65_536];

	private int length;

	private @Nullable CopyIn copy;

	private long start = Long.MAX_VALUE;

	private long end = Long.MIN_VALUE;

	CopySink(DataSource dataSource, LogPartitions partitions, UUID contractId, UUID batchId) {
		this.connection = DataSourceUtils.getConnection(dataSource);
		// A batch's COPY streams as long as its file is long: the pool's statement
		// timeout
		// is for requests, not for this transaction.
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("set local statement_timeout = 0");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot prepare the COPY of batch " + batchId, ex);
		}
		this.partitions = partitions;
		putUuid(this.ids, 0, contractId);
		putUuid(this.ids, 16, batchId);
		this.known = new HashSet<>(partitions.existing());
	}

	@Override
	public void accept(int lineNo, LogLine line) {
		long millis = line.occurredAt().toEpochMilli();
		if (millis < this.start || millis >= this.end) {
			YearMonth month = YearMonth.from(line.occurredAt().atZone(ItakuTime.ZONE));
			if (!this.known.contains(month)) {
				endCopy();
				this.partitions.ensure(month);
				this.known.add(month);
			}
			this.start = month.atDay(1).atStartOfDay(ItakuTime.ZONE).toInstant().toEpochMilli();
			this.end = month.plusMonths(1).atDay(1).atStartOfDay(ItakuTime.ZONE).toInstant().toEpochMilli();
		}
		if (this.copy == null && this.length == 0) {
			bytes(HEADER, HEADER.length);
		}
		short16(FIELDS);
		int32(16);
		bytes(this.ids, 0, 16);
		int32(16);
		bytes(this.ids, 16, 16);
		int32(4);
		int32(lineNo);
		int32(8);
		int64(micros(line.occurredAt()) - PG_EPOCH_MICROS);
		text(line.user());
		text(line.action());
		text(line.target());
		text(line.result());
		text(line.address());
		if (line.fields() == null) {
			int32(-1);
		}
		else {
			byte[] json = line.fields().getBytes(StandardCharsets.UTF_8);
			int32(json.length + 1);
			ensure(1);
			this.buffer[this.length++] = 1;
			bytes(json, json.length);
		}
		if (this.length >= FLUSH_AT) {
			flush();
		}
	}

	private static long micros(Instant instant) {
		return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
	}

	private void text(@Nullable String value) {
		if (value == null) {
			int32(-1);
			return;
		}
		byte[] utf8 = value.replace("\u0000", "").getBytes(StandardCharsets.UTF_8);
		int32(utf8.length);
		bytes(utf8, utf8.length);
	}

	private void short16(short v) {
		ensure(2);
		this.buffer[this.length++] = (byte) (v >>> 8);
		this.buffer[this.length++] = (byte) v;
	}

	private void int32(int v) {
		ensure(4);
		this.buffer[this.length++] = (byte) (v >>> 24);
		this.buffer[this.length++] = (byte) (v >>> 16);
		this.buffer[this.length++] = (byte) (v >>> 8);
		this.buffer[this.length++] = (byte) v;
	}

	private void int64(long v) {
		int32((int) (v >>> 32));
		int32((int) v);
	}

	private void bytes(byte[] b, int n) {
		bytes(b, 0, n);
	}

	private void bytes(byte[] b, int offset, int n) {
		ensure(n);
		System.arraycopy(b, offset, this.buffer, this.length, n);
		this.length += n;
	}

	private void ensure(int n) {
		if (this.length + n > this.buffer.length) {
			this.buffer = Arrays.copyOf(this.buffer, Math.max(this.buffer.length * 2, this.length + n));
		}
	}

	private static void putUuid(byte[] target, int offset, UUID uuid) {
		long msb = uuid.getMostSignificantBits();
		long lsb = uuid.getLeastSignificantBits();
		for (int i = 0; i < 8; i++) {
			target[offset + i] = (byte) (msb >>> (56 - 8 * i));
			target[offset + 8 + i] = (byte) (lsb >>> (56 - 8 * i));
		}
	}

	private void flush() {
		if (this.length == 0) {
			return;
		}
		try {
			if (this.copy == null) {
				this.copy = this.connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
			}
			this.copy.writeToCopy(this.buffer, 0, this.length);
			this.length = 0;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("COPY into log_line failed", ex);
		}
	}

	private void endCopy() {
		if (this.copy == null && this.length == 0) {
			return;
		}
		short16((short) -1);
		flush();
		try {
			// flush has opened the copy: the trailer above left bytes to write
			Objects.requireNonNull(this.copy).endCopy();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("COPY into log_line failed", ex);
		}
		this.copy = null;
	}

	/**
	 * Ends the COPY: every line handed over is in the table (of this transaction).
	 */
	@Override
	public void close() {
		endCopy();
	}

	/**
	 * Abandons the COPY after a failure (the transaction rolls back).
	 */
	void cancel() {
		if (this.copy != null && this.copy.isActive()) {
			try {
				this.copy.cancelCopy();
			}
			catch (SQLException ex) {
				// The transaction is rolled back anyway.
			}
			this.copy = null;
		}
		this.length = 0;
	}

}
