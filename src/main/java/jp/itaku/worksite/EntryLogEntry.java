package jp.itaku.worksite;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuTime;

import org.jspecify.annotations.Nullable;

/**
 * One line of the entry log (入退室記録簿, Kadoma 14(4)): who entered the work area, from
 * where, why, when in and when out. Matched to the roster on the day of entry: a roster
 * member, a visitor (declared, with a purpose), or flagged.
 */
@Entity
@Table(name = "entry_log_entry")
public class EntryLogEntry {

	/** What the entry is, against the roster of its day. */
	public enum Match {

		/** A roster member working that day. */
		ON_ROSTER,

		/** A declared visitor with a purpose (来訪者). */
		VISITOR,

		/** Someone not on the roster that day and not declared a visitor. */
		FLAGGED

	}

	/** How the entry was recorded. */
	public enum Source {

		/** The quick-entry page. */
		QUICK,

		/** The entry form. */
		FORM,

		/** A CSV import. */
		IMPORT,

		/** The REST API. */
		API

	}

	@Id
	private UUID id;

	@Column(name = "contract_id", nullable = false)
	private UUID contractId;

	@Column(nullable = false)
	private String name;

	private @Nullable String affiliation;

	private @Nullable String purpose;

	private @Nullable String area;

	@Column(name = "entered_at", nullable = false)
	private Instant enteredAt;

	@Column(name = "left_at")
	private @Nullable Instant leftAt;

	@Column(name = "member_id")
	private @Nullable UUID memberId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Match match;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Source source;

	@Column(name = "recorded_at", nullable = false)
	private Instant recordedAt;

	@Column(name = "recorded_by", nullable = false)
	private UUID recordedBy;

	@Version
	private @Nullable Long version;

	protected EntryLogEntry() {
	}

	// set from values the caller has checked: the form's problems() refuses a blank
	// every caller has refused a form without enteredAt (EntryForm.problems()) before
	// this is called
	@SuppressWarnings("NullAway")
	EntryLogEntry(UUID contractId, EntryForm form, RosterMatch.Result result, Source source, UUID recordedBy,
			Instant now) {
		this.id = UUID.randomUUID();
		this.contractId = contractId;
		this.name = form.getName().strip();
		this.affiliation = EntryForm.clean(form.getAffiliation());
		this.purpose = EntryForm.clean(form.getPurpose());
		this.area = EntryForm.clean(form.getArea());
		this.enteredAt = form.enteredInstant();
		this.leftAt = form.leftInstant();
		this.match = Match.valueOf(result.kind().name());
		if (result.person() != null) {
			this.memberId = result.person().id();
			if (this.affiliation == null) {
				this.affiliation = result.person().affiliation();
			}
			if (this.purpose == null) {
				this.purpose = result.person().duties();
			}
		}
		this.source = source;
		this.recordedBy = recordedBy;
		this.recordedAt = now;
	}

	/**
	 * Records the time out.
	 * @param at when the person left
	 * @throws InvalidInputProblem when the time out was recorded already or is before the
	 * time in
	 */
	void leave(Instant at) {
		if (this.leftAt != null) {
			throw new InvalidInputProblem("leftAt", "worksite.entry.alreadyLeft", this.name);
		}
		if (at.isBefore(this.enteredAt)) {
			throw new InvalidInputProblem("leftAt", "worksite.entry.outBeforeIn");
		}
		this.leftAt = at;
	}

	/**
	 * Returns whether the person is still in.
	 * @return {@code true} while no time out is recorded
	 */
	public boolean isInside() {
		return this.leftAt == null;
	}

	/**
	 * Returns the day of entry.
	 * @return the date in Tokyo
	 */
	public LocalDate getEnteredOn() {
		return ItakuTime.inTokyo(this.enteredAt).toLocalDate();
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getContractId() {
		return this.contractId;
	}

	public String getName() {
		return this.name;
	}

	public @Nullable String getAffiliation() {
		return this.affiliation;
	}

	public @Nullable String getPurpose() {
		return this.purpose;
	}

	public @Nullable String getArea() {
		return this.area;
	}

	public Instant getEnteredAt() {
		return this.enteredAt;
	}

	public @Nullable Instant getLeftAt() {
		return this.leftAt;
	}

	public @Nullable UUID getMemberId() {
		return this.memberId;
	}

	public Match getMatch() {
		return this.match;
	}

	public Source getSource() {
		return this.source;
	}

	public Instant getRecordedAt() {
		return this.recordedAt;
	}

}
