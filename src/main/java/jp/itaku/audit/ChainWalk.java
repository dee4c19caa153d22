package jp.itaku.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;

import javax.crypto.Mac;

import org.jspecify.annotations.Nullable;

/**
 * One walk along the stored chain. It takes the entries in order, each as the bytes its
 * hash covers (the previous hash, {@code 0x1e}, the canonical content), as
 * {@link AuditRepository#streamChain} reads them, and stops at the first entry that does
 * not hold. No entry object is built and no hash is turned into a string: the computed
 * MAC is compared with the stored hex digits byte by byte, so the walk costs little more
 * than the hashing itself.
 * <p>
 * The database assembles the covered bytes; should they ever differ from the bytes
 * {@link AuditEntry#canonicalContent()} builds in Java (which wrote the hash), the walk
 * reads that entry again and hashes it the Java way before it calls the entry altered.
 */
final class ChainWalk implements AuditRepository.ChainRow {

	private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

	private static final int HASH_LENGTH = 64;

	private static final byte SEPARATOR = 0x1e;

	private final List<AuditRepository.ChainKeyRecord> switches;

	private final Function<String, @Nullable Mac> keys;

	private final LongFunction<@Nullable AuditEntry> reread;

	private final MessageDigest sha256;

	private final byte[] computed = new byte[HASH_LENGTH];

	private long expectedSeq;

	private byte[] previous;

	private long checked;

	private int nextSwitch;

	private @Nullable Mac mac;

	private @Nullable Broken broken;

	/**
	 * Starts a walk.
	 * @param start where the chain starts: the purge anchor, or genesis
	 * @param switches where the chain became keyed, oldest first
	 * @param keys the chain keys this node holds, by fingerprint
	 * @param reread reads one entry as stored, for the Java hash of a mismatch
	 */
	ChainWalk(AuditRepository.ChainHead start, List<AuditRepository.ChainKeyRecord> switches,
			Function<String, @Nullable Mac> keys, LongFunction<@Nullable AuditEntry> reread) {
		this.switches = switches;
		this.keys = keys;
		this.reread = reread;
		this.expectedSeq = start.seq() + 1;
		this.previous = start.hash().getBytes(StandardCharsets.US_ASCII);
		try {
			this.sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	}

	/**
	 * Checks the next stored entry.
	 * @param seq its sequence number
	 * @param covered the bytes its hash covers, as stored
	 * @param entryHash its stored hash, in ASCII
	 * @param switchTarget the target of a switch entry ({@code AUDIT_CHAIN_KEYED}), or
	 * {@code null} for any other entry
	 * @return whether the walk goes on; {@code false} once an entry does not hold
	 */
	@Override
	public boolean accept(long seq, byte[] covered, byte[] entryHash, @Nullable String switchTarget) {
		if (this.broken != null) {
			return false;
		}
		if (seq != this.expectedSeq) {
			return stop(this.expectedSeq, ChainVerification.Problem.ENTRY_MISSING, "entry missing");
		}
		while (this.nextSwitch < this.switches.size() && this.switches.get(this.nextSwitch).seq() < seq) {
			AuditRepository.ChainKeyRecord keyedBy = this.switches.get(this.nextSwitch++);
			this.mac = this.keys.apply(keyedBy.fingerprint());
			if (this.mac == null) {
				return stop(seq, ChainVerification.Problem.KEY_MISSING,
						"keyed with key " + keyedBy.fingerprint() + ", which this node does not hold");
			}
		}
		boolean isSwitch = this.nextSwitch < this.switches.size() && this.switches.get(this.nextSwitch).seq() == seq;
		if (isSwitch != (switchTarget != null)
				|| (isSwitch && !this.switches.get(this.nextSwitch).chainId().toString().equals(switchTarget))) {
			return stop(seq, ChainVerification.Problem.SWITCH_ALTERED,
					"the switch to the keyed chain is not the one the database records");
		}
		if (covered.length <= HASH_LENGTH || covered[HASH_LENGTH] != SEPARATOR
				|| !Arrays.equals(covered, 0, HASH_LENGTH, this.previous, 0, this.previous.length)) {
			return stop(seq, ChainVerification.Problem.LINK_BROKEN, "link to the previous entry broken");
		}
		if (!holds(covered, entryHash) && !holdsAsJavaWrote(seq, entryHash)) {
			return (this.mac == null)
					? stop(seq, ChainVerification.Problem.CONTENT_ALTERED, "content altered (plain SHA-256 part)")
					: stop(seq, ChainVerification.Problem.HMAC_MISMATCH,
							"content altered, or the hash is not the chain key's HMAC-SHA256 (keyed part)");
		}
		this.previous = entryHash;
		this.expectedSeq++;
		this.checked++;
		return true;
	}

	/**
	 * Ends the walk after the last stored entry.
	 * @return the first entry that does not hold, or the entry after the last
	 */
	Broken end() {
		if (this.broken != null) {
			return this.broken;
		}
		if (!this.switches.isEmpty() && this.switches.get(this.switches.size() - 1).seq() >= this.expectedSeq) {
			return new Broken(this.switches.get(this.switches.size() - 1).seq(), this.checked,
					ChainVerification.Problem.SWITCH_ALTERED, "the switch entry the database records is missing");
		}
		return new Broken(this.expectedSeq, this.checked, null, null);
	}

	private boolean holds(byte[] covered, byte[] entryHash) {
		byte[] digest;
		if (this.mac == null) {
			digest = this.sha256.digest(covered);
		}
		else {
			digest = this.mac.doFinal(covered);
		}
		if (entryHash.length != HASH_LENGTH) {
			return false;
		}
		for (int i = 0; i < digest.length; i++) {
			this.computed[2 * i] = HEX[(digest[i] >> 4) & 0xf];
			this.computed[2 * i + 1] = HEX[digest[i] & 0xf];
		}
		return Arrays.equals(this.computed, entryHash);
	}

	private boolean holdsAsJavaWrote(long seq, byte[] entryHash) {
		AuditEntry entry = this.reread.apply(seq);
		if (entry == null) {
			return false;
		}
		String hash = (this.mac == null) ? AuditChain.hash(entry.previousHash(), entry.canonicalContent())
				: AuditChain.hmac(this.mac, entry.previousHash(), entry.canonicalContent());
		return Arrays.equals(hash.getBytes(StandardCharsets.US_ASCII), entryHash);
	}

	private boolean stop(long seq, ChainVerification.Problem problem, String reason) {
		this.broken = new Broken(seq, this.checked, problem, reason);
		return false;
	}

	/**
	 * Where a walk of the chain stopped.
	 *
	 * @param seq the entry that does not hold, or the entry after the last
	 * @param checked how many entries held before it
	 * @param problem what does not hold, {@code null} when the walk reached the end
	 * @param reason the same for the operator
	 */
	record Broken(long seq, long checked, ChainVerification.@Nullable Problem problem, @Nullable String reason) {
	}

}
