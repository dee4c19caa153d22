package jp.itaku.logevidence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jp.itaku.platform.InvalidInputProblem;

import org.jspecify.annotations.Nullable;

/**
 * One upload of a source's log: its SHA-256, its counts and its malformed lines. A batch
 * with malformed lines waits (PENDING) until the user accepts its good lines or rejects
 * it; only an accepted batch's lines are stored.
 */
public class LogBatch {

	/** Where a batch stands. */
	public enum Status {

		/** Read, with malformed lines: nothing stored until the user decides. */
		PENDING,

		/** Its good lines are stored and checked. */
		ACCEPTED,

		/** Nothing stored; the same file may be sent again. */
		REJECTED

	}

	private final UUID id;

	private final UUID contractId;

	private final UUID sourceId;

	private final @Nullable String sha256;

	private final @Nullable String fileName;

	private final int totalLines;

	private final int goodLines;

	private final int malformedLines;

	private final List<Malformed> malformed;

	private Status status;

	private final @Nullable Instant firstAt;

	private final @Nullable Instant lastAt;

	private final @Nullable Instant uploadedAt;

	private final UUID uploadedBy;

	private @Nullable Instant decidedAt;

	private @Nullable UUID decidedBy;

	LogBatch(UUID id, UUID contractId, UUID sourceId, @Nullable String sha256, @Nullable String fileName,
			int totalLines, int goodLines, int malformedLines, List<Malformed> malformed, Status status,
			@Nullable Instant firstAt, @Nullable Instant lastAt, @Nullable Instant uploadedAt, UUID uploadedBy,
			@Nullable Instant decidedAt, @Nullable UUID decidedBy) {
		this.id = id;
		this.contractId = contractId;
		this.sourceId = sourceId;
		this.sha256 = sha256;
		this.fileName = fileName;
		this.totalLines = totalLines;
		this.goodLines = goodLines;
		this.malformedLines = malformedLines;
		this.malformed = List.copyOf(malformed);
		this.status = status;
		this.firstAt = firstAt;
		this.lastAt = lastAt;
		this.uploadedAt = uploadedAt;
		this.uploadedBy = uploadedBy;
		this.decidedAt = decidedAt;
		this.decidedBy = decidedBy;
	}

	/**
	 * Accepts a waiting batch: its good lines are to be stored.
	 * @param by who decided
	 * @param at when
	 * @throws InvalidInputProblem unless the batch waits
	 */
	void accept(UUID by, Instant at) {
		requirePending();
		this.status = Status.ACCEPTED;
		this.decidedBy = by;
		this.decidedAt = at;
	}

	/**
	 * Rejects a waiting batch: nothing of it is stored.
	 * @param by who decided
	 * @param at when
	 * @throws InvalidInputProblem unless the batch waits
	 */
	void reject(UUID by, Instant at) {
		requirePending();
		this.status = Status.REJECTED;
		this.decidedBy = by;
		this.decidedAt = at;
	}

	private void requirePending() {
		if (this.status != Status.PENDING) {
			throw new InvalidInputProblem("status", "logevidence.error.batchDecided");
		}
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getContractId() {
		return this.contractId;
	}

	public UUID getSourceId() {
		return this.sourceId;
	}

	public @Nullable String getSha256() {
		return this.sha256;
	}

	public @Nullable String getFileName() {
		return this.fileName;
	}

	public int getTotalLines() {
		return this.totalLines;
	}

	public int getGoodLines() {
		return this.goodLines;
	}

	public int getMalformedLines() {
		return this.malformedLines;
	}

	public List<Malformed> getMalformed() {
		return this.malformed;
	}

	public Status getStatus() {
		return this.status;
	}

	public @Nullable Instant getFirstAt() {
		return this.firstAt;
	}

	public @Nullable Instant getLastAt() {
		return this.lastAt;
	}

	public @Nullable Instant getUploadedAt() {
		return this.uploadedAt;
	}

	public UUID getUploadedBy() {
		return this.uploadedBy;
	}

	public @Nullable Instant getDecidedAt() {
		return this.decidedAt;
	}

	public @Nullable UUID getDecidedBy() {
		return this.decidedBy;
	}

	/**
	 * A malformed line.
	 *
	 * @param line its number in the file (1 is the first line)
	 * @param reason the message key of the reason, then {@code :} and its argument
	 */
	public record Malformed(int line, String reason) {

		/**
		 * Returns the message key of the reason.
		 * @return the key
		 */
		public String key() {
			int colon = this.reason.indexOf(':');
			return (colon < 0) ? this.reason : this.reason.substring(0, colon);
		}

		/**
		 * Returns the argument of the reason.
		 * @return the argument, or the empty string
		 */
		public String argument() {
			int colon = this.reason.indexOf(':');
			return (colon < 0) ? "" : this.reason.substring(colon + 1);
		}

	}

}
