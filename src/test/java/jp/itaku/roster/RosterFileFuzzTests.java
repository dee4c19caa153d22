package jp.itaku.roster;

import com.code_intelligence.jazzer.junit.FuzzTest;
import jp.itaku.platform.InputRules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the roster import's file reading (CSV in UTF-8 or Shift_JIS, xlsx), which takes
 * files from outside. Its contract: it never throws; every problem names its line (0 for
 * the file as a whole) and has a message; a row it returns without a problem carries no
 * control character; rows keep the order and lines of the file; and no data row is
 * dropped silently — each line after the header is a row, a counted blank line, or behind
 * the "too many rows" problem. Runs over the committed inputs in {@code mvn verify}
 * (regression mode) and fuzzes on {@code mvn -Pfuzz verify}.
 */
class RosterFileFuzzTests {

	@FuzzTest(maxDuration = "10s")
	void readsAnyFileWithoutFailingOrDroppingARow(byte[] content) {
		RosterFile.Parsed parsed = RosterFile.read(content);
		assertThat(parsed).isNotNull();
		for (RosterFile.Problem problem : parsed.problems()) {
			assertThat(problem.line()).isGreaterThanOrEqualTo(0);
			assertThat(problem.messageKey()).isNotBlank();
		}
		int previous = parsed.headerLine();
		for (RosterFile.Entry entry : parsed.rows()) {
			assertThat(entry.line()).isGreaterThan(previous);
			previous = entry.line();
			boolean flagged = parsed.problems().stream().anyMatch((p) -> p.line() == entry.line());
			if (!flagged) {
				RosterMemberForm form = entry.form();
				for (String value : new String[] { form.getName(), form.getAffiliation(), form.getDuties(),
						form.getWorkLocation(), form.getExpertise(), form.getTrackRecord(), form.getNationality() }) {
					assertThat(value == null || !InputRules.hasControlCharacter(value))
						.as("line %d holds a control character without a problem", entry.line())
						.isTrue();
				}
			}
		}
		boolean tooMany = parsed.problems()
			.stream()
			.anyMatch((p) -> p.messageKey().equals("roster.import.tooManyRows"));
		if (!parsed.rows().isEmpty() && !tooMany) {
			int lastRow = parsed.rows().get(parsed.rows().size() - 1).line();
			long between = parsed.rows().size() + parsed.blankLines();
			// Every line from the header to the last row is a row or a counted blank line
			// (a
			// quoted value may span lines, so a row may cover more than one).
			assertThat(between).isLessThanOrEqualTo(lastRow - parsed.headerLine());
			assertThat(parsed.rows().stream().map(RosterFile.Entry::line).distinct().count())
				.isEqualTo(parsed.rows().size());
		}
	}

}
