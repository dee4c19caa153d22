package jp.itaku.account;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jp.itaku.platform.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in rules that live in the account: lockout after repeated failures, and single
 * use of TOTP time steps.
 */
class UserAccountTests {

	private static final Instant NOW = Instant.parse("2026-11-22T01:00:00Z");

	private static final Duration FIFTEEN_MINUTES = Duration.ofMinutes(15);

	private final UserAccount user = new UserAccount("Taro.Yamada", "山田 太郎", null, UUID.randomUUID(),
			Role.CONTRACTOR_WORKER, "hash", false, NOW);

	@Test
	void userNamesAreStoredInLowerCase() {
		assertThat(this.user.getUsername()).isEqualTo("taro.yamada");
	}

	@Test
	void theFifthFailureLocksForFifteenMinutes() {
		for (int i = 1; i <= 4; i++) {
			assertThat(this.user.recordFailedSignIn(NOW, 5, FIFTEEN_MINUTES)).isFalse();
			assertThat(this.user.isLockedAt(NOW)).isFalse();
		}
		assertThat(this.user.recordFailedSignIn(NOW, 5, FIFTEEN_MINUTES)).isTrue();
		assertThat(this.user.isLockedAt(NOW.plus(Duration.ofMinutes(14)))).isTrue();
		assertThat(this.user.isLockedAt(NOW.plus(FIFTEEN_MINUTES))).isFalse();
	}

	@Test
	void failuresDuringALockDoNotExtendIt() {
		for (int i = 0; i < 5; i++) {
			this.user.recordFailedSignIn(NOW, 5, FIFTEEN_MINUTES);
		}
		Instant until = this.user.getLockedUntil();
		this.user.recordFailedSignIn(NOW.plusSeconds(60), 5, FIFTEEN_MINUTES);
		assertThat(this.user.getLockedUntil()).isEqualTo(until);
	}

	@Test
	void aSuccessfulSignInClearsTheCount() {
		for (int i = 0; i < 4; i++) {
			this.user.recordFailedSignIn(NOW, 5, FIFTEEN_MINUTES);
		}
		this.user.recordSuccessfulSignIn();
		assertThat(this.user.recordFailedSignIn(NOW, 5, FIFTEEN_MINUTES)).isFalse();
		assertThat(this.user.getFailedAttempts()).isEqualTo(1);
	}

	@Test
	void afterALockExpiresCountingStartsAgain() {
		for (int i = 0; i < 5; i++) {
			this.user.recordFailedSignIn(NOW, 5, FIFTEEN_MINUTES);
		}
		Instant later = NOW.plus(Duration.ofMinutes(16));
		assertThat(this.user.recordFailedSignIn(later, 5, FIFTEEN_MINUTES)).isFalse();
		assertThat(this.user.isLockedAt(later)).isFalse();
		assertThat(this.user.getFailedAttempts()).isEqualTo(1);
	}

	@Test
	void aTotpStepIsAcceptedOnceAndNeverAnOlderOne() {
		this.user.enrolTotp("ciphertext", 100, NOW);
		assertThat(this.user.useTotpStep(100)).isFalse();
		assertThat(this.user.useTotpStep(101)).isTrue();
		assertThat(this.user.useTotpStep(101)).isFalse();
		assertThat(this.user.useTotpStep(99)).isFalse();
	}

}
