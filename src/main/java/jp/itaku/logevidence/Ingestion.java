package jp.itaku.logevidence;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuTime;

import org.jspecify.annotations.Nullable;

/**
 * One pass over an uploaded batch: hashes the bytes (SHA-256), optionally keeps a copy
 * (for a batch that waits for the user's decision), reads every line with the source's
 * parser, hands good lines to a sink (COPY into {@code log_line}), lists the malformed
 * ones by line number, and judges the clock (Setagaya 18): timestamps later than the
 * arrival, or going back, beyond the tolerance.
 */
final class Ingestion {

	/** Malformed lines listed with the batch; more are counted. */
	static final int MALFORMED_LISTED = 1000;

	private Ingestion() {
	}

	/**
	 * Where good lines go.
	 */
	interface Sink {

		void accept(int lineNo, LogLine line);

	}

	/**
	 * Reads a batch.
	 * @param in the batch's bytes
	 * @param parser the source's parser
	 * @param sink where good lines go, or {@code null} to only read
	 * @param copy where to keep a copy of the bytes, or {@code null}
	 * @param arrival when the batch arrived
	 * @param toleranceSeconds the clock tolerance
	 * @return what was read
	 * @throws InvalidInputProblem when the header (CSV) lacks a mapped column
	 */
	static Result read(InputStream in, LineParser parser, Sink sink, @Nullable OutputStream copy, Instant arrival,
			int toleranceSeconds) {
		return read(in, parser, sink, copy, arrival, toleranceSeconds, null);
	}

