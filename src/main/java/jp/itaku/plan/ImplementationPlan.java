package jp.itaku.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

/**
 * The contractor's plan (実施計画) of one periodic duty of a contract: an interval counted
 * from a first day, or the planned days themselves. Each planned day within the contract
 * period is an obligation due on that day.
 */
@Entity
@Table(name = "implementation_plan")
public class ImplementationPlan {

	@Id
	private UUID id;

	@Column(name = "contract_id", nullable = false)
	private UUID contractId;

	@Column(name = "requirement_key", nullable = false)
	private String requirementKey;

	@Column(name = "clause_ref", nullable = false)
	private String clauseRef;

	@Column(name = "plan_interval")
	private @Nullable String interval;

	@Column(name = "first_day")
	private @Nullable LocalDate firstDay;

	@Column(name = "planned_days")
	private @Nullable String plannedDays;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "updated_by", nullable = false)
	private UUID updatedBy;

	@Version
	private @Nullable Long version;

	protected ImplementationPlan() {
	}

	ImplementationPlan(UUID contractId, String requirementKey, String clauseRef, UUID userId, Instant now) {
		this.id = UUID.randomUUID();
		this.contractId = contractId;
		this.requirementKey = requirementKey;
		this.clauseRef = clauseRef;
		this.updatedBy = userId;
		this.updatedAt = now;
	}

	/**
	 * States the plan: an interval from a first day, or a list of days.
	 * @param interval the interval (ISO-8601), or {@code null} for a list of days
	 * @param firstDay the first day of an interval, else {@code null}
	 * @param days the planned days of a list, else ignored
	 * @param userId who states it
	 * @param now the current instant
	 */
	void state(@Nullable String interval, @Nullable LocalDate firstDay, List<LocalDate> days, UUID userId,
			Instant now) {
		this.interval = interval;
		this.firstDay = (interval != null) ? firstDay : null;
		this.plannedDays = (interval != null) ? null
				: days.stream().distinct().sorted().map(LocalDate::toString).collect(Collectors.joining(","));
		this.updatedBy = userId;
		this.updatedAt = now;
	}

	/**
	 * Returns the plan as people read it, for the audit trail:
	 * {@code P6M from 2026-06-01} or the days.
	 * @return the description
	 */
	public String describe() {
		return (this.interval != null) ? this.interval + " from " + this.firstDay : String.valueOf(this.plannedDays);
	}

	/**
	 * Returns the planned days of a list.
	 * @return the days, in order; empty for an interval
	 */
	public List<LocalDate> getDays() {
		if (this.plannedDays == null || this.plannedDays.isEmpty()) {
			return List.of();
		}
		return Arrays.stream(this.plannedDays.split(",")).map(LocalDate::parse).toList();
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getContractId() {
		return this.contractId;
	}

	public String getRequirementKey() {
		return this.requirementKey;
	}

	public String getClauseRef() {
		return this.clauseRef;
	}

	public @Nullable String getInterval() {
		return this.interval;
	}

	public @Nullable LocalDate getFirstDay() {
		return this.firstDay;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public UUID getUpdatedBy() {
		return this.updatedBy;
	}

}
