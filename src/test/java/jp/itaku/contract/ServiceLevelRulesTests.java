package jp.itaku.contract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem.FieldProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The rules of service-level targets: what a percentage, a duration and a count may be,
 * names required and unique within a contract, blank rows ignored, and every fault named
 * by its row's field.
 */
class ServiceLevelRulesTests {

	private static ServiceLevelTargetForm row(String name, ServiceLevelMetric metric, String target) {
		return new ServiceLevelTargetForm(name, metric, target, MeasurementPeriod.MONTHLY, null);
	}

	private static List<String> fields(ServiceLevelTargetForm... rows) {
		return ServiceLevelRules.check(Arrays.asList(rows)).stream().map(FieldProblem::field).toList();
	}

	private static List<String> keys(ServiceLevelTargetForm... rows) {
		return ServiceLevelRules.check(Arrays.asList(rows)).stream().map(FieldProblem::messageKey).toList();
	}

	@Test
	void anAnnexOfTheThreeKindsIsReadInOrder() {
		List<ServiceLevelTarget> targets = ServiceLevelRules.targets(List.of(
				row("システム稼働率", ServiceLevelMetric.PERCENT_MIN, "99.5"), new ServiceLevelTargetForm(" 障害時の初動連絡 ",
						ServiceLevelMetric.DURATION_MAX, "pt30m", MeasurementPeriod.QUARTERLY, "  夜間・休日を含む "),
				row("重大障害", ServiceLevelMetric.COUNT_MAX, "0")));
		assertThat(targets).extracting(ServiceLevelTarget::getName).containsExactly("システム稼働率", "障害時の初動連絡", "重大障害");
		assertThat(targets).extracting(ServiceLevelTarget::getTarget).containsExactly("99.5", "PT30M", "0");
		assertThat(targets.get(0).getTargetNumber()).isEqualByComparingTo("99.5");
		assertThat(targets.get(1).getTargetNumber()).isNull();
		assertThat(targets.get(1).duration()).hasMinutes(30);
		assertThat(targets.get(1).getMeasurementPeriod()).isEqualTo(MeasurementPeriod.QUARTERLY);
		assertThat(targets.get(1).getNotes()).isEqualTo("夜間・休日を含む");
		assertThat(targets.get(2).getTargetDuration()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "100", "99.5", "99.999", "99.95%", "９９．９５％", " 95 % " })
	void percentagesFromZeroToAHundred(String value) {
		assertThat(ServiceLevelRules.percent(value)).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "100.001", "101", "-1", "99.9999", "abc", "1e2", ".5", "99,5", "" })
	void notAPercentage(String value) {
		assertThat(ServiceLevelRules.percent(value)).isNull();
		assertThat(fields(row("稼働率", ServiceLevelMetric.PERCENT_MIN, value)))
			.containsExactly("serviceLevelTargets[0].target");
	}

	@Test
	void aFullWidthPercentageIsStoredAsTheNumber() {
		assertThat(ServiceLevelRules.percent("９９．５％")).isEqualByComparingTo(new BigDecimal("99.5"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "PT30M", "PT1H", "P2D", "P1DT12H", "PT3S", "pt4h", "ＰＴ１Ｈ", "PT48H" })
	void positiveIsoDurations(String value) {
		assertThat(ServiceLevelRules.duration(value)).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "PT0S", "P0D", "PT0H0M", "P", "PT", "P1DT", "30分", "1H", "P1W", "P1M", "P1Y", "-PT1H",
			"PT-1H", "PT1.5H", "PT0.5S", "P99999999999999999D" })
	void notAPositiveIsoDuration(String value) {
		assertThat(ServiceLevelRules.duration(value)).isNull();
		assertThat(keys(row("初動連絡", ServiceLevelMetric.DURATION_MAX, value)))
			.containsExactly("contract.serviceLevel.duration.invalid");
	}

	@Test
	void aDurationKeepsTheOfficersWording() {
		assertThat(ServiceLevelRules.duration("p2d")).isEqualTo("P2D");
		assertThat(ServiceLevelRules.duration("PT48H")).isEqualTo("PT48H");
	}

	@Test
	void countsAreWholeNumbers() {
		assertThat(ServiceLevelRules.count("0")).isEqualByComparingTo("0");
		assertThat(ServiceLevelRules.count("１２")).isEqualByComparingTo("12");
		for (String bad : List.of("-1", "1.5", "一", "1000000", "x")) {
			assertThat(ServiceLevelRules.count(bad)).as(bad).isNull();
		}
		assertThat(keys(row("障害件数", ServiceLevelMetric.COUNT_MAX, "1.5")))
			.containsExactly("contract.serviceLevel.count.invalid");
	}

	@Test
	void theSameNameTwiceIsRefusedOnTheSecondRow() {
		List<FieldProblem> problems = ServiceLevelRules.check(List.of(row("稼働率", ServiceLevelMetric.PERCENT_MIN, "99"),
				row("障害件数", ServiceLevelMetric.COUNT_MAX, "0"), row(" 稼働率", ServiceLevelMetric.PERCENT_MIN, "98")));
		assertThat(problems).extracting(FieldProblem::field).containsExactly("serviceLevelTargets[2].name");
		assertThat(problems).extracting(FieldProblem::messageKey)
			.containsExactly("contract.serviceLevel.name.duplicate");
	}

	@Test
	void namesDifferingOnlyInCharacterWidthAreTheSameName() {
		assertThat(
				fields(row("SLA1", ServiceLevelMetric.COUNT_MAX, "0"), row("ＳＬＡ１", ServiceLevelMetric.COUNT_MAX, "0")))
			.containsExactly("serviceLevelTargets[1].name");
	}

	@Test
	void aUsedRowNeedsNameMeasureTargetAndPeriod() {
		ServiceLevelTargetForm incomplete = new ServiceLevelTargetForm(" ", null, null, null, "備考だけ");
		List<FieldProblem> problems = ServiceLevelRules.check(List.of(incomplete));
		assertThat(problems).extracting(FieldProblem::field)
			.containsExactly("serviceLevelTargets[0].name", "serviceLevelTargets[0].metric",
					"serviceLevelTargets[0].target", "serviceLevelTargets[0].measurementPeriod");
		assertThat(problems).extracting(FieldProblem::messageKey).containsOnly("validation.required");
	}

	@Test
	void blankRowsAreIgnoredButKeepTheirPlaceInFieldNames() {
		List<ServiceLevelTargetForm> rows = new ArrayList<>();
		rows.add(new ServiceLevelTargetForm());
		rows.add(null);
		rows.add(new ServiceLevelTargetForm("", ServiceLevelMetric.PERCENT_MIN, " ", MeasurementPeriod.MONTHLY, ""));
		rows.add(row("稼働率", ServiceLevelMetric.PERCENT_MIN, "120"));
		assertThat(ServiceLevelRules.check(rows)).extracting(FieldProblem::field)
			.containsExactly("serviceLevelTargets[3].target");
		rows.remove(3);
		assertThat(ServiceLevelRules.targets(rows)).isEmpty();
		assertThat(ServiceLevelRules.targets(null)).isEmpty();
	}

	@Test
	void tooLongNamesAndNotesAreRefused() {
		ServiceLevelTargetForm row = new ServiceLevelTargetForm("項".repeat(101), ServiceLevelMetric.COUNT_MAX, "0",
				MeasurementPeriod.YEARLY, "注".repeat(401));
		assertThat(ServiceLevelRules.check(List.of(row))).extracting(FieldProblem::messageKey)
			.containsExactly("contract.serviceLevel.name.tooLong", "contract.serviceLevel.notes.tooLong");
	}

	@Test
	void atMostThirtyTargets() {
		List<ServiceLevelTargetForm> rows = new ArrayList<>();
		for (int i = 0; i < ServiceLevelRules.MAX_TARGETS; i++) {
			rows.add(row("項目" + i, ServiceLevelMetric.COUNT_MAX, "0"));
		}
		assertThat(ServiceLevelRules.check(rows)).isEmpty();
		rows.add(row("項目" + rows.size(), ServiceLevelMetric.COUNT_MAX, "0"));
		assertThat(ServiceLevelRules.check(rows)).extracting(FieldProblem::field)
			.containsExactly("serviceLevelTargets");
	}

	@Test
	void turningRowsIntoTargetsThrowsEveryFault() {
		InvalidInputProblem problem = catchThrowableOfType(InvalidInputProblem.class,
				() -> ServiceLevelRules.targets(List.of(row("稼働率", ServiceLevelMetric.PERCENT_MIN, "101"),
						row("初動連絡", ServiceLevelMetric.DURATION_MAX, "PT0S"))));
		assertThat(problem.getFieldProblems()).extracting(FieldProblem::field)
			.containsExactly("serviceLevelTargets[0].target", "serviceLevelTargets[1].target");
	}

	@Test
	void targetsAreEqualWhateverTheScaleOfTheirNumber() {
		ServiceLevelTarget stored = new ServiceLevelTarget("稼働率", ServiceLevelMetric.PERCENT_MIN,
				new BigDecimal("99.500"), null, MeasurementPeriod.MONTHLY, null);
		ServiceLevelTarget entered = ServiceLevelRules
			.targets(List.of(row("稼働率", ServiceLevelMetric.PERCENT_MIN, "99.5")))
			.get(0);
		assertThat(entered).isEqualTo(stored).hasSameHashCodeAs(stored);
		assertThat(stored.getTarget()).isEqualTo("99.5");
		assertThat(new ServiceLevelTarget("件数", ServiceLevelMetric.COUNT_MAX, new BigDecimal("10.000"), null,
				MeasurementPeriod.MONTHLY, null)
			.getTarget()).isEqualTo("10");
	}

}
