package jp.itaku.logevidence;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import jp.itaku.platform.ItakuTime;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Streams good lines into {@code log_line} with PostgreSQL's binary COPY on the current
 * transaction's connection (the server then parses no text: UUIDs, numbers and timestamps
 * arrive in their binary form). Nothing is visible until the transaction commits.
 * <p>
 * The reading thread encodes the lines into chunks; a writer thread of the sink's own
 * sends them, so that the reader goes on parsing while the server stores (on two cores,
 * each takes one). When a line falls in a month without a partition, the writer ends the
 * COPY, summarises the index of the months written so far (their pages are still in the
 * server's cache), creates the partition and starts a new COPY, while the reader goes on;
 * at the end it summarises the months written since. The connection is the writer's alone
 * from the sink's creation until {@link #close()} or {@link #cancel()} returns, which
 * both wait for the writer to end; a failure of the writer is thrown to the reader at its
 * next line and by {@link #close()}.
 */
final class CopySink implements Ingestion.Sink, AutoCloseable {

	private static final String COPY = "copy log_line (contract_id, batch_id, line_no, occurred_at, user_ref, action,"
			+ " target, result, client_address, fields) from stdin with (format binary)";

	private static final byte[] HEADER = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0,
			0, 0, 0, 0 };

	private static final byte[] TRAILER = { (byte) 0xFF, (byte) 0xFF };

	private static final short FIELDS = 10;

	/** Microseconds from the Unix epoch to PostgreSQL's (2000-01-01T00:00:00Z). */
	private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;

	private static final int FLUSH_AT = 1 << 18;

	/** Chunks waiting for the writer: at most about 4 MB ahead of the server. */
	private static final int QUEUED = 16;

	private static final long WAIT_MILLIS = 100;

	private final Connection connection;

	private final LogPartitions partitions;

	private final byte[] ids = new byte[32];

	private final Set<YearMonth> known;

	/** The months written to since their index was last summarised. */
	private final List<YearMonth> written = new ArrayList<>();

	private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(QUEUED);

	private final BlockingQueue<byte[]> spare = new ArrayBlockingQueue<>(QUEUED + 2);

	private final Thread writer;

	private volatile @Nullable Throwable failure;

	private byte[] buffer = new byte[FLUSH_AT + 65_536];

	private int length;

	private long start = Long.MAX_VALUE;

	private long end = Long.MIN_VALUE;

	/** The writer's COPY in progress (the writer's field alone). */
	private @Nullable CopyIn copy;

	CopySink(DataSource dataSource, LogPartitions partitions, UUID contractId, UUID batchId) {
		this.connection = DataSourceUtils.getConnection(dataSource);
		// A batch's COPY streams as long as its file is long: the pool's statement
		// timeout is for requests, not for this transaction.
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
		this.writer = new Thread(this::write, "itaku-log-copy-" + batchId);
		this.writer.setDaemon(true);
		this.writer.start();
	}

	@Override
	public void accept(int lineNo, LogLine line) {
		long millis = line.occurredAt().toEpochMilli();
		if (millis < this.start || millis >= this.end) {
			YearMonth month = YearMonth.from(line.occurredAt().atZone(ItakuTime.ZONE));
			if (!this.known.contains(month)) {
				flush();
				// In a log in time order the months written so far are complete.
				put(new NewPartition(month, List.copyOf(this.written)));
				this.written.clear();
				this.known.add(month);
			}
			if (!this.written.contains(month)) {
				this.written.add(month);
			}
			this.start = month.atDay(1).atStartOfDay(ItakuTime.ZONE).toInstant().toEpochMilli();
			this.end = month.plusMonths(1).atDay(1).atStartOfDay(ItakuTime.ZONE).toInstant().toEpochMilli();
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
		// The parsers refuse control characters, NUL among them: nothing to remove.
		byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
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

	/** Hands the encoded lines to the writer and takes a spare buffer. */
	private void flush() {
		if (this.length == 0) {
			return;
		}
		put(new Lines(this.buffer, this.length));
		byte[] next = this.spare.poll();
		this.buffer = (next != null) ? next : new byte[FLUSH_AT + 65_536];
		this.length = 0;
	}

	/** Queues a chunk for the writer; throws the writer's failure instead. */
	private void put(Chunk chunk) {
		try {
			while (!this.queue.offer(chunk, WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
				failed();
				if (!this.writer.isAlive()) {
					throw new IllegalStateException("The COPY into log_line stopped");
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted during the COPY into log_line", ex);
		}
		failed();
	}

	private void failed() {
		Throwable cause = this.failure;
		if (cause != null) {
			throw new IllegalStateException("COPY into log_line failed", cause);
		}
	}

	/**
	 * Ends the COPY: every line handed over is in the table (of this transaction), the
	 * index of every month written is summarised, and the connection is the transaction's
	 * again.
	 */
	@Override
	public void close() {
		flush();
		put(new Finish(List.copyOf(this.written)));
		awaitWriter();
		failed();
	}

	/**
	 * Abandons the COPY after a failure (the transaction rolls back); returns once the
	 * writer no longer uses the connection.
	 */
	void cancel() {
		this.queue.clear();
		if (this.writer.isAlive() && !this.queue.offer(Cancel.CANCEL)) {
			this.writer.interrupt();
		}
		awaitWriter();
		this.length = 0;
	}

	private void awaitWriter() {
		boolean interrupted = false;
		while (true) {
			try {
				this.writer.join();
				break;
			}
			catch (InterruptedException ex) {
				// The connection must not be shared: wait for the writer whatever
				// happens.
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	// --- the writer's side ------------------------------------------------------------

	private void write() {
		try {
			while (true) {
				Chunk chunk = this.queue.take();
				if (chunk instanceof Lines lines) {
					send(lines);
				}
				else if (chunk instanceof NewPartition partition) {
					endCopy();
					summarize(partition.summarize());
					this.partitions.ensure(this.connection, partition.month());
				}
				else if (chunk instanceof Finish finish) {
					endCopy();
					summarize(finish.summarize());
					return;
				}
				else {
					cancelCopy();
					return;
				}
			}
		}
		catch (Throwable ex) {
			this.failure = ex;
			cancelCopy();
		}
	}

	private void send(Lines lines) throws SQLException {
		CopyIn current = this.copy;
		if (current == null) {
			current = this.connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
			current.writeToCopy(HEADER, 0, HEADER.length);
			this.copy = current;
		}
		current.writeToCopy(lines.bytes(), 0, lines.length());
		this.spare.offer(lines.bytes());
	}

	private void summarize(List<YearMonth> months) throws SQLException {
		for (YearMonth month : months) {
			this.partitions.summarize(this.connection, month);
		}
	}

	private void endCopy() throws SQLException {
		CopyIn current = this.copy;
		if (current == null) {
			return;
		}
		this.copy = null;
		current.writeToCopy(TRAILER, 0, TRAILER.length);
		current.endCopy();
	}

	private void cancelCopy() {
		CopyIn current = this.copy;
		this.copy = null;
		if (current != null && current.isActive()) {
			try {
				current.cancelCopy();
			}
			catch (SQLException ex) {
				// The transaction is rolled back anyway.
			}
		}
	}

	/** What the reader hands the writer. */
	private sealed interface Chunk permits Lines, NewPartition, Finish, Cancel {

	}

	/** Encoded lines. */
	private record Lines(byte[] bytes, int length) implements Chunk {
	}

	/** A month that needs its partition, and the months to summarise before. */
	private record NewPartition(YearMonth month, List<YearMonth> summarize) implements Chunk {
	}

	/** The end of the batch, and the months to summarise. */
	private record Finish(List<YearMonth> summarize) implements Chunk {
	}

	/** The batch abandoned. */
	private enum Cancel implements Chunk {

		CANCEL

	}

}
