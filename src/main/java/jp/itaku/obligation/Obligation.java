package jp.itaku.obligation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jp.itaku.calendar.DeadlineKind;
import jp.itaku.catalog.ClauseCategory;
import jp.itaku.catalog.DeadlinePolicy;
import jp.itaku.catalog.Deliverable;
import jp.itaku.catalog.RequirementKind;
import jp.itaku.platform.ConflictProblem;
import jp.itaku.platform.InvalidInputProblem;

import org.jspecify.annotations.Nullable;

/**
 * One dated duty of a contract: a requirement of its clause profile for one period (the
 * contract start, its end, or a month), met by a written submission. Its workflow is
 * guarded here.
 */
@Entity
@Table(name = "obligation")
public class Obligation {

	@Id
	private UUID id;

	@Column(name = "contract_id", nullable = false)
	private UUID contractId;

	@Column(name = "requirement_key", nullable = false)
	private String requirementKey;

	@Column(name = "clause_ref", nullable = false)
	private String clauseRef;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private ClauseCategory category;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private RequirementKind kind;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Deliverable deliverable;

	@Column(nullable = false)
	private String summary;

	@Column(name = "summary_en")
	private String summaryEn;

	@Column(name = "period_key", nullable = false)
	private String periodKey;

	@Column(name = "period_start")
	private @Nullable LocalDate periodStart;

	@Column(name = "period_end")
	private @Nullable LocalDate periodEnd;

	@Column(name = "due_date")
	private @Nullable LocalDate dueDate;

	@Enumerated(EnumType.STRING)
	@Column(name = "due_kind")
	private @Nullable DeadlineKind dueKind;

	@Enumerated(EnumType.STRING)
	@Column(name = "due_policy")
	private @Nullable DeadlinePolicy duePolicy;

	@Column(name = "due_within")
	private @Nullable String dueWithin;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private ObligationStatus status = ObligationStatus.OPEN;

	@Column(name = "waived_reason")
	private @Nullable String waivedReason;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Origin origin = Origin.PLANNED;

	@Column(name = "occurred_on")
	private @Nullable LocalDate occurredOn;

	private @Nullable String subject;

	private @Nullable String source;

	@Column(name = "owed_by")
	private @Nullable UUID owedBy;

	@Column(name = "owed_level")
	private @Nullable Integer owedLevel;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	private @Nullable Long version;

	protected Obligation() {
	}

