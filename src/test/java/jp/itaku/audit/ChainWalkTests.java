package jp.itaku.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walk along the stored chain, fed as the database streams it: the links, the plain
 * and keyed hashes, and the entries whose bytes as the database assembled them differ
 * from the bytes Java hashed (suspect until read again, altered only if the Java way
 * fails too).
 */
class ChainWalkTests {

	private static final UUID CHAIN = UUID.fromString("00000000-0000-0000-0000-0000000000c1");

	private final Map<Long, AuditEntry> stored = new HashMap<>();

	private final List<Long> reread = new ArrayList<>();

	@Test
	void aWholeChainHoldsToItsEnd() throws Exception {
		List<AuditEntry> chain = chain(5, 0, null);
		ChainWalk walk = walk(List.of());
		for (AuditEntry entry : chain) {
			assertThat(feed(walk, entry, covered(entry))).isTrue();
		}
		assertThat(walk.settle()).isTrue();
		assertThat(walk.lastSeq()).isEqualTo(5);
		assertThat(walk.end()).isEqualTo(new ChainWalk.Broken(6, 5, null, null));
		assertThat(this.reread).isEmpty();
	}

	@Test
	void bytesTheDatabaseAssembledOtherwiseAreHashedTheJavaWayBeforeAnythingIsCalledAltered() throws Exception {
		List<AuditEntry> chain = chain(4, 0, null);
		ChainWalk walk = walk(List.of());
		for (AuditEntry entry : chain) {
			byte[] covered = covered(entry);
			if (entry.seq() == 2) {
				covered[covered.length - 1] ^= 1; // the database's bytes differ; the
													// stored row is whole
			}
			assertThat(feed(walk, entry, covered)).as("the walk goes on past a suspect entry").isTrue();
		}
		assertThat(walk.settle()).isTrue();
		assertThat(this.reread).containsExactly(2L);
		assertThat(walk.end().problem()).isNull();
	}

	@Test
	void anEntryAlteredInTheTableIsTheFirstBrokenEvenWhenTheStreamStoppedLater() throws Exception {
		List<AuditEntry> chain = chain(6, 0, null);
		AuditEntry second = chain.get(1);
		this.stored.put(2L, withDetails(second, "{\"n\":99}"));
		ChainWalk walk = walk(List.of());
		for (AuditEntry entry : chain.subList(0, 4)) {
			AuditEntry asStored = this.stored.get(entry.seq());
			assertThat(feed(walk, asStored, covered(asStored))).isTrue();
		}
		// entry 5 missing from the stream
		assertThat(feed(walk, chain.get(5), covered(chain.get(5)))).isFalse();
		assertThat(walk.settle()).isFalse();
		ChainWalk.Broken broken = walk.end();
		assertThat(broken.seq()).isEqualTo(2);
		assertThat(broken.checked()).isEqualTo(1);
		assertThat(broken.problem()).isEqualTo(ChainVerification.Problem.CONTENT_ALTERED);
	}

	@Test
	void afterTheSwitchEveryEntryIsKeyedAndAPlainHashThereIsAnHmacMismatch() throws Exception {
		Mac mac = mac(7);
		List<AuditEntry> chain = chain(5, 2, mac);
		AuditRepository.ChainKeyRecord switchRecord = new AuditRepository.ChainKeyRecord(2, CHAIN, 1, "fp",
				Instant.EPOCH);
		ChainWalk walk = walk(List.of(switchRecord), Map.of("fp", mac));
		for (AuditEntry entry : chain) {
			assertThat(feed(walk, entry, covered(entry))).isTrue();
		}
		assertThat(walk.settle()).isTrue();
		assertThat(walk.end().problem()).isNull();

		AuditEntry fourth = chain.get(3);
		String plain = AuditChain.hash(fourth.previousHash(), fourth.canonicalContent());
		AuditEntry forged = withHash(fourth, plain);
		this.stored.put(4L, forged);
		ChainWalk again = walk(List.of(switchRecord), Map.of("fp", mac));
		for (AuditEntry entry : chain.subList(0, 3)) {
			feed(again, entry, covered(entry));
		}
		feed(again, forged, covered(forged));
		assertThat(again.settle()).isFalse();
		assertThat(again.end().problem()).isEqualTo(ChainVerification.Problem.HMAC_MISMATCH);
		assertThat(again.end().seq()).isEqualTo(4);
	}

