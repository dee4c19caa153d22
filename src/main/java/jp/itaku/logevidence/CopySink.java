package jp.itaku.logevidence;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jp.itaku.platform.ItakuTime;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Streams good lines into {@code log_line} with PostgreSQL's COPY on the current
 * transaction's connection; when a line falls in a month without a partition, the COPY is
 * ended, the partition created and a new COPY started. Nothing is visible until the
 * transaction commits.
 */
final class CopySink implements Ingestion.Sink, AutoCloseable {

	private static final String COPY = "copy log_line (contract_id, batch_id, line_no, occurred_at, user_ref, action,"
			+ " target, result, client_address, fields) from stdin";

	private static final int FLUSH_AT = 1 << 18;

	private final Connection connection;

	private final LogPartitions partitions;

	private final String prefix;

	private final Set<YearMonth> known;

	private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);

	private CopyIn copy;

	private long start = Long.MAX_VALUE;

	private long end = Long.MIN_VALUE;

	CopySink(DataSource dataSource, LogPartitions partitions, UUID contractId, UUID batchId) {
		this.connection = DataSourceUtils.getConnection(dataSource);
		this.partitions = partitions;
		this.prefix = contractId + "\t" + batchId + "\t";
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
		StringBuilder r = this.buffer;
		r.append(this.prefix).append(lineNo).append('\t');
		CopyText.instant(r, line.occurredAt());
		r.append('\t');
		CopyText.value(r, line.user());
		r.append('\t');
		CopyText.value(r, line.action());
		r.append('\t');
		CopyText.value(r, line.target());
		r.append('\t');
		CopyText.value(r, line.result());
		r.append('\t');
		CopyText.value(r, line.address());
		r.append('\t');
		CopyText.value(r, line.fields());
		r.append('\n');
		if (r.length() >= FLUSH_AT) {
			flush();
		}
	}

	private void flush() {
		if (this.buffer.isEmpty()) {
			return;
		}
		try {
			if (this.copy == null) {
				this.copy = this.connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
			}
			byte[] bytes = this.buffer.toString().getBytes(StandardCharsets.UTF_8);
			this.copy.writeToCopy(bytes, 0, bytes.length);
			this.buffer.setLength(0);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("COPY into log_line failed", ex);
		}
	}

	private void endCopy() {
		flush();
		if (this.copy != null) {
			try {
				this.copy.endCopy();
			}
			catch (SQLException ex) {
				throw new IllegalStateException("COPY into log_line failed", ex);
			}
			this.copy = null;
		}
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
	}

}
