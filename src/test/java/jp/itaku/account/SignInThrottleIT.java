package jp.itaku.account;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counts behind sign-in throttling, in PostgreSQL so that every node shares them: per
 * user name and address, per address whatever the user names, and per account until a
 * completed sign-in.
 */
@IntegrationTest
class SignInThrottleIT {

	private static final Instant NOW = Instant.parse("2026-11-24T01:00:00Z");

	@Autowired
	JdbcClient jdbc;

	private final ThrottleProperties properties = new ThrottleProperties(3, 5, Duration.ofSeconds(1),
			Duration.ofMinutes(15), Duration.ofHours(1), Duration.ZERO);

	@Test
	void anAddressWaitsAfterItsFreeFailuresAndOthersDoNot() {
		SignInThrottle throttle = new SignInThrottle(this.jdbc, this.properties);
		String user = unique("user");
		String source = unique("src");
		for (int i = 0; i < 2; i++) {
			throttle.recordFailure(user, source, true, NOW);
			assertThat(throttle.waitUntil(user, source, NOW)).isEmpty();
		}
		throttle.recordFailure(user, source, true, NOW);
		assertThat(throttle.waitUntil(user, source, NOW)).contains(NOW.plusSeconds(1));
		assertThat(throttle.waitUntil(user, unique("other"), NOW)).isEmpty();
		throttle.recordFailure(user, source, true, NOW.plusSeconds(2));
		assertThat(throttle.waitUntil(user, source, NOW.plusSeconds(2))).contains(NOW.plusSeconds(4));
	}

	@Test
	void anAddressTryingManyUserNamesWaitsForEveryUserName() {
		SignInThrottle throttle = new SignInThrottle(this.jdbc, this.properties);
		String source = unique("spray");
		for (int i = 0; i < 5; i++) {
			throttle.recordFailure(unique("name"), source, false, NOW);
		}
		assertThat(throttle.waitUntil(unique("fresh"), source, NOW)).contains(NOW.plusSeconds(1));
		assertThat(throttle.waitUntil(unique("fresh"), unique("elsewhere"), NOW)).isEmpty();
	}

	@Test
	void theAccountsCountGrowsAcrossAddressesUntilACompletedSignIn() {
		SignInThrottle throttle = new SignInThrottle(this.jdbc, this.properties);
		String user = unique("account");
		for (int i = 1; i <= 4; i++) {
			assertThat(throttle.recordFailure(user, unique("src"), true, NOW)).isEqualTo(i);
		}
		// A window later, an address's counts start again; the account's do not.
		assertThat(throttle.recordFailure(user, unique("src"), true, NOW.plus(Duration.ofHours(3)))).isEqualTo(5);
		String source = unique("owner");
		throttle.signedIn(user, source);
		assertThat(throttle.recordFailure(user, source, true, NOW)).isEqualTo(1);
		assertThat(throttle.recordFailure(user, source, false, NOW)).isZero();
	}

	@Test
	void anAddressesCountStartsAgainAfterTheWindow() {
		SignInThrottle throttle = new SignInThrottle(this.jdbc, this.properties);
		String user = unique("user");
		String source = unique("src");
		for (int i = 0; i < 3; i++) {
			throttle.recordFailure(user, source, false, NOW);
		}
		Instant later = NOW.plus(Duration.ofHours(2));
		throttle.recordFailure(user, source, false, later);
		assertThat(throttle.waitUntil(user, source, later)).isEmpty();
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
	}

}
