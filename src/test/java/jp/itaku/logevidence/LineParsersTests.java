package jp.itaku.logevidence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jp.itaku.platform.ItakuTime;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The parsers of the three formats and of timestamps, on the RFC's own examples where
 * there are some.
 */
class LineParsersTests {

	private static final ZoneId TOKYO = ItakuTime.ZONE;

	@Test
	void timestampsWithOffsetZoneFractionOrNone() {
		assertThat(Timestamps.parse("2026-04-01T09:00:00+09:00", TOKYO))
			.isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
		assertThat(Timestamps.parse("2026-04-01T00:00:00Z", TOKYO)).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
		assertThat(Timestamps.parse("2026/04/01 09:00:00", TOKYO)).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
		assertThat(Timestamps.parse("2026-04-01 09:00:00.250+0900", TOKYO))
			.isEqualTo(Instant.parse("2026-04-01T00:00:00.250Z"));
		assertThat(Timestamps.parse("2003-10-11T22:14:15.003Z", TOKYO))
			.isEqualTo(Instant.parse("2003-10-11T22:14:15.003Z"));
		for (String bad : List.of("", "2026-04-01", "2026-13-01T00:00:00Z", "2026-04-01T09:00:00+9", "yesterday",
				"1999-12-31T23:59:59Z", "2026-04-01T09:00:00 JST")) {
			assertThat(catchThrowableOfType(MalformedLine.class, () -> Timestamps.parse(bad, TOKYO))).as(bad)
				.isNotNull();
		}
	}

	@Test
	void timestampsWithAnOffsetAgreeWithJavaTimeOnEveryDayAndAtTheEdges() {
		for (LocalDate day = LocalDate.of(2000, 1, 1); day.getYear() <= 2100; day = day.plusDays(1)) {
			assertThat(Timestamps.epochDay(day.getYear(), day.getMonthValue(), day.getDayOfMonth())).as("%s", day)
				.isEqualTo(day.toEpochDay());
		}
		for (String text : List.of("2024-02-29T23:59:59.999999999+18:00", "2100-12-31T00:00:00-18:00",
				"2000-01-01T00:00:00+0930", "2026-03-01T00:00:00-05", "2026-04-01T09:00:00+09:75")) {
			OffsetDateTime expected = OffsetDateTime
				.parse(text.replace("+0930", "+09:30").replace("-05", "-05:00").replace("+09:75", "+10:15"));
			assertThat(Timestamps.parse(text, TOKYO)).as(text).isEqualTo(expected.toInstant());
		}
		for (String bad : List.of("2023-02-29T00:00:00Z", "2100-02-29T00:00:00Z", "2026-04-31T00:00:00Z",
				"2026-04-01T24:00:00Z", "2026-04-01T09:60:00Z", "2026-04-01T09:00:60Z", "2026-04-00T09:00:00Z",
				"2026-04-01T09:00:00+18:01", "2026-04-01T09:00:00-19")) {
			assertThat(catchThrowableOfType(MalformedLine.class, () -> Timestamps.parse(bad, TOKYO))).as(bad)
				.isNotNull();
		}
	}

	@Test
	void csvReadFromBytesEqualsCsvReadAsText() {
		LineParser parser = LineParser.of(LogFormat.CSV,
				new LogMapping("time", "user", "action", "target", "result", "ip", List.of("screen")), TOKYO,
				JsonMapper.builder().build());
		parser.header("ip,time,user,action,target,result,screen");
		for (String line : List.of("10.0.0.1,2026-04-01T09:00:00+09:00,ID0001,view,個人番号=1,success,住民記録",
				"10.0.0.1,2026-04-01T09:00:00+09:00,ID0001,view,\"a,b\",success,",
				" , 2026-04-01 09:00:00 ,ID0001,view,,,", "10.0.0.1,2026-04-01T09:00:00+09:00,ID0001,view",
				"10.0.0.1,2026-04-01T09:00:00+09:00,,view,x,y,z",
				"10.0.0.1,2026-04-01T09:00:00+09:00,ID\u0001,view,x,y,z")) {
			byte[] bytes = ("#" + line + "#").getBytes(StandardCharsets.UTF_8);
			assertThat(outcome(() -> parser.parse(bytes, 1, bytes.length - 1))).as(line)
				.isEqualTo(outcome(() -> parser.parse(line)));
		}
	}

	/** What a parser made of a line: the line read, or the reason it was refused. */
	static Object outcome(Supplier<LogLine> parse) {
		try {
			return parse.get();
		}
		catch (MalformedLine ex) {
			return ex.reason();
		}
	}

