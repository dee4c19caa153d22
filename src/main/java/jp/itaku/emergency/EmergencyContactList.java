package jp.itaku.emergency;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuTime;

import org.jspecify.annotations.Nullable;

/**
 * A contract's emergency contact list as the contractor keeps it now, with the last time
 * it was submitted and the last time the lead confirmed it current. The later of the two
 * is the day the list was last known to be current; the confirmation falls due a period
 * after it.
 */
@Entity
@Table(name = "emergency_contact_list")
public class EmergencyContactList {

	@Id
	private UUID id;

	@Column(name = "contract_id", nullable = false)
	private UUID contractId;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "emergency_contact", joinColumns = @JoinColumn(name = "list_id"))
	@OrderColumn(name = "line_no")
	private List<EmergencyContact> entries = new ArrayList<>();

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "updated_by", nullable = false)
	private UUID updatedBy;

	@Column(name = "last_submitted_at")
	private @Nullable Instant lastSubmittedAt;

	@Column(name = "last_confirmed_at")
	private @Nullable Instant lastConfirmedAt;

	@Column(name = "last_confirmed_by")
	private @Nullable UUID lastConfirmedBy;

	@Column(name = "pending_change_key")
	private @Nullable String pendingChangeKey;

	@Version
	private @Nullable Long version;

	protected EmergencyContactList() {
	}

	EmergencyContactList(UUID contractId, List<EmergencyContact> entries, UUID by, Instant now) {
		this.id = UUID.randomUUID();
		this.contractId = contractId;
		this.entries.addAll(entries);
		this.updatedBy = by;
		this.updatedAt = now;
	}

	/**
	 * Replaces the lines.
	 * @param lines the validated lines
	 * @param by who
	 * @param now when
	 * @return whether anything changed
	 */
	boolean replace(List<EmergencyContact> lines, UUID by, Instant now) {
		if (this.entries.equals(lines)) {
			return false;
		}
		this.entries.clear();
		this.entries.addAll(lines);
		this.updatedBy = by;
		this.updatedAt = now;
		return true;
	}

	/**
	 * Notes that a change after the last submission raised its notice, to be filed with
	 * the next submission.
	 * @param key the change's occurrence key
	 */
	void changePending(String key) {
		this.pendingChangeKey = key;
	}

	/**
	 * Notes a submission; the pending change, if any, is filed with it.
	 * @param now when
	 */
	void submitted(Instant now) {
		this.lastSubmittedAt = now;
		this.pendingChangeKey = null;
	}

	/**
	 * Records the lead's confirmation that the list is current.
	 * @param by the lead
	 * @param now when
	 * @param unsubmittedChanges whether the list differs from the version last submitted
	 * @throws InvalidInputProblem when the list has changes that were not submitted (they
	 * must be submitted, which also confirms the list)
	 */
	void confirm(UUID by, Instant now, boolean unsubmittedChanges) {
		if (unsubmittedChanges) {
			throw new InvalidInputProblem("entries", "emergency.confirm.unsubmittedChanges");
		}
		this.lastConfirmedAt = now;
		this.lastConfirmedBy = by;
	}

	/**
	 * Returns the day (Tokyo) the list was last known to be current: the later of the
	 * last submission and the last confirmation.
	 * @return the day, or {@code null} when it was neither submitted nor confirmed
	 */
	public @Nullable LocalDate getCurrentAsOf() {
		Instant latest = this.lastSubmittedAt;
		if (this.lastConfirmedAt != null && (latest == null || this.lastConfirmedAt.isAfter(latest))) {
			latest = this.lastConfirmedAt;
		}
		return (latest != null) ? ItakuTime.inTokyo(latest).toLocalDate() : null;
	}

	/**
	 * Returns the day the next confirmation falls due.
	 * @param every how long a confirmation lasts
	 * @return the day, or {@code null} when the list was never submitted nor confirmed
	 */
	public @Nullable LocalDate confirmationDueOn(Period every) {
		LocalDate asOf = getCurrentAsOf();
		return (asOf != null) ? asOf.plus(every) : null;
	}

	/**
	 * Returns whether the confirmation is due on a day.
	 * @param today the day, in Tokyo
	 * @param every how long a confirmation lasts
	 * @return {@code true} when the confirmation's due day is today or past
	 */
	public boolean isConfirmationDue(LocalDate today, Period every) {
		LocalDate due = confirmationDueOn(every);
		return due != null && !today.isBefore(due);
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getContractId() {
		return this.contractId;
	}

	public List<EmergencyContact> getEntries() {
		return List.copyOf(this.entries);
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public UUID getUpdatedBy() {
		return this.updatedBy;
	}

	public @Nullable Instant getLastSubmittedAt() {
		return this.lastSubmittedAt;
	}

	public @Nullable Instant getLastConfirmedAt() {
		return this.lastConfirmedAt;
	}

	public @Nullable UUID getLastConfirmedBy() {
		return this.lastConfirmedBy;
	}

	public @Nullable String getPendingChangeKey() {
		return this.pendingChangeKey;
	}

}