	Obligation(UUID contractId, PlannedObligation plan, Instant now) {
		this.id = UUID.randomUUID();
		this.contractId = contractId;
		this.requirementKey = plan.requirementKey();
		this.clauseRef = plan.clauseRef();
		this.category = plan.category();
		this.kind = plan.kind();
		this.deliverable = plan.deliverable();
		this.summary = plan.summary();
		this.summaryEn = plan.summaryEn();
		this.periodKey = plan.periodKey();
		this.periodStart = plan.periodStart();
		this.periodEnd = plan.periodEnd();
		this.dueDate = plan.dueDate();
		this.dueKind = plan.dueKind();
		this.duePolicy = plan.duePolicy();
		this.dueWithin = plan.dueWithin();
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * Creates an obligation an event or a change raised.
	 * @param contractId the contract
	 * @param plan the planned obligation
	 * @param occurredOn the day the event happened
	 * @param subject what it is about (e.g. the worker who left)
	 * @param source the record that raised it
	 * @param now the current instant
	 * @return the obligation
	 */
	static Obligation raised(UUID contractId, PlannedObligation plan, LocalDate occurredOn, String subject,
			String source, Instant now) {
		Obligation obligation = new Obligation(contractId, plan, now);
		obligation.origin = Origin.RAISED;
		obligation.occurredOn = occurredOn;
		obligation.subject = subject;
		obligation.source = source;
		return obligation;
	}

	/**
	 * Makes a raised obligation the debt of an approved subcontractor rather than of the
	 * contractor: the client asked that level of the chain (Nerima 第22条第2項, Setagaya 33).
	 * @param organisationId the subcontractor
	 * @param level its level in the chain, 1 for the contractor's own subcontractors
	 */
	void owedBy(UUID organisationId, int level) {
		if (level < 1) {
			throw new IllegalArgumentException("chain level below 1: " + level);
		}
		this.owedBy = organisationId;
		this.owedLevel = level;
	}

	/**
	 * Creates an occurrence of a periodic duty that the contract's implementation plan
	 * (実施計画) dates: due on the planned day itself, as the contractor fixed it.
	 * @param contractId the contract
	 * @param plan the planned obligation, due on the planned day
	 * @param subject how the plan states the duty's period (e.g. {@code P6M}), or empty
	 * for a list of dates
	 * @param source the plan that dates it
	 * @param now the current instant
	 * @return the obligation
	 */
	static Obligation scheduled(UUID contractId, PlannedObligation plan, String subject, String source, Instant now) {
		Obligation obligation = new Obligation(contractId, plan, now);
		obligation.origin = Origin.SCHEDULED;
		obligation.occurredOn = plan.dueDate();
		obligation.subject = subject;
		obligation.source = source;
		return obligation;
	}

	/**
	 * Follows a change of the implementation plan that no longer names this occurrence's
	 * day: withdrawn when it is still to come and nothing was submitted for it; a past,
	 * submitted, returned, met or waived occurrence is kept as it is.
	 * @param today today in Tokyo
	 * @param now the current instant
	 * @return {@code true} when it was withdrawn
	 */
	boolean unscheduled(LocalDate today, Instant now) {
		if (this.status != ObligationStatus.OPEN || this.dueDate == null || this.dueDate.isBefore(today)) {
			return false;
		}
		this.status = ObligationStatus.NOT_APPLICABLE;
		this.updatedAt = now;
		return true;
	}

	/**
	 * Follows a change of the implementation plan that names this occurrence's day again
	 * after it had been withdrawn.
	 * @param subject how the plan now states the period
	 * @param now the current instant
	 * @return {@code true} when it was reopened
	 */
	boolean rescheduled(String subject, Instant now) {
		this.subject = subject;
		if (this.status != ObligationStatus.NOT_APPLICABLE) {
			return false;
		}
		this.status = ObligationStatus.OPEN;
		this.updatedAt = now;
		return true;
	}

	/**
	 * Sets the due date the requester gave for a raised obligation, before it is stored.
	 * @param dueOn the date
	 */
	void dueBy(LocalDate dueOn) {
		this.dueDate = dueOn;
		this.dueKind = DeadlineKind.CALENDAR_FIXED;
		this.duePolicy = null;
		this.dueWithin = null;
	}

	/**
	 * Returns the status as people see it: open or returned past the due date is overdue.
	 * @param today today in Tokyo
	 * @return the effective status
	 */
	public ObligationStatus effectiveStatus(LocalDate today) {
		if (awaitsSubmission() && this.dueDate != null && this.dueDate.isBefore(today)) {
			return ObligationStatus.OVERDUE;
		}
		return this.status;
	}

	/**
	 * Returns whether the obligation waits for the contractor's submission: it is open,
	 * or it was returned.
	 * @return {@code true} when a submission may be made
	 */
	public boolean awaitsSubmission() {
		return this.status == ObligationStatus.OPEN || this.status == ObligationStatus.RETURNED;
	}

	void submitted(Instant now) {
		if (!awaitsSubmission()) {
			throw new ConflictProblem("status", "obligation.transition.submit");
		}
		this.status = ObligationStatus.SUBMITTED;
		this.updatedAt = now;
	}

	void accepted(Instant now) {
		requireSubmitted();
		this.status = ObligationStatus.ACCEPTED;
		this.updatedAt = now;
	}

	void returned(Instant now) {
		requireSubmitted();
		this.status = ObligationStatus.RETURNED;
		this.updatedAt = now;
	}

	void waive(@Nullable String reason, Instant now) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputProblem("reason", "obligation.waive.reasonRequired");
		}
		if (this.status == ObligationStatus.ACCEPTED || this.status == ObligationStatus.NOT_APPLICABLE
				|| this.status == ObligationStatus.WAIVED) {
			throw new ConflictProblem("status", "obligation.transition.waive");
		}
		this.status = ObligationStatus.WAIVED;
		this.waivedReason = reason.strip();
		this.updatedAt = now;
	}

	/**
	 * Follows a re-planning of the contract: no longer applicable when nothing was
	 * submitted yet.
	 * @param now the current instant
	 * @return {@code true} when the obligation was withdrawn; {@code false} when it keeps
	 * its evidence and status
	 */
	boolean noLongerApplies(Instant now) {
		if (this.status == ObligationStatus.OPEN || this.status == ObligationStatus.RETURNED) {
			this.status = ObligationStatus.NOT_APPLICABLE;
			this.updatedAt = now;
			return true;
		}
		return false;
	}

	/**
	 * Follows a re-planning: applies again (after having been withdrawn), or with a new
	 * due date.
	 * @param plan the planned obligation
	 * @param now the current instant
	 * @return what changed, or {@code null} when nothing did
	 */
	@Nullable String replan(PlannedObligation plan, Instant now) {
		this.periodStart = plan.periodStart();
		this.periodEnd = plan.periodEnd();
		this.dueKind = plan.dueKind();
		this.duePolicy = plan.duePolicy();
		this.dueWithin = plan.dueWithin();
		if (this.status == ObligationStatus.NOT_APPLICABLE) {
			this.status = ObligationStatus.OPEN;
			this.dueDate = plan.dueDate();
			this.updatedAt = now;
			return "REOPENED";
		}
		if ((this.status == ObligationStatus.OPEN || this.status == ObligationStatus.RETURNED)
				&& !Objects.equals(this.dueDate, plan.dueDate())) {
			this.dueDate = plan.dueDate();
			this.updatedAt = now;
			return "RESCHEDULED";
		}
		return null;
	}

	/**
	 * Returns what kind of period the obligation is for, to name it: {@code START},
	 * {@code END}, {@code MONTH}, a fiscal {@code QUARTER}, {@code HALF} or
	 * {@code FISCAL_YEAR} (April to March), another {@code RANGE} of days, a
	 * {@code PERIOD} by its number when its days are not known, or {@code EVENT} for a
	 * raised one.
	 * @return the kind of period
	 */
	public String getPeriodKind() {
		return PeriodName.of(this).kind();
	}

	/**
	 * Returns the arguments of the period's label ({@code obligation.periodKey.<kind>}):
	 * see {@link PeriodName}.
	 * @return the label's arguments
	 */
	public Object[] getPeriodArguments() {
		return PeriodName.of(this).arguments();
	}

	private void requireSubmitted() {
		if (this.status != ObligationStatus.SUBMITTED) {
			throw new ConflictProblem("status", "obligation.transition.review");
		}
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getContractId() {
		return this.contractId;
	}

	public @Nullable LocalDate getPeriodStart() {
		return this.periodStart;
	}

	public @Nullable LocalDate getPeriodEnd() {
		return this.periodEnd;
	}

	public String getRequirementKey() {
		return this.requirementKey;
	}

	public String getClauseRef() {
		return this.clauseRef;
	}

	public ClauseCategory getCategory() {
		return this.category;
	}

	public RequirementKind getKind() {
		return this.kind;
	}

	public Deliverable getDeliverable() {
		return this.deliverable;
	}

	public String getSummary() {
		return this.summary;
	}

	public String getSummaryEn() {
		return this.summaryEn;
	}

	public String getPeriodKey() {
		return this.periodKey;
	}

	public @Nullable LocalDate getDueDate() {
		return this.dueDate;
	}

	/**
	 * Returns how the deadline is stated: a calendar-fixed date, or counted from an event
	 * in days or in hours.
	 * @return the kind, or {@code null} for an obligation stored before kinds were kept
	 */
	public @Nullable DeadlineKind getDueKind() {
		return this.dueKind;
	}

	/**
	 * Returns the named deadline (直ちに, 速やかに, 遅滞なく) the due date is counted by.
	 * @return the policy, or {@code null} when the deadline is a period or a date
	 */
	public @Nullable DeadlinePolicy getDuePolicy() {
		return this.duePolicy;
	}

	/**
	 * Returns the duration the due date is counted by from its event, as the contract set
	 * it when the obligation was raised or planned.
	 * @return the ISO-8601 duration, e.g. {@code PT1H} or {@code P3D}; {@code null} for a
	 * calendar-fixed date or one due at the event itself
	 */
	public @Nullable String getDueWithin() {
		return this.dueWithin;
	}

	public ObligationStatus getStatus() {
		return this.status;
	}

	public @Nullable String getWaivedReason() {
		return this.waivedReason;
	}

	public Origin getOrigin() {
		return this.origin;
	}

	public @Nullable LocalDate getOccurredOn() {
		return this.occurredOn;
	}

	public @Nullable String getSubject() {
		return this.subject;
	}

	public @Nullable String getSource() {
		return this.source;
	}

	/**
	 * Returns the approved subcontractor that owes this obligation, when the client's
	 * request aimed at a level of the chain.
	 * @return the subcontractor's organisation, or {@code null} when the contractor owes
	 * it
	 */
	public @Nullable UUID getOwedBy() {
		return this.owedBy;
	}

	/**
	 * Returns the level of the chain of the subcontractor that owes this obligation.
	 * @return 1 for the contractor's own subcontractors, {@code null} when the contractor
	 * owes it
	 */
	public @Nullable Integer getOwedLevel() {
		return this.owedLevel;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	/** Where an obligation comes from. */
	public enum Origin {

		/** Planned from the contract period (start, end, months, periods). */
		PLANNED,

		/** Raised by an event or a change, by the module that owns it. */
		RAISED,

		/**
		 * Dated by the contractor's implementation plan (実施計画) of a periodic duty that
		 * has no calendar of its own.
		 */
		SCHEDULED

	}

}
