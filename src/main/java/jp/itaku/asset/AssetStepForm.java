package jp.itaku.asset;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuTime;

import org.jspecify.annotations.Nullable;

/**
 * What a step of a request records, as entered: when, who, and what the step needs — the
 * holder of a copy, the person in charge and the detail of a disposal or return, the
 * client's decision with its comment, third-party approval and witness.
 */
// Bound from the request by Spring's data binder (or Jackson), which leaves a missing
// value
// null; problems() or Bean Validation rejects a missing required value before it is read.
@SuppressWarnings("NullAway.Init")
public class AssetStepForm {

	/** How far a step may lie ahead of the server's clock (clocks of people differ). */
	private static final long FUTURE_TOLERANCE_SECONDS = 300;

	private LocalDateTime at;

	private @Nullable UUID personId;

	private String detail;

	private String receivedBy;

	private String comment;

	private boolean thirdPartyApproved;

	private UUID witnessId;

	private String confirmedBy;

	public LocalDateTime getAt() {
		return this.at;
	}

	public void setAt(LocalDateTime at) {
		this.at = at;
	}

	public @Nullable UUID getPersonId() {
		return this.personId;
	}

	public void setPersonId(@Nullable UUID personId) {
		this.personId = personId;
	}

	public String getDetail() {
		return this.detail;
	}

	public void setDetail(String detail) {
		this.detail = detail;
	}

	public String getReceivedBy() {
		return this.receivedBy;
	}

	public void setReceivedBy(String receivedBy) {
		this.receivedBy = receivedBy;
	}

	public String getComment() {
		return this.comment;
	}

	public void setComment(String comment) {
		this.comment = comment;
	}

	public boolean isThirdPartyApproved() {
		return this.thirdPartyApproved;
	}

	public void setThirdPartyApproved(boolean thirdPartyApproved) {
		this.thirdPartyApproved = thirdPartyApproved;
	}

	public UUID getWitnessId() {
		return this.witnessId;
	}

	public void setWitnessId(UUID witnessId) {
		this.witnessId = witnessId;
	}

	public String getConfirmedBy() {
		return this.confirmedBy;
	}

	public void setConfirmedBy(String confirmedBy) {
		this.confirmedBy = confirmedBy;
	}

	/**
	 * Returns when a step happened, entered in Tokyo time.
	 * @param local the time entered
	 * @param clock the clock
	 * @return the instant
	 * @throws InvalidInputProblem naming the field {@code at} when the time is missing or
	 * in the future
	 */
	static Instant happenedAt(LocalDateTime local, Clock clock) {
		if (local == null) {
			throw new InvalidInputProblem("at", "asset.request.error.at");
		}
		Instant at = local.atZone(ItakuTime.ZONE).toInstant();
		if (at.isAfter(Instant.now(clock).plusSeconds(FUTURE_TOLERANCE_SECONDS))) {
			throw new InvalidInputProblem("at", "asset.request.error.future");
		}
		return at;
	}

}
