package jp.itaku.logevidence;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reading of a batch below the parsers: its lines as bytes, and the profile of the
 * lines per user and hour that the checks read instead of the stored lines.
 */
class IngestionTests {

	@Test
	void linesAsBytesEndWhereTheTextReaderEndsThem() throws IOException {
		String longLine = "x".repeat(200_000);
		List<String> inputs = List.of("", "a", "a\n", "a\r\nb", "a\rb\r", "\n\n\r\r\n", "\uFEFFtime,user\r\nline",
				"個人番号=1\n" + longLine + "\r\n" + longLine, "a\r" + "\n".repeat(3));
		for (String input : inputs) {
			byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
			assertThat(byteLines(new ByteArrayInputStream(bytes))).as(input.length() + " chars")
				.isEqualTo(textLines(bytes));
		}
		// A carriage return at the end of one read and its line feed at the start of the
		// next, and invalid UTF-8 (a character cut by the line's end).
		byte[] awkward = new byte[] { 'a', '\r', '\n', 'b', (byte) 0xE5, '\n', (byte) 0xE5, (byte) 0x80, '\r', 'c' };
		assertThat(byteLines(new OneByteAtATime(awkward))).isEqualTo(textLines(awkward))
			.containsExactly("a", "b\uFFFD", "\uFFFD", "c");
	}

	@Test
	void blankAsStringIsBlankJudgesIt() {
		for (String line : List.of("", " \t", "\u3000", " \u3000 x", "x", "\uFEFF", "\u001F")) {
			byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
			assertThat(Ingestion.blank(bytes, 0, bytes.length)).as(line).isEqualTo(line.isBlank());
		}
	}

	@Test
	void theProfileOfHoursEqualsAMapOfThemWhateverTheOrderOfTheLines() {
		Random random = new Random(7);
		long hour = 3_600_000L;
		long start = 1_775_000_000_000L / hour * hour;
		for (int round = 0; round < 20; round++) {
			Ingestion.Profile profile = new Ingestion.Profile();
			Map<String, Map<Long, List<Long>>> expected = new HashMap<>();
			long at = start;
			for (int i = 0; i < 5_000; i++) {
				// Mostly forward in time, sometimes back by up to two days.
				at += (random.nextInt(10) == 0) ? -random.nextInt(48) * hour : random.nextInt(600_000);
				String user = "ID" + random.nextInt(5);
				profile.add(new LogLine(Instant.ofEpochMilli(at), user, "view", null, null, null, null), at);
				expected.computeIfAbsent(user, (u) -> new HashMap<>())
					.computeIfAbsent(Math.floorDiv(at, hour) * hour, (h) -> new ArrayList<>())
					.add(at);
			}
			Map<String, Map<Long, List<Long>>> actual = new HashMap<>();
			profile.hours.forEach((user, hours) -> hours.forEach((h, lines, first, last) -> {
				List<Long> agg = List.of(lines, first, last);
				assertThat(actual.computeIfAbsent(user, (u) -> new HashMap<>()).put(h, agg)).as("%s %d", user, h)
					.isNull();
			}));
			Map<String, Map<Long, List<Long>>> summed = new HashMap<>();
			expected.forEach((user,
					hours) -> hours.forEach((h, instants) -> summed.computeIfAbsent(user, (u) -> new HashMap<>())
						.put(h, List.of((long) instants.size(),
								instants.stream().mapToLong(Long::longValue).min().orElseThrow(),
								instants.stream().mapToLong(Long::longValue).max().orElseThrow()))));
			assertThat(actual).isEqualTo(summed);
		}
	}

	private static List<String> byteLines(InputStream in) throws IOException {
		LineReader reader = new LineReader(in);
		List<String> lines = new ArrayList<>();
		while (reader.next()) {
			lines.add(new String(reader.bytes(), reader.from(), reader.to() - reader.from(), StandardCharsets.UTF_8));
		}
		return lines;
	}

	private static List<String> textLines(byte[] bytes) throws IOException {
		BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
		List<String> lines = new ArrayList<>();
		String line;
		while ((line = reader.readLine()) != null) {
			lines.add(line);
		}
		return lines;
	}

	/** A stream that hands over one byte per read, as a slow upload may. */
	private static final class OneByteAtATime extends InputStream {

		private final byte[] bytes;

		private int next;

		OneByteAtATime(byte[] bytes) {
			this.bytes = bytes;
		}

		@Override
		public int read() {
			return (this.next < this.bytes.length) ? (this.bytes[this.next++] & 0xFF) : -1;
		}

		@Override
		public int read(byte[] b, int off, int len) {
			if (this.next >= this.bytes.length) {
				return -1;
			}
			b[off] = this.bytes[this.next++];
			return 1;
		}

	}

}
