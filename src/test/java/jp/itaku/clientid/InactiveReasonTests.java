package jp.itaku.clientid;

import java.time.LocalDate;

import jp.itaku.roster.MemberStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a person is no longer active, so that an ID still active for them is a finding
 * (門真市 4(3)).
 */
class InactiveReasonTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

	@Test
	void aRecordedDepartureMakesThePersonInactiveFromTheLastDayOn() {
		assertThat(InactiveReason.of(MemberStatus.LEFT, TODAY, null, TODAY)).contains(InactiveReason.LEFT);
		assertThat(InactiveReason.of(MemberStatus.LEFT, TODAY.minusMonths(1), TODAY.plusYears(1), TODAY))
			.contains(InactiveReason.LEFT);
	}

	@Test
	void aPeriodThatEndedBeforeTodayMakesThePersonInactiveEvenWithoutARecordedDeparture() {
		assertThat(InactiveReason.of(MemberStatus.ACTIVE, null, TODAY.minusDays(1), TODAY))
			.contains(InactiveReason.PERIOD_ENDED);
		assertThat(InactiveReason.of(MemberStatus.PLANNED, null, TODAY.minusDays(1), TODAY))
			.contains(InactiveReason.PERIOD_ENDED);
		assertThat(InactiveReason.of(MemberStatus.ACTIVE, TODAY.minusDays(1), null, TODAY))
			.contains(InactiveReason.PERIOD_ENDED);
	}

	@Test
	void aPersonStillWithinTheirPeriodIsActive() {
		assertThat(InactiveReason.of(MemberStatus.ACTIVE, null, null, TODAY)).isEmpty();
		assertThat(InactiveReason.of(MemberStatus.ACTIVE, null, TODAY, TODAY)).as("the last day itself").isEmpty();
		assertThat(InactiveReason.of(MemberStatus.PLANNED, null, TODAY.plusMonths(3), TODAY)).isEmpty();
	}

}
