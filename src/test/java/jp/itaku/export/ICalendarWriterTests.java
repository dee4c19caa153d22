package jp.itaku.export;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The iCalendar serializer: RFC 5545 escaping of TEXT values, folding at 75 octets of
 * UTF-8 without splitting a character, CRLF line ends, dates and UTC date-times.
 */
class ICalendarWriterTests {

	@Test
	void escapesBackslashSemicolonCommaAndLineBreaks() {
		assertThat(ICalendarWriter.escape("a\\b;c,d\ne\r\nf\rg")).isEqualTo("a\\\\b\\;c\\,d\\ne\\nf\\ng");
		assertThat(ICalendarWriter.escape("名簿：提出、確認。")).isEqualTo("名簿：提出、確認。");
		assertThat(ICalendarWriter.escape("bell\u0007tab\t")).isEqualTo("belltab\t");
		assertThat(ICalendarWriter.escape(null)).isEmpty();
	}

	@Test
	void aShortLineIsNotFolded() {
		String line = "SUMMARY:" + "a".repeat(67);
		assertThat(line.getBytes(StandardCharsets.UTF_8)).hasSize(75);
		assertThat(ICalendarWriter.fold(line)).isEqualTo(line);
	}

	@Test
	void foldsAsciiAtSeventyFiveOctetsWithALeadingSpace() {
		String line = "DESCRIPTION:" + "x".repeat(200);
		String folded = ICalendarWriter.fold(line);
		String[] physical = folded.split("\r\n", -1);
		assertThat(physical[0].getBytes(StandardCharsets.UTF_8)).hasSize(75);
		assertThat(Arrays.stream(physical).skip(1)).allSatisfy((l) -> assertThat(l).startsWith(" "));
		assertThat(Arrays.stream(physical))
			.allSatisfy((l) -> assertThat(l.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
		assertThat(ICalendarWriter.unfold(folded)).isEqualTo(line);
	}

	@Test
	void foldsJapaneseWithoutSplittingACharacter() {
		String line = "DESCRIPTION:" + "従事者名簿を契約締結後速やかに提出すること。".repeat(8);
		String folded = ICalendarWriter.fold(line);
		for (String physical : folded.split("\r\n")) {
			byte[] bytes = physical.getBytes(StandardCharsets.UTF_8);
			assertThat(bytes.length).isLessThanOrEqualTo(75);
			// each physical line is valid UTF-8 on its own: no character was cut in two
			assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("\uFFFD");
		}
		assertThat(folded.split("\r\n")).hasSizeGreaterThan(5);
		assertThat(ICalendarWriter.unfold(folded)).isEqualTo(line);
	}

	@Test
	void keepsCharactersOutsideTheBasicPlaneWhole() {
		String line = "SUMMARY:" + "𠮷野家".repeat(30);
		String folded = ICalendarWriter.fold(line);
		for (String physical : folded.split("\r\n")) {
			assertThat(physical.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
			assertThat(Character.isLowSurrogate(physical.charAt(physical.startsWith(" ") ? 1 : 0))).isFalse();
		}
		assertThat(ICalendarWriter.unfold(folded)).isEqualTo(line);
	}

	@Test
	void writesAllDayDatesUtcStampsAndCrlfLineEnds() {
		String ics = new ICalendarWriter().raw("BEGIN", "VEVENT")
			.date("DTSTART", LocalDate.of(2026, 4, 1))
			.utc("DTSTAMP", Instant.parse("2026-03-31T15:30:05Z"))
			.text("SUMMARY", "従事者名簿（T-1, 2）")
			.raw("END", "VEVENT")
			.toString();
		assertThat(ics).isEqualTo("BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260401\r\nDTSTAMP:20260331T153005Z\r\n"
				+ "SUMMARY:従事者名簿（T-1\\, 2）\r\nEND:VEVENT\r\n");
	}

}
