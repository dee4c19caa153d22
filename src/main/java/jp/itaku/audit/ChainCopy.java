package jp.itaku.audit;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

import jp.itaku.platform.database.BinaryCopyRows;

import org.jspecify.annotations.Nullable;

/**
 * The stored chain as one binary COPY streams it: each entry's columns as stored, and the
 * bytes its hash covers assembled here from them, byte for byte as {@link AuditChain}
 * hashes {@link AuditEntry#canonicalContent()}: the previous hash, {@code 0x1e}, then the
 * sequence number, the instant (UTC, microseconds), the user's id and name, the
 * organisation, the action, the target's type and id, the client's address, the outcome
 * and the details, joined by {@code 0x1f}, absent ones empty.
 * <p>
 * The database only reads the rows; the bytes are put together in reused buffers, with no
 * object per entry. Should they ever differ from what {@code canonicalContent()} builds,
 * the walk reads the entry again and hashes it that way before it calls the entry altered
 * ({@link ChainWalk#settle()}).
 */
final class ChainCopy {

	private static final byte RECORD_SEPARATOR = 0x1e;

	private static final byte UNIT_SEPARATOR = 0x1f;

	private static final byte[] SWITCH_ACTION = AuditChainKey.SWITCH_ACTION.getBytes(StandardCharsets.US_ASCII);

	private final BinaryCopyRows.Buffer covered = new BinaryCopyRows.Buffer(1024);

	private final BinaryCopyRows.Buffer hash = new BinaryCopyRows.Buffer(64);

	private final byte[] date = new byte[11];

	private long dateDay = Long.MIN_VALUE;

	private long seq;

	private @Nullable String switchTarget;

	/**
	 * Returns the COPY of a window of the chain, the columns in the order
	 * {@link #read(BinaryCopyRows)} takes them.
	 * @param afterSeq entries after this sequence number
	 * @param window at most this many
	 * @return the statement
	 */
	static String copy(long afterSeq, int window) {
		return "copy (select seq, entry_hash, previous_hash, occurred_at, user_id, username, organisation_id, action,"
				+ " target_type, target_id, client_ip, outcome, details from audit_entry where seq > " + afterSeq
				+ " order by seq limit " + window + ") to stdout (format binary)";
	}

	/**
	 * Reads the current row of the COPY.
	 * @param rows the COPY, positioned on a row
	 * @throws SQLException when the row is not one of {@link #copy(long, int)}
	 */
	void read(BinaryCopyRows rows) throws SQLException {
		this.covered.clear();
		this.hash.clear();
		this.seq = rows.int8();
		rows.append(this.hash);
		rows.append(this.covered);
		this.covered.append(RECORD_SEPARATOR);
		this.covered.appendDecimal(this.seq);
		this.covered.append(UNIT_SEPARATOR);
		instant(rows.timestampMicros());
		this.covered.append(UNIT_SEPARATOR);
		rows.appendUuid(this.covered);
		this.covered.append(UNIT_SEPARATOR);
		rows.append(this.covered);
		this.covered.append(UNIT_SEPARATOR);
		rows.appendUuid(this.covered);
		this.covered.append(UNIT_SEPARATOR);
		int actionStart = this.covered.length();
		int actionLength = rows.append(this.covered);
		this.covered.append(UNIT_SEPARATOR);
		rows.append(this.covered);
		this.covered.append(UNIT_SEPARATOR);
		int targetStart = this.covered.length();
		int targetLength = rows.append(this.covered);
		this.covered.append(UNIT_SEPARATOR);
		rows.append(this.covered);
		this.covered.append(UNIT_SEPARATOR);
		rows.append(this.covered);
		this.covered.append(UNIT_SEPARATOR);
		rows.append(this.covered);
		boolean isSwitch = actionLength == SWITCH_ACTION.length && Arrays.equals(this.covered.bytes(), actionStart,
				actionStart + actionLength, SWITCH_ACTION, 0, SWITCH_ACTION.length);
		this.switchTarget = !isSwitch ? null : (targetLength < 0) ? ""
				: new String(this.covered.bytes(), targetStart, targetLength, StandardCharsets.UTF_8);
	}

	/**
	 * Hands the row read last to the walk.
	 * @param walk the walk
	 * @return whether the walk goes on
	 */
	boolean feed(AuditRepository.ChainRow walk) {
		return walk.accept(this.seq, this.covered.bytes(), this.covered.length(), this.hash.bytes(), this.hash.length(),
				this.switchTarget);
	}

	/**
	 * Appends an instant as {@link AuditChain#formatInstant(Instant)} writes it:
	 * {@code 2026-12-07T01:02:03.123456Z}. The date is kept from one entry to the next
	 * (the chain's entries mostly share their day).
	 */
	private void instant(long epochMicros) {
		long second = Math.floorDiv(epochMicros, 1_000_000L);
		long micro = Math.floorMod(epochMicros, 1_000_000L);
		long day = Math.floorDiv(second, 86_400L);
		long secondOfDay = Math.floorMod(second, 86_400L);
		if (day != this.dateDay && !date(day)) {
			String text;
			try {
				text = AuditChain.formatInstant(Instant.ofEpochSecond(second, micro * 1_000));
			}
			catch (DateTimeException ex) {
				text = "?"; // no instant Java can write: the entry is read again and
							// judged
			}
			byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
			this.covered.append(bytes, 0, bytes.length);
			return;
		}
		this.covered.append(this.date, 0, this.date.length);
		this.covered.appendDigits(secondOfDay / 3_600, 2);
		this.covered.append((byte) ':');
		this.covered.appendDigits(secondOfDay / 60 % 60, 2);
		this.covered.append((byte) ':');
		this.covered.appendDigits(secondOfDay % 60, 2);
		this.covered.append((byte) '.');
		this.covered.appendDigits(micro, 6);
		this.covered.append((byte) 'Z');
	}

	/**
	 * Keeps a day's {@code YYYY-MM-DDT}, for the years written with four digits.
	 * @return {@code false} for another year (the instant is then written by Java's
	 * formatter)
	 */
	private boolean date(long day) {
		LocalDate date;
		try {
			date = LocalDate.ofEpochDay(day);
		}
		catch (DateTimeException ex) {
			return false;
		}
		if (date.getYear() < 1 || date.getYear() > 9_999) {
			return false;
		}
		writeDigits(date.getYear(), 0, 4);
		this.date[4] = '-';
		writeDigits(date.getMonthValue(), 5, 2);
		this.date[7] = '-';
		writeDigits(date.getDayOfMonth(), 8, 2);
		this.date[10] = 'T';
		this.dateDay = day;
		return true;
	}

	private void writeDigits(int value, int offset, int digits) {
		int rest = value;
		for (int i = offset + digits - 1; i >= offset; i--) {
			this.date[i] = (byte) ('0' + rest % 10);
			rest /= 10;
		}
	}

}
