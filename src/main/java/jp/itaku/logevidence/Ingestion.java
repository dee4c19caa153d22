package jp.itaku.logevidence;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
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
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(source, StandardCharsets.UTF_8),
				1 << 16)) {
			String text;
			int lineNo = 0;
			while ((text = reader.readLine()) != null) {
				lineNo++;
				if (text.isBlank()) {
					continue;
				}
				if (!headerSeen) {
					headerSeen = true;
					try {
						if (parser.header(text)) {
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
					line = parser.parse(text);
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
			long hour = Math.floorDiv(millis, HOUR) * HOUR;
			long[] agg = user.current;
			if (hour != user.currentHour || agg == null) {
				agg = user.byHour.get(hour);
				if (agg == null) {
					agg = new long[] { 0, millis, millis };
					user.byHour.put(hour, agg);
				}
				user.currentHour = hour;
				user.current = agg;
			}
			agg[0]++;
			agg[1] = Math.min(agg[1], millis);
			agg[2] = Math.max(agg[2], millis);
		}

		/**
		 * A user's hours, and the aggregate of the hour of its last line (most lines fall
		 * in it: the map is looked up once an hour, not once a line).
		 */
		static final class Hours {

			final Map<Long, long[]> byHour = new HashMap<>();

			private long currentHour;

			private long @Nullable [] current;

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
