package jp.itaku.logevidence;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import jp.itaku.platform.InputRules;
import jp.itaku.platform.ItakuTime;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the log line parsers (CSV, JSON Lines, RFC 5424 syslog), which read what the
 * contractor's systems send. Their contract: a line is read into a {@link LogLine} or
 * refused with {@link MalformedLine} and its reason — never another exception, so the
 * batch lists the line by number instead of failing; a line read holds no control
 * character PostgreSQL cannot store (NUL) or a spreadsheet would misread, and every value
 * within its column's length.
 */
class LineParserFuzzTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@FuzzTest(maxDuration = "10s")
	void csvLines(FuzzedDataProvider data) {
		LineParser parser = LineParser.of(LogFormat.CSV,
				new LogMapping("time", "user", "action", "target", "result", "ip", List.of("screen")), ItakuTime.ZONE,
				JSON);
		String header = data.consumeBoolean() ? data.consumeString(200) : "time,user,action,target,result,ip,screen";
		try {
			parser.header(header);
		}
		catch (MalformedLine ex) {
			assertThat(ex.getMessage()).isNotBlank();
			return;
		}
		read(parser, data.consumeRemainingAsString());
	}

	/**
	 * A CSV line read from its bytes (split before decoding, the path of every upload)
	 * gives what the same line decoded and read as text gives: the same line or the same
	 * reason, whatever the bytes, invalid UTF-8 included.
	 */
	@FuzzTest(maxDuration = "10s")
	void csvBytesReadAsTheirText(FuzzedDataProvider data) {
		LineParser parser = LineParser.of(LogFormat.CSV,
				new LogMapping("time", "user", "action", "target", "result", "ip", List.of("screen")), ItakuTime.ZONE,
				JSON);
		parser.header("time,user,action,target,result,ip,screen");
		byte[] bytes = data.consumeRemainingAsBytes();
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == '\n' || bytes[i] == '\r') {
				// A line as the reader hands it over: without its end.
				bytes[i] = ',';
			}
		}
		String text = new String(bytes, StandardCharsets.UTF_8);
		assertThat(LineParsersTests.outcome(() -> parser.parse(bytes, 0, bytes.length))).as(text)
			.isEqualTo(LineParsersTests.outcome(() -> parser.parse(text)));
	}

	/** The reader of lines as bytes ends them where the text reader does. */
	@FuzzTest(maxDuration = "10s")
	void linesAsBytesAsTheTextReaderReadsThem(FuzzedDataProvider data) throws IOException {
		byte[] bytes = data.consumeRemainingAsBytes();
		LineReader reader = new LineReader(new ByteArrayInputStream(bytes));
		List<String> lines = new ArrayList<>();
		while (reader.next()) {
			lines.add(new String(reader.bytes(), reader.from(), reader.to() - reader.from(), StandardCharsets.UTF_8));
		}
		assertThat(lines).isEqualTo(
				new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))
					.lines()
					.toList());
	}

	@FuzzTest(maxDuration = "10s")
	void jsonLines(FuzzedDataProvider data) {
		LineParser parser = LineParser.of(LogFormat.JSONL,
				new LogMapping("ts", "user.id", "op", "obj", "res", "ip", List.of("session")), ItakuTime.ZONE, JSON);
		read(parser, data.consumeRemainingAsString());
	}

	@FuzzTest(maxDuration = "10s")
	void syslogLines(FuzzedDataProvider data) {
		LineParser parser = LineParser.of(LogFormat.SYSLOG,
				new LogMapping(null, "user", null, "target", "result", "src", List.of()), ItakuTime.ZONE, JSON);
		read(parser, data.consumeRemainingAsString());
	}

	private static void read(LineParser parser, String line) {
		if (line.isBlank()) {
			return;
		}
		try {
			LogLine read = parser.parse(line);
			assertThat(read.occurredAt()).isNotNull();
			assertThat(read.user()).isNotBlank();
			assertThat(read.action()).isNotBlank();
			for (String value : new String[] { read.user(), read.action(), read.target(), read.result(), read.address(),
					read.fields() }) {
				assertThat(value == null || !InputRules.hasControlCharacter(value.replace("\t", " ")))
					.as("a control character read from %s", line)
					.isTrue();
			}
			assertThat(read.user().length()).isLessThanOrEqualTo(LineParser.USER_MAX);
			assertThat(read.action().length()).isLessThanOrEqualTo(LineParser.ACTION_MAX);
		}
		catch (MalformedLine ex) {
			assertThat(ex.getMessage()).isNotBlank();
		}
	}

}
