package jp.itaku.subcontract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem.FieldProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules of an application and of its decision: every field the clauses ask for, the
 * three confirmations, one worker a line, and maker-checker on the decision.
 */
class SubcontractRulesTests {

	@Test
	void aCompleteApplicationHasNoProblem() {
		assertThat(complete().problems()).isEmpty();
	}

	@Test
	void eachConfirmationIsRequired() {
		SubcontractForm form = complete();
		form.setAncillaryUnavoidable(false);
		form.setSafetyMeasuresChecked(false);
		form.setBindsSameClauses(false);
		assertThat(form.problems()).extracting(FieldProblem::field)
			.containsExactlyInAnyOrder("ancillaryUnavoidable", "safetyMeasuresChecked", "bindsSameClauses");
	}

	@Test
	void thePeriodMayNotEndBeforeItStarts() {
		SubcontractForm form = complete();
		form.setPeriodEnd(form.getPeriodStart().minusDays(1));
		assertThat(form.problems()).extracting(FieldProblem::messageKey)
			.containsExactly("subcontract.error.periodOrder");
	}

	@Test
	void workersAreOneNameALineBlankLinesIgnored() {
		SubcontractForm form = complete();
		form.setWorkers(" 入力 一郎 \r\n\r\n入力 二郎\n");
		assertThat(form.workerNames()).containsExactly("入力 一郎", "入力 二郎");
		form.setWorkers("\n \n");
		assertThat(form.problems()).extracting(FieldProblem::field).containsExactly("workers");
	}

	@Test
	void theApplicantCannotDecideTheirOwnApplicationAndADecisionIsFinal() {
		UUID applicant = UUID.randomUUID();
		Subcontract s = new Subcontract(UUID.randomUUID(), 1, null, UUID.randomUUID(), "再委託先", "所在地", complete(),
				applicant, Instant.EPOCH);
		assertThat(s.getDepth()).isEqualTo(1);
		assertThatThrownBy(() -> s.approve(applicant, Instant.EPOCH)).isInstanceOf(InvalidInputProblem.class);
		assertThatThrownBy(() -> s.reject(UUID.randomUUID(), "  ", Instant.EPOCH))
			.isInstanceOf(InvalidInputProblem.class);
		s.approve(UUID.randomUUID(), Instant.EPOCH);
		assertThat(s.isApproved()).isTrue();
		assertThatThrownBy(() -> s.reject(UUID.randomUUID(), "理由", Instant.EPOCH))
			.isInstanceOf(InvalidInputProblem.class);
		Subcontract child = new Subcontract(s.getContractId(), 2, s, UUID.randomUUID(), "次", "所在地", complete(),
				UUID.randomUUID(), Instant.EPOCH);
		assertThat(child.getDepth()).isEqualTo(2);
		assertThat(child.getParentId()).isEqualTo(s.getId());
	}

	static SubcontractForm complete() {
		SubcontractForm form = new SubcontractForm();
		form.setSubcontractorOrganisationId(UUID.randomUUID());
		form.setPeriodStart(LocalDate.of(2026, 6, 1));
		form.setPeriodEnd(LocalDate.of(2026, 9, 30));
		form.setReason("理由");
		form.setWorkContent("内容");
		form.setInformationHandled("情報");
		form.setSafetyMeasures("措置");
		form.setSupervisionMethod("方法");
		form.setSecurityLead("責任 者");
		form.setWorkers("作業 者");
		form.setSafetyMeasuresChecked(true);
		form.setBindsSameClauses(true);
		form.setAncillaryUnavoidable(true);
		return form;
	}

}
