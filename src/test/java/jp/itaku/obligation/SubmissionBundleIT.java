package jp.itaku.obligation;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.itaku.catalog.ContractAttribute;
import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One written submission that meets several obligations (a roster change notice that is
 * also the responsible-persons notice) is reviewed once: one accept or return decides
 * every obligation it was filed to, each obligation's history shows the decision once,
 * and the audit trail records one review.
 */
@IntegrationTest
class SubmissionBundleIT {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	Obligations obligations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	java.time.Clock clock;

	Actor officer;

	Actor lead;

	Contract contract;

	@BeforeEach
	void contract() {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.officer = this.fixtures.actor(this.fixtures.user(client, Role.CLIENT_OFFICER));
		this.lead = this.fixtures.actor(this.fixtures.user(contractor, Role.CONTRACTOR_LEAD));
		LocalDate start = jp.itaku.platform.ItakuTime.today(this.clock).plusMonths(1);
		this.contract = this.contracts.register(this.officer, this.fixtures.contractForm(contractor, "setagaya", start,
				Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION)));
	}

	private List<Obligation> twoOpen() {
		List<Obligation> open = this.obligations.forContract(this.officer, this.contract.getId())
			.stream()
			.filter(Obligation::awaitsSubmission)
			.limit(2)
			.toList();
		assertThat(open).hasSize(2);
		return open;
	}

	private static List<Obligations.Upload> notice() {
		return List.of(new Obligations.Upload("従事者名簿変更届_第2号.pdf", "application/pdf", new ByteArrayResource(
				("%PDF-1.4\n% " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8))));
	}

	private long audited(String action, UUID submission) {
		return this.jdbc.sql("select count(*) from audit_entry where action = ? and target_id = ?")
			.params(action, submission.toString())
			.query(Long.class)
			.single();
	}

	private long auditedAnywhere(String action, List<Submission> submissions) {
		return this.jdbc.sql("select count(*) from audit_entry where action = ? and target_id in (?, ?)")
			.params(action, submissions.get(0).getId().toString(), submissions.get(1).getId().toString())
			.query(Long.class)
			.single();
	}

	@Test
	void oneAcceptDecidesEveryObligationTheDocumentWasFiledTo() {
		List<Obligation> two = twoOpen();
		List<Submission> filed = this.obligations.submitTogether(this.lead,
				two.stream().map(Obligation::getId).toList(), "変更を届け出ます。", notice());
		assertThat(filed).hasSize(2);
		assertThat(filed.get(0).getBundleId()).isNotNull().isEqualTo(filed.get(1).getBundleId());

		this.obligations.review(this.officer, filed.get(1).getId(), true, "確認しました。");

		for (Obligation obligation : two) {
			ObligationDetail detail = this.obligations.detail(this.officer, obligation.getId());
			assertThat(detail.status()).isEqualTo(ObligationStatus.ACCEPTED);
			assertThat(detail.history()).filteredOn((e) -> e.getAction().equals("ACCEPTED")).singleElement();
		}
		assertThat(auditedAnywhere("SUBMISSION_ACCEPTED", filed)).isOne();
		assertThat(audited("SUBMISSION_ACCEPTED", filed.get(1).getId())).isOne();
	}

	@Test
	void oneReturnReturnsEveryObligationOfTheBundleWithItsComment() {
		List<Obligation> two = twoOpen();
		List<Submission> filed = this.obligations.submitTogether(this.lead,
				two.stream().map(Obligation::getId).toList(), "変更を届け出ます。", notice());

		this.obligations.review(this.officer, filed.get(0).getId(), false, "押印がありません。");

		for (Obligation obligation : two) {
			ObligationDetail detail = this.obligations.detail(this.officer, obligation.getId());
			assertThat(detail.status()).isEqualTo(ObligationStatus.RETURNED);
			assertThat(detail.history()).filteredOn((e) -> e.getAction().equals("RETURNED"))
				.singleElement()
				.satisfies((e) -> assertThat(e.getComment()).isEqualTo("押印がありません。"));
		}
		assertThat(auditedAnywhere("SUBMISSION_RETURNED", filed)).isOne();
	}

	@Test
	void aDocumentFiledAloneIsDecidedAlone() {
		List<Obligation> two = twoOpen();
		Submission alone = this.obligations.submit(this.lead, two.get(0).getId(), "提出します。", notice());
		Submission other = this.obligations.submit(this.lead, two.get(1).getId(), "提出します。", notice());
		assertThat(alone.getBundleId()).isNull();

		this.obligations.review(this.officer, alone.getId(), true, null);

		assertThat(this.obligations.detail(this.officer, two.get(0).getId()).status())
			.isEqualTo(ObligationStatus.ACCEPTED);
		assertThat(this.obligations.detail(this.officer, two.get(1).getId()).status())
			.isEqualTo(ObligationStatus.SUBMITTED);
		assertThat(audited("SUBMISSION_ACCEPTED", other.getId())).isZero();
	}

}
