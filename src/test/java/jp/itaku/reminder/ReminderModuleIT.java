package jp.itaku.reminder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jp.itaku.catalog.Deliverable;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.Obligations;
import jp.itaku.obligation.Submission;
import jp.itaku.obligation.SubmissionReviewed;
import jp.itaku.support.Fixtures;
import jp.itaku.support.Publications;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reminder module on its own (with the modules it depends on): the review of a
 * submission ({@link SubmissionReviewed}, published by the obligation module) is mailed
 * to the contractor's leads once its publication is handled, in each lead's language.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@Import(Fixtures.class)
@DirtiesContext
class ReminderModuleIT extends ReminderScenario {

	@Test
	void aReturnedSubmissionIsMailedToTheLeads(Scenario scenario) {
		Obligation roster = this.obligations.forContract(this.officerActor, contract(true).getId())
			.stream()
			.filter((o) -> o.getDeliverable() == Deliverable.ROSTER)
			.findFirst()
			.orElseThrow();
		Submission submission = this.obligations.submit(this.leadActor, roster.getId(), "名簿です",
				List.of(new Obligations.Upload("名簿.pdf", "application/pdf", new ByteArrayResource(
						("%PDF-1.4\n% " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8)))));

		scenario.stimulate(() -> this.obligations.review(this.officerActor, submission.getId(), false, "押印がありません"))
			.andWaitAtMost(Duration.ofSeconds(30))
			.andWaitForStateChange(
					() -> Publications.completed(this.jdbc, SubmissionReviewed.class, submission.getId().toString()),
					(completed) -> completed == 1)
			.andVerify((completed) -> {
				List<Mail> mails = mailsAbout(roster.getId(), 2);
				assertThat(mails).extracting(Mail::to)
					.containsExactlyInAnyOrder(this.lead.getEmail(), this.englishLead.getEmail());
				assertThat(mailTo(mails, this.lead.getEmail()).body()).contains("押印がありません");
				assertThat(mailTo(mails, this.englishLead.getEmail()).subject())
					.startsWith("[Itaku] Submission returned");
			});
	}

}
