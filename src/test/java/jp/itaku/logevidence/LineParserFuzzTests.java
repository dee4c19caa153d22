package jp.itaku.logevidence;

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