	/**
	 * Reads a batch and profiles it for the checks (lines per user and hour, and the few
	 * lines the line-level rules look at), so that they need not scan the lines again.
	 * @param candidate which lines the line-level rules look at, or {@code null} not to
	 * profile
	 */
	static Result read(InputStream in, LineParser parser, Sink sink, @Nullable OutputStream copy, Instant arrival,
			int toleranceSeconds, @Nullable Predicate<LogLine> candidate) {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		InputStream source = new DigestInputStream((copy != null) ? new Tee(in, copy) : in, digest);
		Result result = new Result();
		@Nullable Profile profile = (candidate != null) ? new Profile() : null;
		result.profile = profile;
		YearMonth countedMonth = null;
		int monthCount = 0;
		Instant futureLimit = arrival.plusSeconds(toleranceSeconds);
		long toleranceMillis = toleranceSeconds * 1000L;
		boolean headerSeen = false;
		Instant maxSoFar = null;
		YearMonth lastMonth = null;
		long lastMonthEnd = Long.MIN_VALUE;
		long lastMonthStart = Long.MAX_VALUE;
		try (source) {
			LineReader lines = new LineReader(source);
			int lineNo = 0;
			while (lines.next()) {
				lineNo++;
				byte[] bytes = lines.bytes();
				int from = lines.from();
				int to = lines.to();
				if (blank(bytes, from, to)) {
					continue;
				}
				if (!headerSeen) {
					headerSeen = true;
					try {
						if (parser.header(new String(bytes, from, to - from, StandardCharsets.UTF_8))) {
							continue;
						}
					}
					catch (MalformedLine ex) {
						throw new InvalidInputProblem("file", "logevidence.error.header",
								(ex.argument() != null) ? ex.argument() : "");
					}
				}
				LogLine line;
				try {
					line = parser.parse(bytes, from, to);
				}
				catch (MalformedLine ex) {
					result.malformedCount++;
					if (result.malformed.size() < MALFORMED_LISTED) {
						result.malformed.add(new Malformed(lineNo, ex.reason()));
					}
					continue;
				}
				result.good++;
				Instant at = line.occurredAt();
				long millis = at.toEpochMilli();
				if (millis < lastMonthStart || millis >= lastMonthEnd) {
					lastMonth = YearMonth.from(at.atZone(ItakuTime.ZONE));
					lastMonthStart = lastMonth.atDay(1).atStartOfDay(ItakuTime.ZONE).toInstant().toEpochMilli();
					lastMonthEnd = lastMonth.plusMonths(1)
						.atDay(1)
						.atStartOfDay(ItakuTime.ZONE)
						.toInstant()
						.toEpochMilli();
				}
				if (lastMonth != countedMonth) {
					if (countedMonth != null) {
						result.months.merge(countedMonth, monthCount, Integer::sum);
					}
					countedMonth = lastMonth;
					monthCount = 0;
				}
				monthCount++;
				if (profile != null && candidate != null) {
					// profile is made exactly when candidate is given
					profile.add(line, millis);
					if (candidate.test(line)) {
						profile.candidates.add(line);
					}
				}
				if (result.first == null || at.isBefore(result.first)) {
					result.first = at;
				}
				if (result.last == null || at.isAfter(result.last)) {
					result.last = at;
				}
				if (at.isAfter(futureLimit)) {
					result.future.add(lineNo, line);
				}
				if (maxSoFar != null && maxSoFar.toEpochMilli() - millis > toleranceMillis) {
					result.backwards.add(lineNo, line);
				}
				if (maxSoFar == null || at.isAfter(maxSoFar)) {
					maxSoFar = at;
				}
				if (sink != null) {
					sink.accept(lineNo, line);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (countedMonth != null) {
			result.months.merge(countedMonth, monthCount, Integer::sum);
		}
		result.sha256 = HexFormat.of().formatHex(digest.digest());
		return result;
	}

	/**
	 * Whether a line holds only white space, as {@link String#isBlank()} judges it (a
	 * line that starts with a non-ASCII character is decoded to be judged).
	 */
	static boolean blank(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			byte b = bytes[i];
			if (b < 0) {
				return new String(bytes, from, to - from, StandardCharsets.UTF_8).isBlank();
			}
			if (!Character.isWhitespace(b)) {
				return false;
			}
		}
		return true;
	}

	/** A line that could not be read. */
	record Malformed(int line, String reason) {
	}

	/** What one pass read. */
	static final class Result {

		@Nullable String sha256;

		int good;

		int malformedCount;

		final List<Malformed> malformed = new ArrayList<>();

		@Nullable Instant first;

		@Nullable Instant last;

		final Map<YearMonth, Integer> months = new TreeMap<>();

		final Sample future = new Sample();

		final Sample backwards = new Sample();

		@Nullable Profile profile;

		int total() {
			return this.good + this.malformedCount;
		}

	}

	/**
	 * A batch as the checks see it: lines per user and hour (count, first and last
	 * instant), and the lines the line-level rules look at.
	 */
	static final class Profile {

		private static final long HOUR = 3_600_000L;

		/** Per user, its hours (count, first and last instant). */
		final Map<String, Hours> hours = new HashMap<>();

		final List<LogLine> candidates = new ArrayList<>();

		void add(LogLine line, long millis) {
			Hours user = this.hours.get(line.user());
			if (user == null) {
				user = new Hours();
				this.hours.put(line.user(), user);
			}
			// Tokyo's offset is whole hours: its hours start where UTC's do.
			user.add(Math.floorDiv(millis, HOUR) * HOUR, millis);
		}

		/** An hour's aggregate. */
		interface HourConsumer {

			void accept(long hour, long lines, long first, long last);

		}

		/**
		 * A user's hours, each with its count of lines, first and last instant. In a log
		 * in time order a user's hours come in ascending order: they are appended to
		 * arrays kept in that order, and the hour of the user's last line is found
		 * without a search. An hour earlier than the user's latest and not yet seen goes
		 * to a map of its own.
		 */
		static final class Hours {

			private long[] hour = new long[16];

			private long[] lines = new long[16];

			private long[] first = new long[16];

			private long[] last = new long[16];

			private int size;

			/** The index of the hour of the user's last line. */
			private int current = -1;

			private final Map<Long, long[]> earlier = new HashMap<>();

			void add(long h, long millis) {
				int i = this.current;
				if (i < 0 || this.hour[i] != h) {
					i = find(h);
					if (i < 0) {
						long[] agg = this.earlier.computeIfAbsent(h, (key) -> new long[] { 0, millis, millis });
						agg[0]++;
						agg[1] = Math.min(agg[1], millis);
						agg[2] = Math.max(agg[2], millis);
						return;
					}
					this.current = i;
				}
				this.lines[i]++;
				this.first[i] = Math.min(this.first[i], millis);
				this.last[i] = Math.max(this.last[i], millis);
			}

			/**
			 * The index of an hour in the arrays (appended when later than all), or -1.
			 */
			private int find(long h) {
				if (this.size == 0 || h > this.hour[this.size - 1]) {
					if (this.size == this.hour.length) {
						int grown = this.size * 2;
						this.hour = Arrays.copyOf(this.hour, grown);
						this.lines = Arrays.copyOf(this.lines, grown);
						this.first = Arrays.copyOf(this.first, grown);
						this.last = Arrays.copyOf(this.last, grown);
					}
					int i = this.size++;
					this.hour[i] = h;
					this.first[i] = Long.MAX_VALUE;
					this.last[i] = Long.MIN_VALUE;
					return i;
				}
				int i = Arrays.binarySearch(this.hour, 0, this.size, h);
				return Math.max(i, -1);
			}

			/** Hands every hour to the consumer, in no particular order. */
			void forEach(HourConsumer consumer) {
				for (int i = 0; i < this.size; i++) {
					consumer.accept(this.hour[i], this.lines[i], this.first[i], this.last[i]);
				}
				this.earlier.forEach((h, agg) -> consumer.accept(h, agg[0], agg[1], agg[2]));
			}

		}

	}

	/** Lines that broke a clock rule: how many, and the first few as evidence. */
	static final class Sample {

		int count;

		final List<Map<String, Object>> lines = new ArrayList<>();

		void add(int lineNo, LogLine line) {
			this.count++;
			if (this.lines.size() < LogChecks.EVIDENCE_LINES) {
				Map<String, Object> e = new LinkedHashMap<>();
				e.put("line", lineNo);
				e.put("at", ItakuTime.inTokyo(line.occurredAt()).toOffsetDateTime().toString());
				e.put("user", line.user());
				e.put("action", line.action());
				e.put("target", line.target());
				this.lines.add(e);
			}
		}

	}

	/** Copies what is read to a second stream. */
	private static final class Tee extends FilterInputStream {

		private final OutputStream copy;

		Tee(InputStream in, OutputStream copy) {
			super(in);
			this.copy = copy;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				this.copy.write(b);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				this.copy.write(buffer, offset, n);
			}
			return n;
		}

	}

}
