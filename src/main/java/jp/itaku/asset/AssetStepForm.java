package jp.itaku.asset;

import java.time.LocalDateTime;
import java.util.UUID;

/**
 * What a step of a request records, as entered: when, who, and what the step needs — the
 * holder of a copy, the person in charge and the detail of a disposal or return, the
 * client's decision with its comment, third-party approval and witness.
 */
public class AssetStepForm {

	private LocalDateTime at;

	private UUID personId;

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

	public UUID getPersonId() {
		return this.personId;
	}

	public void setPersonId(UUID personId) {
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

}
