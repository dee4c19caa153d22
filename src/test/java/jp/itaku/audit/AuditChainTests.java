package jp.itaku.audit;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hash chain: deterministic, sensitive to every field and to the previous hash.
 */
class AuditChainTests {

	private static AuditEntry entry(long seq, String details, String previous) {
		return new AuditEntry(seq, AuditChain.storable(Instant.parse("2026-11-22T01:02:03.123456789Z")),
				UUID.fromString("00000000-0000-0000-0000-000000000001"), "admin",
				UUID.fromString("00000000-0000-0000-0000-000000000002"), "USER_CREATED", "UserAccount", "42",
				"127.0.0.1", AuditOutcome.SUCCESS, details, previous, null);
	}

	@Test
	void instantsAreHashedAsStoredWithMicroseconds() {
		assertThat(entry(1, "{}", AuditChain.GENESIS).canonicalContent()).contains("2026-11-22T01:02:03.123456Z");
	}

	@Test
	void theSameContentGivesTheSameHash() {
		String a = AuditChain.hash(AuditChain.GENESIS, entry(1, "{}", AuditChain.GENESIS).canonicalContent());
		String b = AuditChain.hash(AuditChain.GENESIS, entry(1, "{}", AuditChain.GENESIS).canonicalContent());
		assertThat(a).isEqualTo(b).hasSize(64).matches("[0-9a-f]{64}");
	}

	@Test
	void anyChangeOfContentOrPredecessorChangesTheHash() {
		String original = AuditChain.hash(AuditChain.GENESIS, entry(1, "{}", AuditChain.GENESIS).canonicalContent());
		assertThat(AuditChain.hash(AuditChain.GENESIS, entry(1, "{\"a\":1}", AuditChain.GENESIS).canonicalContent()))
			.isNotEqualTo(original);
		assertThat(AuditChain.hash(AuditChain.GENESIS, entry(2, "{}", AuditChain.GENESIS).canonicalContent()))
			.isNotEqualTo(original);
		assertThat(AuditChain.hash("f".repeat(64), entry(1, "{}", AuditChain.GENESIS).canonicalContent()))
			.isNotEqualTo(original);
	}

}
