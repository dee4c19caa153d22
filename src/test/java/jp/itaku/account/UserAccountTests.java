package jp.itaku.account;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jp.itaku.platform.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in rules that live in the account: the lock and its end, and single use of
 * TOTP time steps.
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
	void aLockHoldsUntilItsEndAndAnUnlockLiftsIt() {
		this.user.lockUntil(NOW.plus(FIFTEEN_MINUTES), NOW);
		assertThat(this.user.isLockedAt(NOW.plus(Duration.ofMinutes(14)))).isTrue();
		assertThat(this.user.isLockedAt(NOW.plus(FIFTEEN_MINUTES))).isFalse();
		this.user.unlock(NOW.plusSeconds(60));
		assertThat(this.user.isLockedAt(NOW.plusSeconds(61))).isFalse();
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