	@Test
	void csvWithQuotesAndHeaderByName() {
		LineParser parser = LineParser.of(LogFormat.CSV,
				new LogMapping("日時", "ID", "操作", "対象", "結果", "端末", List.of("画面")), TOKYO, JsonMapper.builder().build());
		assertThat(parser.header("\uFEFF端末,日時,ID,操作,対象,結果,画面")).isTrue();
		LogLine line = parser.parse("10.0.0.1,2026-04-01 09:00:00,OP-1,search,\"氏名=山田, 太郎 \"\"様\"\"\",ok,照会");
		assertThat(line.occurredAt()).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
		assertThat(line.user()).isEqualTo("OP-1");
		assertThat(line.target()).isEqualTo("氏名=山田, 太郎 \"様\"");
		assertThat(line.address()).isEqualTo("10.0.0.1");
		assertThat(line.fields()).isEqualTo("{\"画面\":\"照会\"}");
		assertThat(reason(() -> parser.parse("10.0.0.1,2026-04-01 09:00:00,OP-1")))
			.isEqualTo("logevidence.malformed.columns");
		assertThat(reason(() -> parser.parse("10.0.0.1,2026-04-01 09:00:00,,search,x,ok,y")))
			.isEqualTo("logevidence.malformed.missing");
		assertThat(reason(() -> parser.parse("\"10.0.0.1,2026-04-01 09:00:00,OP-1,search,x,ok,y")))
			.isEqualTo("logevidence.malformed.quote");
		LineParser missing = LineParser.of(LogFormat.CSV,
				new LogMapping("time", "user", "action", null, null, null, null), TOKYO, JsonMapper.builder().build());
		assertThat(reason(() -> missing.header("time,who,action"))).isEqualTo("logevidence.malformed.header");
	}

	@Test
	void jsonLinesWithNestedFields() {
		LineParser parser = LineParser.of(LogFormat.JSONL,
				new LogMapping("ts", "user.id", "op", "obj", "res", "ip", List.of("session")), TOKYO,
				JsonMapper.builder().build());
		LogLine line = parser.parse(
				"{\"ts\":\"2026-04-01T09:00:00+09:00\",\"user\":{\"id\":\"OP-7\"},\"op\":\"view\",\"obj\":\"個人番号\",\"res\":\"ok\",\"session\":42}");
		assertThat(line.user()).isEqualTo("OP-7");
		assertThat(line.fields()).isEqualTo("{\"session\":\"42\"}");
		assertThat(reason(() -> parser.parse("{\"ts\":"))).isEqualTo("logevidence.malformed.json");
		assertThat(reason(() -> parser.parse("[1,2]"))).isEqualTo("logevidence.malformed.json");
	}

	@Test
	void syslogAsRfc5424WritesIt() {
		// RFC 5424, 6.5, examples 1, 3 and 4.
		Map<String, String> one = SyslogLineParser.read(
				"<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - \uFEFF'su root' failed for lonvick on /dev/pts/8");
		assertThat(one).containsEntry("TIMESTAMP", "2003-10-11T22:14:15.003Z")
			.containsEntry("APP-NAME", "su")
			.containsEntry("MSGID", "ID47")
			.containsEntry("MSG", "'su root' failed for lonvick on /dev/pts/8")
			.doesNotContainKey("PROCID");
		Map<String, String> three = SyslogLineParser
			.read("<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut=\"3\""
					+ " eventSource=\"Application\" eventID=\"1011\"] \uFEFFAn application event log entry...");
		assertThat(three).containsEntry("eventID", "1011").containsEntry("exampleSDID@32473.iut", "3");
		Map<String, String> four = SyslogLineParser
			.read("<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog"
					+ " - ID47 [exampleSDID@32473 iut=\"3\" eventSource=\"Application\" eventID=\"1011\"][examplePriority@32473"
					+ " class=\"high\"]");
		assertThat(four).containsEntry("class", "high").doesNotContainKey("MSG");
		assertThat(SyslogLineParser.read("<13>1 2026-04-01T09:00:00+09:00 host app - - [a x=\"q\\\"u\\]o\"]"))
			.containsEntry("x", "q\"u]o");

		LineParser parser = LineParser.of(LogFormat.SYSLOG,
				new LogMapping(null, "user", null, "target", "result", "src", List.of()), TOKYO,
				JsonMapper.builder().build());
		LogLine line = parser.parse("<86>1 2026-04-01T09:00:00+09:00 jk01 jukiapp 4711 search"
				+ " [audit user=\"OP-1\" target=\"住民票コード=1\" result=\"ok\" src=\"10.0.0.9\"] 照会");
		assertThat(line.action()).isEqualTo("search");
		assertThat(line.user()).isEqualTo("OP-1");
		assertThat(line.address()).isEqualTo("10.0.0.9");

		for (String bad : List.of("<34> 2003-10-11T22:14:15.003Z host su - ID47 -", "34>1 2003 host su - ID47 -",
				"<34>2 2003-10-11T22:14:15.003Z host su - ID47 -", "<34>1 2003-10-11T22:14:15.003Z host su - ID47",
				"<34>1 2003-10-11T22:14:15.003Z host su - ID47 [a x=\"1\"",
				"<999>1 2003-10-11T22:14:15.003Z h a - m -")) {
			assertThat(catchThrowableOfType(MalformedLine.class, () -> SyslogLineParser.read(bad))).as(bad).isNotNull();
		}
	}

	private static String reason(Runnable action) {
		MalformedLine ex = catchThrowableOfType(MalformedLine.class, action::run);
		return (ex != null) ? ex.reasonKey() : null;
	}

}
