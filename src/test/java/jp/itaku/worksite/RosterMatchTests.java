package jp.itaku.worksite;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem.FieldProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The roster rules of schedules and the entry log: a name matches a roster member who
 * works on the day however it is spaced or written; a schedule naming anyone else is
 * refused with the day and the name; an entry is on the roster, a visitor, or flagged.
 */
class RosterMatchTests {

	private static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);

	private static final LocalDate DEC_5 = LocalDate.of(2026, 12, 5);

	/** Works from 1 December to 3 December only. */
	private final RosterMatch.Person yamada = new RosterMatch.Person(UUID.randomUUID(), "山田 太郎", "窓口運営部", "受付",
			(d) -> !d.isBefore(DEC_1) && !d.isAfter(LocalDate.of(2026, 12, 3)));

	/** Planned, not yet working. */
	private final RosterMatch.Person planned = new RosterMatch.Person(UUID.randomUUID(), "鈴木 花子", "窓口運営部", null,
			(d) -> false);

	private final List<RosterMatch.Person> roster = List.of(this.yamada, this.planned);

	@Test
	void namesMatchWhateverTheSpacingAndWidth() {
		assertThat(RosterMatch.working(this.roster, "山田太郎", DEC_1)).contains(this.yamada);
		assertThat(RosterMatch.working(this.roster, "山田　太郎", DEC_1)).contains(this.yamada);
		assertThat(RosterMatch.working(this.roster, " 山田  太郎 ", DEC_1)).contains(this.yamada);
		assertThat(RosterMatch.working(this.roster, "山田 次郎", DEC_1)).isEmpty();
	}

	@Test
	void aMemberMatchesOnlyOnTheDaysTheyWork() {
		assertThat(RosterMatch.working(this.roster, "山田 太郎", DEC_5)).isEmpty();
		assertThat(RosterMatch.working(this.roster, "鈴木 花子", DEC_1)).isEmpty();
		assertThat(RosterMatch.named(this.roster, "鈴木花子")).contains(this.planned);
	}

	@Test
	void anEntryIsOnTheRosterAVisitorOrFlagged() {
		assertThat(RosterMatch.entry(this.roster, "山田 太郎", DEC_1, false))
			.isEqualTo(new RosterMatch.Result(RosterMatch.Kind.ON_ROSTER, this.yamada));
		// A roster member is a worker even when ticked as a visitor.
		assertThat(RosterMatch.entry(this.roster, "山田 太郎", DEC_1, true).kind()).isEqualTo(RosterMatch.Kind.ON_ROSTER);
		assertThat(RosterMatch.entry(this.roster, "保守 五郎", DEC_1, true).kind()).isEqualTo(RosterMatch.Kind.VISITOR);
		assertThat(RosterMatch.entry(this.roster, "保守 五郎", DEC_1, false).kind()).isEqualTo(RosterMatch.Kind.FLAGGED);
		// On the roster, but not working that day: flagged unless declared a visitor.
		assertThat(RosterMatch.entry(this.roster, "山田 太郎", DEC_5, false).kind()).isEqualTo(RosterMatch.Kind.FLAGGED);
		assertThat(RosterMatch.entry(this.roster, "鈴木 花子", DEC_1, false).kind()).isEqualTo(RosterMatch.Kind.FLAGGED);
	}

	@Test
	void aScheduleNamingSomeoneOffTheRosterIsRefusedWithTheDayAndTheName() {
		List<ScheduleLine> lines = List.of(ScheduleLine.named(0, "山田 太郎", DEC_1, "日勤"),
				ScheduleLine.named(1, "山田 太郎", DEC_5, "日勤"), ScheduleLine.named(2, "佐藤 三郎", DEC_1, "日勤"));
		InvalidInputProblem problem = catchThrowableOfType(InvalidInputProblem.class,
				() -> ScheduleCheck.check(YearMonth.of(2026, 12), lines, this.roster));
		assertThat(problem.getFieldProblems()).extracting(FieldProblem::field)
			.containsExactly("entries[1]", "entries[2]");
		assertThat(ScheduleParsingTests.messages(problem)).containsExactly("12月5日: 山田 太郎 は名簿に従事者として登録されていません。",
				"12月1日: 佐藤 三郎 は名簿に従事者として登録されていません。");
	}

	@Test
	void aDayOffMayNameAnyRosterMemberAndEmptyCellsAreDropped() {
		List<ScheduleCheck.Cell> cells = ScheduleCheck.check(YearMonth.of(2026, 12),
				List.of(ScheduleLine.named(0, "山田太郎", DEC_1, "9:00-12:00"), ScheduleLine.named(1, "山田 太郎", DEC_5, "休"),
						ScheduleLine.named(2, "鈴木 花子", DEC_1, "休"), ScheduleLine.named(3, "佐藤 三郎", DEC_1, " ")),
				this.roster);
		assertThat(cells).extracting((c) -> c.person().name(), ScheduleCheck.Cell::day)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("山田 太郎", DEC_1),
					org.assertj.core.groups.Tuple.tuple("山田 太郎", DEC_5),
					org.assertj.core.groups.Tuple.tuple("鈴木 花子", DEC_1));
	}

	@Test
	void aGridCellOfAnotherContractsMemberOrTwiceTheSameDayIsRefused() {
		InvalidInputProblem problem = catchThrowableOfType(InvalidInputProblem.class,
				() -> ScheduleCheck.check(YearMonth.of(2026, 12),
						List.of(ScheduleLine.grid(UUID.randomUUID(), DEC_1, "日勤"),
								ScheduleLine.named(1, "山田 太郎", DEC_1, "日勤"), ScheduleLine.named(2, "山田太郎", DEC_1, "早番"),
								ScheduleLine.named(3, "山田 太郎", LocalDate.of(2027, 1, 1), "日勤")),
						this.roster));
		assertThat(problem.getFieldProblems()).extracting(FieldProblem::messageKey)
			.containsExactly("worksite.schedule.offRoster", "worksite.schedule.twice",
					"worksite.schedule.dayOutsideMonth");
	}

	@Test
	void anImportedEntryLogIsReadWithItsColumnsInAnyOrder() {
		String text = "入室,氏名,所属,目的,退室,来訪者,日付\n" + "8:50,山田 太郎,窓口運営部,,17:55,,2026/12/01\n"
				+ "13:00,保守 五郎,ひかり保守,端末点検,14:10,○,2026/12/01\n";
		List<EntryImport.Line> lines = EntryImport.parse(TextTable.read("log.csv", text.getBytes(TextTable.SHIFT_JIS)));
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0).form().getEnteredAt()).isEqualTo(LocalDateTime.of(2026, 12, 1, 8, 50));
		assertThat(lines.get(0).form().getLeftAt()).isEqualTo(LocalDateTime.of(2026, 12, 1, 17, 55));
		assertThat(lines.get(0).form().isVisitor()).isFalse();
		assertThat(lines.get(1).form().isVisitor()).isTrue();
		assertThat(lines.get(1).form().getPurpose()).isEqualTo("端末点検");
	}

	@Test
	void anImportedEntryLogNamesEveryFaultyLine() {
		String text = "氏名,所属,目的,入室,退室,来訪者\n" + "山田 太郎,,,2026/12/01 9:00,2026/12/01 8:00,\n"
				+ "保守 五郎,ひかり保守,,2026/12/01 13:00,,はい\n" + "佐藤 三郎,,,昨日,,\n" + "鈴木 花子,,,2026-12-01 10:00,,\n";
		InvalidInputProblem problem = catchThrowableOfType(InvalidInputProblem.class,
				() -> EntryImport.parse(TextTable.csv(text)));
		assertThat(ScheduleParsingTests.messages(problem)).containsExactly("2行目: 退室日時は入室日時より後にしてください。",
				"3行目: 来訪者は目的を入力してください。", "4行目: 日時「昨日」を読めません。「2026/12/01 9:00」（日付の列があれば「9:00」）のように書いてください。");
	}

}
