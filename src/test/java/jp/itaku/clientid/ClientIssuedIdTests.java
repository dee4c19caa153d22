package jp.itaku.clientid;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jp.itaku.platform.InvalidInputProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Revoking an ID: once, dated between its issue and today.
 */
class ClientIssuedIdTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

	private static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");

	private final UUID officer = UUID.randomUUID();

	@Test
	void aRevokedIdKeepsItsDayAndWhoRecordedIt() {
		ClientIssuedId id = issued();
		assertThat(id.isActive()).isTrue();
		id.revoke(TODAY, TODAY, this.officer, "  照合システムから削除 ", NOW);
		assertThat(id.isActive()).isFalse();
		assertThat(id.getRevokedOn()).isEqualTo(TODAY);
		assertThat(id.getRevokedBy()).isEqualTo(this.officer);
		assertThat(id.getRevocationNote()).isEqualTo("照合システムから削除");
	}

	@Test
	void theRevocationIsDatedNoEarlierThanTheIssueAndNoLaterThanToday() {
		ClientIssuedId id = issued();
		assertThat(refusal(() -> id.revoke(id.getIssuedOn().minusDays(1), TODAY, this.officer, null, NOW)))
			.isEqualTo("clientid.revokedOn.beforeIssue");
		assertThat(refusal(() -> id.revoke(TODAY.plusDays(1), TODAY, this.officer, null, NOW)))
			.isEqualTo("clientid.revokedOn.future");
		assertThat(refusal(() -> id.revoke(null, TODAY, this.officer, null, NOW)))
			.isEqualTo("clientid.revokedOn.required");
		id.revoke(id.getIssuedOn(), TODAY, this.officer, null, NOW);
		assertThat(id.isActive()).as("revoked on the day of issue").isFalse();
	}

	@Test
	void anIdIsRevokedOnlyOnce() {
		ClientIssuedId id = issued();
		id.revoke(TODAY, TODAY, this.officer, null, NOW);
		assertThat(refusal(() -> id.revoke(TODAY, TODAY, this.officer, null, NOW)))
			.isEqualTo("clientid.revoke.already");
		assertThat(id.getRevokedOn()).isEqualTo(TODAY);
	}

	@Test
	void onlyAnOperatorIdNamesAParent() {
		IssueIdForm form = IssueIdFormTests.valid();
		form.setParentId(UUID.randomUUID());
		assertThat(new ClientIssuedId(UUID.randomUUID(), form.getMemberId(), form, this.officer, NOW).getParentId())
			.isNull();
		form.setKind(IdKind.OPERATOR);
		assertThat(new ClientIssuedId(UUID.randomUUID(), form.getMemberId(), form, this.officer, NOW).getParentId())
			.isEqualTo(form.getParentId());
	}

	private ClientIssuedId issued() {
		IssueIdForm form = IssueIdFormTests.valid();
		return new ClientIssuedId(UUID.randomUUID(), form.getMemberId(), form, this.officer, NOW);
	}

	private static String refusal(Runnable action) {
		InvalidInputProblem problem = catchThrowableOfType(InvalidInputProblem.class, action::run);
		assertThat(problem).isNotNull();
		assertThat(problem.getFieldProblems()).singleElement()
			.satisfies((p) -> assertThat(p.field()).isEqualTo("revokedOn"));
		return problem.getFieldProblems().get(0).messageKey();
	}

}
