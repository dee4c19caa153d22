package jp.itaku.training;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.itaku.platform.Sha256;
import jp.itaku.roster.WorkerReadiness.Readiness;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The readiness rule: pledged with a signed pledge, trained by having attended or
 * completed a training session (not a drill) held on or before today.
 */
class TrainingReadinessTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

	private static final UUID CONTRACT = UUID.randomUUID();

	private final UUID member = UUID.randomUUID();

	private Pledge pledge(boolean signed) {
		Pledge pledge = new Pledge(CONTRACT, this.member, TODAY.minusDays(3), "誓約書", Sha256.of("誓約書"), "key", "sha",
				UUID.randomUUID(), Instant.EPOCH);
		if (signed) {
			pledge.acknowledge(UUID.randomUUID(), Sha256.of("誓約書"), TODAY, Instant.EPOCH);
		}
		return pledge;
	}

	private TrainingSession session(SessionKind kind, LocalDate heldOn, AttendanceResult result) {
		TrainingSessionForm form = new TrainingSessionForm();
		form.setKind(kind);
		form.setHeldOn(heldOn);
		form.setContent("情報セキュリティ研修");
		form.setScenario("事故の想定");
		form.setTrainer("講師");
		form.setResults(Map.of(this.member.toString(), result));
		return new TrainingSession(CONTRACT, form, List.of(new Attendance(this.member, result)), UUID.randomUUID(),
				Instant.EPOCH);
	}

	@Test
	void aSignedPledgeAndATrainingAttendedMakeAWorkerReady() {
		Readiness readiness = TrainingReadiness.assess(this.member, List.of(pledge(true)),
				List.of(session(SessionKind.TRAINING, TODAY.minusDays(1), AttendanceResult.ATTENDED)), TODAY);
		assertThat(readiness).isEqualTo(new Readiness(true, true));
		assertThat(readiness.ready()).isTrue();
	}

	@Test
	void anUnsignedPledgeDoesNotCount() {
		Readiness readiness = TrainingReadiness.assess(this.member, List.of(pledge(false)),
				List.of(session(SessionKind.TRAINING, TODAY, AttendanceResult.COMPLETED)), TODAY);
		assertThat(readiness.pledged()).isFalse();
		assertThat(readiness.trained()).isTrue();
		assertThat(readiness.ready()).isFalse();
	}

	@Test
	void absenceAnIncompleteResultAFutureSessionOrADrillDoNotTrain() {
		List<TrainingSession> sessions = List.of(
				session(SessionKind.TRAINING, TODAY.minusDays(5), AttendanceResult.ABSENT),
				session(SessionKind.TRAINING, TODAY.minusDays(4), AttendanceResult.INCOMPLETE),
				session(SessionKind.TRAINING, TODAY.plusDays(1), AttendanceResult.ATTENDED),
				session(SessionKind.DRILL, TODAY.minusDays(2), AttendanceResult.ATTENDED));
		Readiness readiness = TrainingReadiness.assess(this.member, List.of(pledge(true)), sessions, TODAY);
		assertThat(readiness).isEqualTo(new Readiness(true, false));
	}

	@Test
	void anotherWorkersRecordsDoNotCount() {
		UUID other = UUID.randomUUID();
		Readiness readiness = TrainingReadiness.assess(other, List.of(pledge(true)),
				List.of(session(SessionKind.TRAINING, TODAY, AttendanceResult.COMPLETED)), TODAY);
		assertThat(readiness).isEqualTo(Readiness.NONE);
	}

	@Test
	void aPledgeIsAcknowledgedOnlyForTheTextShownAndOnlyOnce() {
		Pledge pledge = pledge(false);
		assertThat(org.assertj.core.api.Assertions
			.catchThrowable(() -> pledge.acknowledge(UUID.randomUUID(), Sha256.of("別の文面"), TODAY, Instant.EPOCH)))
			.isInstanceOf(jp.itaku.platform.InvalidInputProblem.class);
		assertThat(pledge.isSigned()).isFalse();
		pledge.acknowledge(UUID.randomUUID(), Sha256.of("誓約書"), TODAY, Instant.EPOCH);
		assertThat(pledge.getSignedVia()).isEqualTo(Pledge.SignedVia.ACKNOWLEDGEMENT);
		assertThat(org.assertj.core.api.Assertions
			.catchThrowable(() -> pledge.acknowledge(UUID.randomUUID(), Sha256.of("誓約書"), TODAY, Instant.EPOCH)))
			.isInstanceOf(jp.itaku.platform.InvalidInputProblem.class);
	}

	@Test
	void aSessionFormNeedsAttendeesAPastDateAndForADrillAScenario() {
		TrainingSessionForm form = new TrainingSessionForm();
		form.setKind(SessionKind.DRILL);
		form.setHeldOn(TODAY.plusDays(1));
		form.setContent("手順の確認");
		form.setTrainer("責任者");
		assertThat(form.problems(TODAY)).extracting((p) -> p.field()).containsExactly("heldOn", "scenario", "results");
	}

}
