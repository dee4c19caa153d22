package jp.itaku.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jp.itaku.finding.FindingStatus;
import jp.itaku.platform.InvalidInputProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The finding's transitions through the shared workflow: instruction with a due date
 * (ACKNOWLEDGE), response (EXPLAIN), return with a comment and acceptance (CLOSE), and
 * the moves it refuses.
 */
class FindingTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	private static final Instant NOW = Instant.parse("2026-11-22T01:00:00Z");

	private final Inspection inspection = new Inspection(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 3,
			InspectionKind.ON_SITE, "scope", TODAY, "山田", null, null, UUID.randomUUID(), NOW);

	private Finding finding() {
		return new Finding(this.inspection, 2, Severity.MAJOR, "7", "鍵が置かれていた", UUID.randomUUID(), NOW);
	}

	@Test
	void aFindingGoesFromInstructionThroughResponseToClosure() {
		Finding finding = finding();
		assertThat(finding.keyIn(this.inspection)).isEqualTo("AUD-3-F2");
		assertThat(finding.getStatus()).isEqualTo(FindingStatus.OPEN);
		finding.acknowledge("鍵を携行する", TODAY.plusDays(7), TODAY, NOW);
		assertThat(finding.getStatus()).isEqualTo(FindingStatus.ACKNOWLEDGED);
		assertThat(finding.isOverdue(TODAY.plusDays(8))).isTrue();
		finding.explain("携行する運用にした", UUID.randomUUID(), NOW);
		finding.returnExplanation("記録簿も", UUID.randomUUID(), NOW);
		assertThat(finding.getStatus()).isEqualTo(FindingStatus.RETURNED);
		finding.explain("記録簿を備えた", UUID.randomUUID(), NOW);
		finding.close(null, UUID.randomUUID(), NOW);
		assertThat(finding.getStatus()).isEqualTo(FindingStatus.CLOSED);
		assertThat(finding.getClosedAt()).isEqualTo(NOW);
		assertThat(finding.isOverdue(TODAY.plusDays(8))).isFalse();
	}

	@Test
	void invalidMovesAndMissingTextsAreRefusedNamingTheField() {
		Finding finding = finding();
		assertThatThrownBy(() -> finding.close(null, UUID.randomUUID(), NOW)).isInstanceOf(InvalidInputProblem.class)
			.satisfies(
					(e) -> assertThat(((InvalidInputProblem) e).getFieldProblems().get(0).field()).isEqualTo("status"));
		assertThatThrownBy(() -> finding.acknowledge("x", TODAY.minusDays(1), TODAY, NOW))
			.isInstanceOf(InvalidInputProblem.class)
			.satisfies(
					(e) -> assertThat(((InvalidInputProblem) e).getFieldProblems().get(0).field()).isEqualTo("dueOn"));
		finding.acknowledge("x", TODAY, TODAY, NOW);
		assertThatThrownBy(() -> finding.close(null, UUID.randomUUID(), NOW)).isInstanceOf(InvalidInputProblem.class);
		assertThatThrownBy(() -> finding.acknowledge("x", TODAY, TODAY, NOW)).isInstanceOf(InvalidInputProblem.class);
		finding.explain("y", UUID.randomUUID(), NOW);
		assertThatThrownBy(() -> finding.returnExplanation("  ", UUID.randomUUID(), NOW))
			.isInstanceOf(InvalidInputProblem.class)
			.satisfies((e) -> assertThat(((InvalidInputProblem) e).getFieldProblems().get(0).field())
				.isEqualTo("comment"));
		assertThat(finding.getStatus()).isEqualTo(FindingStatus.EXPLAINED);
	}

	@Test
	void theContractorMayRespondBeforeAnyInstructionAsEveryFindingMayBeExplainedWhileOpen() {
		Finding finding = finding();
		finding.explain("気づいた時点で改めた", UUID.randomUUID(), NOW);
		assertThat(finding.getStatus()).isEqualTo(FindingStatus.EXPLAINED);
		assertThatThrownBy(() -> finding.acknowledge("x", TODAY, TODAY, NOW)).isInstanceOf(InvalidInputProblem.class);
	}

}