	@Test
	void aBrokenLinkStopsTheWalkAtOnce() throws Exception {
		List<AuditEntry> chain = chain(3, 0, null);
		ChainWalk walk = walk(List.of());
		feed(walk, chain.get(0), covered(chain.get(0)));
		AuditEntry relinked = withPrevious(chain.get(1), "f".repeat(64));
		assertThat(feed(walk, relinked, covered(relinked))).isFalse();
		assertThat(walk.settle()).isFalse();
		assertThat(walk.end()).isEqualTo(
				new ChainWalk.Broken(2, 1, ChainVerification.Problem.LINK_BROKEN, "link to the previous entry broken"));
	}

	private ChainWalk walk(List<AuditRepository.ChainKeyRecord> switches) {
		return walk(switches, Map.of());
	}

	private ChainWalk walk(List<AuditRepository.ChainKeyRecord> switches, Map<String, Mac> keys) {
		return new ChainWalk(new AuditRepository.ChainHead(0, AuditChain.GENESIS), switches, keys::get, (seq) -> {
			this.reread.add(seq);
			return this.stored.get(seq);
		});
	}

	/**
	 * Entries 1..n, hashed plainly up to {@code switchSeq} and keyed after it; the switch
	 * entry names the chain.
	 */
	private List<AuditEntry> chain(int n, long switchSeq, @Nullable Mac mac) {
		List<AuditEntry> chain = new ArrayList<>();
		String previous = AuditChain.GENESIS;
		for (long seq = 1; seq <= n; seq++) {
			boolean isSwitch = seq == switchSeq;
			AuditEntry draft = new AuditEntry(seq, Instant.parse("2026-12-07T01:00:00Z").plusSeconds(seq), null,
					"admin", null, isSwitch ? AuditChainKey.SWITCH_ACTION : "TEST_ENTRY", null,
					isSwitch ? CHAIN.toString() : null, null, AuditOutcome.SUCCESS, "{\"n\":" + seq + "}", previous,
					null);
			String hash = (mac != null && seq > switchSeq) ? AuditChain.hmac(mac, previous, draft.canonicalContent())
					: AuditChain.hash(previous, draft.canonicalContent());
			AuditEntry entry = withHash(draft, hash);
			chain.add(entry);
			this.stored.put(seq, entry);
			previous = hash;
		}
		return chain;
	}

	private static boolean feed(ChainWalk walk, AuditEntry entry, byte[] covered) {
		byte[] hash = entry.entryHash().getBytes(StandardCharsets.US_ASCII);
		// the stream reuses its buffers: hand over larger arrays, with lengths
		byte[] coveredBuffer = Arrays.copyOf(covered, covered.length + 16);
		byte[] hashBuffer = Arrays.copyOf(hash, 80);
		String target = AuditChainKey.SWITCH_ACTION.equals(entry.action()) ? entry.targetId() : null;
		return walk.accept(entry.seq(), coveredBuffer, covered.length, hashBuffer, hash.length, target);
	}

	private static byte[] covered(AuditEntry entry) {
		return (entry.previousHash() + "\u001e" + entry.canonicalContent()).getBytes(StandardCharsets.UTF_8);
	}

	private static AuditEntry withHash(AuditEntry e, String hash) {
		return new AuditEntry(e.seq(), e.occurredAt(), e.userId(), e.username(), e.organisationId(), e.action(),
				e.targetType(), e.targetId(), e.clientIp(), e.outcome(), e.details(), e.previousHash(), hash);
	}

	private static AuditEntry withDetails(AuditEntry e, String details) {
		return new AuditEntry(e.seq(), e.occurredAt(), e.userId(), e.username(), e.organisationId(), e.action(),
				e.targetType(), e.targetId(), e.clientIp(), e.outcome(), details, e.previousHash(), e.entryHash());
	}

	private static AuditEntry withPrevious(AuditEntry e, String previous) {
		return new AuditEntry(e.seq(), e.occurredAt(), e.userId(), e.username(), e.organisationId(), e.action(),
				e.targetType(), e.targetId(), e.clientIp(), e.outcome(), e.details(), previous, e.entryHash());
	}

	private static Mac mac(int fill) throws Exception {
		byte[] key = new byte[32];
		Arrays.fill(key, (byte) fill);
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		return mac;
	}

}
