package jp.itaku.account;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The waits of sign-in throttling: none while failures are free, then doubling from the
 * base delay up to the cap.
 */
class ThrottlePropertiesTests {

	private final ThrottleProperties properties = new ThrottleProperties(5, 20, Duration.ofSeconds(1),
			Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofMillis(300));

	@Test
	void failuresWithinTheFreeAttemptsCostNoWait() {
		for (int failures = 0; failures < 5; failures++) {
			assertThat(this.properties.delayAfter(failures, 5)).isZero();
		}
	}

	@Test
	void theWaitDoublesWithEachFurtherFailure() {
		assertThat(this.properties.delayAfter(5, 5)).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.properties.delayAfter(6, 5)).isEqualTo(Duration.ofSeconds(2));
		assertThat(this.properties.delayAfter(7, 5)).isEqualTo(Duration.ofSeconds(4));
		assertThat(this.properties.delayAfter(14, 5)).isEqualTo(Duration.ofSeconds(512));
	}

	@Test
	void theWaitNeverExceedsTheCapHoweverManyFailures() {
		assertThat(this.properties.delayAfter(15, 5)).isEqualTo(Duration.ofMinutes(15));
		assertThat(this.properties.delayAfter(100, 5)).isEqualTo(Duration.ofMinutes(15));
		assertThat(this.properties.delayAfter(Integer.MAX_VALUE, 5)).isEqualTo(Duration.ofMinutes(15));
	}

}
