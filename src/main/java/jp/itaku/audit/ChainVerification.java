package jp.itaku.audit;

import java.io.Serializable;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The result of verifying the audit chain: the stored chain itself (every entry's hash
 * and link, plain SHA-256 up to the switch entry and HMAC-SHA256 with the chain key after
 * it) and the chain against its last checkpoint outside the database, which reveals what
 * the chain alone cannot (its last rows removed, or the whole chain rewritten with
 * recomputed hashes).
 *
 * @param intact whether every entry's hash and link hold and the chain agrees with its
 * last checkpoint
 * @param entries how many entries were checked
 * @param firstBrokenSeq the first entry that does not hold, or {@code null}
 * @param reason why it does not hold, for the operator, or {@code null}
 * @param problem why it does not hold, or {@code null}
 * @param keyedAfter the switch entry: the entries after it are keyed; {@code null} when
 * the chain is not keyed
 * @param checkpoint the comparison with the last checkpoint
 */
public record ChainVerification(boolean intact, long entries, @Nullable Long firstBrokenSeq, @Nullable String reason,
		@Nullable Problem problem, @Nullable Long keyedAfter, CheckpointCheck checkpoint) implements Serializable {

	/**
	 * Returns the result as an operator reads it.
	 * @return e.g. {@code intact, 1234 entries (HMAC-SHA256 after entry 17); checkpoint:
	 * entry 1200 of 2026-12-06T02:00:00Z matches} or
	 * {@code broken at entry 17: content altered (…)}
	 */
	public String summary() {
		String chain = this.intact ? "intact, " + this.entries + " entries"
				: "broken at entry " + this.firstBrokenSeq + ": " + this.reason;
		String keyed = (this.keyedAfter != null)
				? " (plain SHA-256 up to entry " + this.keyedAfter + ", HMAC-SHA256 after)"
				: " (plain SHA-256, not keyed)";
		return chain + keyed + "; checkpoint: " + this.checkpoint.summary();
	}

	/** Why the chain does not hold. */
	public enum Problem {

		/** An entry's sequence number is missing. */
		ENTRY_MISSING,
		/** An entry does not name the previous entry's hash. */
		LINK_BROKEN,
		/** A plain-hashed entry's content does not give its hash. */
		CONTENT_ALTERED,
		/** A keyed entry's hash is not the chain key's HMAC of its content. */
		HMAC_MISMATCH,
		/** The switch entry is missing, altered or not the one the database records. */
		SWITCH_ALTERED,
		/** The chain is keyed with a key this node does not hold. */
		KEY_MISSING,
		/**
		 * The chain ends before the last checkpoint's entry: its last rows were removed.
		 */
		TRUNCATED,
		/** The entry of the last checkpoint has another hash: the chain was rewritten. */
		REWRITTEN,
		/** The newest checkpoint in the store does not carry the chain key's MAC. */
		CHECKPOINT_FORGED,
		/** The document store could not be read: the chain is not compared. */
		CHECKPOINT_UNREADABLE

	}

	/**
	 * The chain compared with its newest checkpoint in the document store.
	 *
	 * @param status the outcome
	 * @param seq the checkpoint's entry, or {@code null} when there is none
	 * @param writtenAt when the checkpoint was written, or {@code null}
	 * @param name the checkpoint's name in the store, or {@code null}
	 * @param otherChains how many other chains have checkpoints in the store (another
	 * installation's, or a chain started afresh: worth a look)
	 */
	public record CheckpointCheck(Status status, @Nullable Long seq, @Nullable Instant writtenAt, @Nullable String name,
			int otherChains) implements Serializable {

		/**
		 * Returns whether the comparison found nothing wrong.
		 * @return {@code true} unless the chain was truncated or rewritten since, the
		 * checkpoint is forged, or the store could not be read
		 */
		public boolean holds() {
			return this.status == Status.NONE || this.status == Status.MATCHES || this.status == Status.PURGED;
		}

		String summary() {
			String what = switch (this.status) {
				case NONE -> "none written yet";
				case MATCHES -> "entry " + this.seq + " of " + this.writtenAt + " matches";
				case PURGED -> "entry " + this.seq + " of " + this.writtenAt + " is purged since";
				case TRUNCATED ->
					"entry " + this.seq + " of " + this.writtenAt + " is missing: the chain's last rows were removed";
				case REWRITTEN ->
					"entry " + this.seq + " of " + this.writtenAt + " has another hash now: the chain was rewritten";
				case FORGED -> this.name + " does not carry the chain key's MAC";
				case UNREADABLE -> "the document store could not be read";
			};
			return what + ((this.otherChains > 0)
					? "; the store also holds checkpoints of " + this.otherChains + " other chain(s)" : "");
		}

		/** The outcome of the comparison. */
		public enum Status {

			/** No checkpoint of this chain in the store yet. */
			NONE,
			/** The chain holds the checkpoint's entry with the checkpoint's hash. */
			MATCHES,
			/** The checkpoint's entry was purged since: nothing to compare. */
			PURGED,
			/** The chain ends before the checkpoint's entry. */
			TRUNCATED,
			/** The checkpoint's entry has another hash. */
			REWRITTEN,
			/** The newest checkpoint's MAC is not the chain key's. */
			FORGED,
			/** The document store could not be read. */
			UNREADABLE

		}

	}

}
