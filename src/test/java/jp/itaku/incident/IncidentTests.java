package jp.itaku.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

import jp.itaku.catalog.TriggerEvent;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuTime;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The incident's rules without the application: the report form names every field at
 * fault; the transitions reported → acknowledged → closed are guarded; the publication
 * decision is taken once with a reason; the acknowledgement is compared with the
 * contract's "immediately"; and the category chooses the trigger.
 */
class IncidentTests {

	static final Instant NOW = Instant.parse("2026-11-20T01:00:00Z");

	static final UUID USER = UUID.randomUUID();

	static IncidentForm form(LocalDateTime detectedAt) {
		IncidentForm form = new IncidentForm();
		form.setCategory(IncidentCategory.LEAK);
		form.setDetectedAt(detectedAt);
		form.setLocation("作業室");
		form.setDescription("誤送信");
		return form;
	}

	static Incident reported(Duration afterDetection, String immediately) {
		Instant detected = NOW.minus(afterDetection);
		IncidentForm form = form(ItakuTime.inTokyo(detected).toLocalDateTime());
		return new Incident(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 3, form, detected, immediately,
				USER, "報告 者", UUID.randomUUID(), NOW);
	}

	@Test
	void theFormNamesEveryMissingField() {
		assertThat(new IncidentForm().problems()).extracting((p) -> p.field())
			.containsExactly("category", "detectedAt", "location", "description");
		IncidentForm negative = form(LocalDateTime.of(2026, 11, 20, 9, 0));
		negative.setRecordCount(-1);
		negative.setLocation("x".repeat(201));
		assertThat(negative.problems()).extracting((p) -> p.messageKey())
			.containsExactly("incident.error.tooLong", "incident.error.recordCount");
		assertThat(form(LocalDateTime.of(2026, 11, 20, 9, 0)).problems()).isEmpty();
	}

	@Test
	void aDetectionInTheFutureIsRefused() {
		Instant later = NOW.plusSeconds(3600);
		assertThatThrownBy(() -> new Incident(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 1,
				form(ItakuTime.inTokyo(later).toLocalDateTime()), later, "PT1H", USER, "x", UUID.randomUUID(), NOW))
			.isInstanceOf(InvalidInputProblem.class)
			.satisfies((e) -> assertThat(((InvalidInputProblem) e).getFieldProblems().get(0).field())
				.isEqualTo("detectedAt"));
	}

	@Test
	void theAcknowledgementIsMeasuredAgainstTheContractsImmediately() {
		// The report is measured against its own clause's term (ReportDeadline, see
		// IncidentsIT); the client's acknowledgement against the contract's 直ちに.
		Incident inTime = reported(Duration.ofMinutes(40), "PT1H");
		assertThat(inTime.getDetectionToReport()).isEqualTo(Duration.ofMinutes(40));
		assertThat(inTime.getNumber()).isEqualTo("INC-3");

		assertThat(inTime.getReportToAcknowledgement()).isNull();
		assertThat(inTime.isAcknowledgedInTime(NOW.plusSeconds(1800))).isTrue();
		assertThat(inTime.isAcknowledgedInTime(NOW.plusSeconds(7200))).isFalse();
		inTime.acknowledge(USER, NOW.plusSeconds(600));
		assertThat(inTime.getReportToAcknowledgement()).isEqualTo(Duration.ofMinutes(10));
		assertThat(inTime.isAcknowledgedInTime(NOW.plusSeconds(99_999))).isTrue();
	}

	@Test
	void reportedThenAcknowledgedThenClosedAndNothingAfter() {
		Incident incident = reported(Duration.ofMinutes(5), "PT1H");
		assertThat(incident.getStatus()).isEqualTo(IncidentStatus.REPORTED);
		assertThatThrownBy(() -> incident.close(USER, null, NOW)).isInstanceOf(InvalidInputProblem.class)
			.hasFieldOrPropertyWithValue("messageKey", "error.invalidInput");
		assertThatThrownBy(() -> incident.decidePublication(Publication.PUBLISH, "理由", USER, NOW))
			.isInstanceOf(InvalidInputProblem.class);
		incident.acknowledge(USER, NOW);
		assertThat(incident.getStatus()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
		assertThatThrownBy(() -> incident.acknowledge(USER, NOW)).isInstanceOf(InvalidInputProblem.class);
		// No closure before the cause and prevention are recorded.
		assertThatThrownBy(() -> incident.close(USER, null, NOW)).isInstanceOf(InvalidInputProblem.class)
			.satisfies((e) -> assertThat(((InvalidInputProblem) e).getFieldProblems().get(0).messageKey())
				.isEqualTo("incident.error.close.noPrevention"));
		assertThatThrownBy(() -> incident.recordCause("原因", " ", NOW)).isInstanceOf(InvalidInputProblem.class)
			.satisfies((e) -> assertThat(((InvalidInputProblem) e).getFieldProblems().get(0).field())
				.isEqualTo("prevention"));
		incident.recordCause("原因", "対策", NOW);
		incident.close(USER, "確認済み", NOW);
		assertThat(incident.getStatus()).isEqualTo(IncidentStatus.CLOSED);
		assertThatThrownBy(incident::requireOpen).isInstanceOf(InvalidInputProblem.class);
		assertThatThrownBy(() -> incident.recordCause("原因", "対策", NOW)).isInstanceOf(InvalidInputProblem.class);
		assertThatThrownBy(() -> incident.close(USER, null, NOW)).isInstanceOf(InvalidInputProblem.class);
		// The publication decision may still be taken once, with a reason.
		assertThatThrownBy(() -> incident.decidePublication(Publication.PUBLISH, "", USER, NOW))
			.isInstanceOf(InvalidInputProblem.class);
		assertThatThrownBy(() -> incident.decidePublication(null, "理由", USER, NOW))
			.isInstanceOf(InvalidInputProblem.class);
		incident.decidePublication(Publication.PUBLISH, "区民への影響が大きいため", USER, NOW);
		assertThat(incident.getPublication()).isEqualTo(Publication.PUBLISH);
		assertThatThrownBy(() -> incident.decidePublication(Publication.NOT_PUBLISH, "再判断", USER, NOW))
			.isInstanceOf(InvalidInputProblem.class);
	}

	@Test
	void theCategoryChoosesTheTrigger() {
		assertThat(IncidentCategory.LEAK.trigger(false)).isEqualTo(TriggerEvent.INCIDENT);
		assertThat(IncidentCategory.LEAK.trigger(true)).isEqualTo(TriggerEvent.INCIDENT_RISK);
		assertThat(IncidentCategory.TROUBLE.trigger(false)).isEqualTo(TriggerEvent.TROUBLE);
		assertThat(IncidentCategory.TROUBLE.trigger(true)).isEqualTo(TriggerEvent.TROUBLE);
	}

	@Test
	void immediatelyCountsCalendarPeriodsInTokyo() {
		Instant from = Instant.parse("2026-03-31T15:30:00Z");
		assertThat(ImmediateDeadline.after(from, "PT1H")).isEqualTo(Instant.parse("2026-03-31T16:30:00Z"));
		assertThat(ImmediateDeadline.after(from, "P1M")).isEqualTo(Instant.parse("2026-04-30T15:30:00Z"));
		assertThat(ImmediateDeadline.after(from, "P1DT2H")).isEqualTo(Instant.parse("2026-04-01T17:30:00Z"));
	}

}
