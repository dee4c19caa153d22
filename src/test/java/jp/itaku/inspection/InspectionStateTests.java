package jp.itaku.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where an inspection stands follows from its records: planned before its day with
 * nothing observed, in progress while lines are observed, following up while a finding is
 * open, completed when every line is observed and every finding closed.
 */
class InspectionStateTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

	private static final Instant NOW = Instant.parse("2026-12-04T01:00:00Z");

	private Inspection on(LocalDate day) {
		return new Inspection(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 1, InspectionKind.ON_SITE,
				"入退室管理", day, "山田", null, null, UUID.randomUUID(), NOW);
	}

	private static ChecklistLine line(Inspection inspection, LineResult result) {
		ChecklistLine line = new ChecklistLine(inspection.getId(), 1, "7", "鍵の管理");
		if (result != LineResult.NOT_CHECKED) {
			line.observe(result, null);
		}
		return line;
	}

	@Test
	void plannedUntilItsDayThenInProgressThenCompleted() {
		Inspection next = on(TODAY.plusDays(10));
		assertThat(InspectionState.of(next, List.of(line(next, LineResult.NOT_CHECKED)), List.of(), TODAY))
			.isEqualTo(InspectionState.PLANNED);
		Inspection held = on(TODAY);
		assertThat(InspectionState.of(held,
				List.of(line(held, LineResult.CONFORMING), line(held, LineResult.NOT_CHECKED)), List.of(), TODAY))
			.isEqualTo(InspectionState.IN_PROGRESS);
		assertThat(InspectionState.of(held, List.of(line(held, LineResult.CONFORMING)), List.of(), TODAY))
			.isEqualTo(InspectionState.COMPLETED);
	}

	@Test
	void anOpenFindingKeepsItFollowingUpUntilClosed() {
		Inspection held = on(TODAY.minusDays(3));
		Finding finding = new Finding(held, 1, Severity.MAJOR, "7", "鍵が置かれていた", UUID.randomUUID(), NOW);
		finding.acknowledge("鍵を携行する", TODAY.plusDays(7), TODAY, NOW);
		List<ChecklistLine> lines = List.of(line(held, LineResult.FINDING));
		assertThat(InspectionState.of(held, lines, List.of(finding), TODAY)).isEqualTo(InspectionState.FOLLOWING_UP);
		finding.explain("携行する運用にした", UUID.randomUUID(), NOW);
		assertThat(InspectionState.of(held, lines, List.of(finding), TODAY)).isEqualTo(InspectionState.FOLLOWING_UP);
		finding.close(null, UUID.randomUUID(), NOW);
		assertThat(InspectionState.of(held, lines, List.of(finding), TODAY)).isEqualTo(InspectionState.COMPLETED);
	}

}
