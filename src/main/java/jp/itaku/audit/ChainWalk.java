package jp.itaku.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
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
 * not hold. No object is built per entry and no hash is turned into a string: the
 * computed MAC, written into a reused buffer, is compared with the stored hex digits byte
 * by byte, so the walk costs little more than the hashing itself.
 * <p>
 * The covered bytes are assembled from the stored columns as they stream
 * ({@link ChainCopy}); should they ever differ from the bytes
 * {@link AuditEntry#canonicalContent()} builds (which wrote the hash), the entry is only
 * suspect: the walk goes on (its link to the next entry is checked all the same) and,
 * once the stream of a window has ended, {@link #settle()} reads each suspect entry again
 * and hashes it the Java way before it calls the entry altered.
 */
final class ChainWalk implements AuditRepository.ChainRow {

	private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

	private static final int HASH_LENGTH = 64;

	private static final byte SEPARATOR = 0x1e;

	private final List<AuditRepository.ChainKeyRecord> switches;

	private final Function<String, @Nullable Mac> keys;

	private final LongFunction<@Nullable AuditEntry> reread;

	private final MessageDigest sha256;

	private final byte[] digest = new byte[32];

	private final byte[] computed = new byte[HASH_LENGTH];

	private final byte[] previous;

	private final long firstSeq;

	private final List<Suspect> suspects = new ArrayList<>();

	private long expectedSeq;

	private int nextSwitch;

	private @Nullable Mac mac;

	private @Nullable Broken broken;

	/**
	 * Starts a walk.
	 * @param start where the chain starts: the purge anchor, or genesis
	 * @param switches where the chain became keyed, oldest first
	 * @param keys the chain keys this node holds, by fingerprint
	 * @param reread reads one entry as stored, for the Java hash of a suspect entry
	 */
	ChainWalk(AuditRepository.ChainHead start, List<AuditRepository.ChainKeyRecord> switches,
			Function<String, @Nullable Mac> keys, LongFunction<@Nullable AuditEntry> reread) {
		this.switches = switches;
		this.keys = keys;
		this.reread = reread;
		this.firstSeq = start.seq() + 1;
		this.expectedSeq = this.firstSeq;
		// a start hash of another length than 64 breaks the first link, as it should
		this.previous = Arrays.copyOf(start.hash().getBytes(StandardCharsets.US_ASCII), HASH_LENGTH);
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
	 * @param covered the bytes its hash covers, as stored, in its first
	 * {@code coveredLength} bytes
	 * @param coveredLength their length
	 * @param entryHash its stored hash, in ASCII, in its first {@code hashLength} bytes
	 * @param hashLength its length
	 * @param switchTarget the target of a switch entry ({@code AUDIT_CHAIN_KEYED}), or
	 * {@code null} for any other entry
	 * @return whether the walk goes on; {@code false} once an entry does not hold
	 */
	@Override
	public boolean accept(long seq, byte[] covered, int coveredLength, byte[] entryHash, int hashLength,
			@Nullable String switchTarget) {
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
		if (coveredLength <= HASH_LENGTH || covered[HASH_LENGTH] != SEPARATOR
				|| !Arrays.equals(covered, 0, HASH_LENGTH, this.previous, 0, HASH_LENGTH)) {
			return stop(seq, ChainVerification.Problem.LINK_BROKEN, "link to the previous entry broken");
		}
		if (hashLength != HASH_LENGTH) {
			return stop(seq, altered(this.mac), alteredReason(this.mac));
		}
		if (!holds(covered, coveredLength, entryHash)) {
			this.suspects.add(new Suspect(seq, Arrays.copyOf(entryHash, HASH_LENGTH), this.mac));
		}
		System.arraycopy(entryHash, 0, this.previous, 0, HASH_LENGTH);
		this.expectedSeq++;
		return true;
	}

	/**
	 * Settles the suspect entries taken since the last call, in order: each is read again
	 * and hashed as Java wrote it. Call it after each window's stream has ended (the
	 * connection is busy while it streams).
	 * @return whether the walk goes on: {@code false} once an entry does not hold
	 */
	boolean settle() {
		for (Suspect suspect : this.suspects) {
			if (!holdsAsJavaWrote(suspect)) {
				this.suspects.clear();
				// the first suspect comes before any entry the stream stopped at
				this.broken = new Broken(suspect.seq(), suspect.seq() - this.firstSeq, altered(suspect.mac()),
						alteredReason(suspect.mac()));
				return false;
			}
		}
		this.suspects.clear();
		return this.broken == null;
	}

	/**
	 * Returns the last entry taken.
	 * @return its sequence number, or the start's
	 */
	long lastSeq() {
		return this.expectedSeq - 1;
	}

	/**
	 * Ends the walk after the last stored entry (and {@link #settle()}).
	 * @return the first entry that does not hold, or the entry after the last
	 */
	Broken end() {
		if (this.broken != null) {
			return this.broken;
		}
		if (!this.switches.isEmpty() && this.switches.get(this.switches.size() - 1).seq() >= this.expectedSeq) {
			return new Broken(this.switches.get(this.switches.size() - 1).seq(), this.expectedSeq - this.firstSeq,
					ChainVerification.Problem.SWITCH_ALTERED, "the switch entry the database records is missing");
		}
		return new Broken(this.expectedSeq, this.expectedSeq - this.firstSeq, null, null);
	}

	private boolean holds(byte[] covered, int coveredLength, byte[] entryHash) {
		try {
			if (this.mac == null) {
				this.sha256.update(covered, 0, coveredLength);
				this.sha256.digest(this.digest, 0, this.digest.length);
			}
			else {
				this.mac.update(covered, 0, coveredLength);
				this.mac.doFinal(this.digest, 0);
			}
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("a SHA-256 digest fits its 32 bytes", ex);
		}
		for (int i = 0; i < this.digest.length; i++) {
			this.computed[2 * i] = HEX[(this.digest[i] >> 4) & 0xf];
			this.computed[2 * i + 1] = HEX[this.digest[i] & 0xf];
		}
		return Arrays.equals(this.computed, 0, HASH_LENGTH, entryHash, 0, HASH_LENGTH);
	}

	private boolean holdsAsJavaWrote(Suspect suspect) {
		AuditEntry entry = this.reread.apply(suspect.seq());
		if (entry == null) {
			return false;
		}
		String hash = (suspect.mac() == null) ? AuditChain.hash(entry.previousHash(), entry.canonicalContent())
				: AuditChain.hmac(suspect.mac(), entry.previousHash(), entry.canonicalContent());
		return Arrays.equals(hash.getBytes(StandardCharsets.US_ASCII), suspect.entryHash());
	}

	private static ChainVerification.Problem altered(@Nullable Mac mac) {
		return (mac == null) ? ChainVerification.Problem.CONTENT_ALTERED : ChainVerification.Problem.HMAC_MISMATCH;
	}

	private static String alteredReason(@Nullable Mac mac) {
		return (mac == null) ? "content altered (plain SHA-256 part)"
				: "content altered, or the hash is not the chain key's HMAC-SHA256 (keyed part)";
	}

	private boolean stop(long seq, ChainVerification.Problem problem, String reason) {
		this.broken = new Broken(seq, seq - this.firstSeq, problem, reason);
		return false;
	}

	/**
	 * An entry whose bytes, as the stream assembled them, do not give its stored hash.
	 *
	 * @param seq the entry
	 * @param entryHash its stored hash, in ASCII
	 * @param mac the chain key's MAC at the entry, {@code null} in the plain part
	 */
	private record Suspect(long seq, byte[] entryHash, @Nullable Mac mac) {
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
