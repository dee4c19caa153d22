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

	@Test
	void theKeyedHashIsTheHmacOfTheSameBytesAndDependsOnTheKey() throws Exception {
		String content = entry(1, "{}", AuditChain.GENESIS).canonicalContent();
		javax.crypto.Mac one = mac(1);
		String keyed = AuditChain.hmac(one, AuditChain.GENESIS, content);
		assertThat(keyed).hasSize(64).isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, content));
		assertThat(AuditChain.hmac(one, AuditChain.GENESIS, content)).as("the MAC is reset after each hash")
			.isEqualTo(keyed);
		assertThat(AuditChain.hmac(mac(2), AuditChain.GENESIS, content)).isNotEqualTo(keyed);
		assertThat(keyed).isEqualTo(java.util.HexFormat.of()
			.formatHex(mac(1)
				.doFinal((AuditChain.GENESIS + "\u001e" + content).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
	}

	private static javax.crypto.Mac mac(int fill) throws Exception {
		byte[] key = new byte[32];
		java.util.Arrays.fill(key, (byte) fill);
		javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
		mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
		return mac;
	}

}
