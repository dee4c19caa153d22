package jp.itaku.contract;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.jspecify.annotations.Nullable;

/**
 * One agreed service level of a contract as a measurable target (SERVICE_LEVEL: 提供される
 * サービスレベルの保証): an item of the SLA annex, how it is measured, the target, the period it is
 * measured over, and notes. Made only by {@link ServiceLevelRules}, so a stored target is
 * always valid.
 */
@Embeddable
public class ServiceLevelTarget {

	@Column(nullable = false, length = 100)
	private String name;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private ServiceLevelMetric metric;

	/** The percentage (PERCENT_MIN) or count (COUNT_MAX). */
	@Column(name = "target_number", precision = 9, scale = 3)
	private @Nullable BigDecimal targetNumber;

	/** The ISO-8601 duration (DURATION_MAX), as the officer wrote it. */
	@Column(name = "target_duration", length = 20)
	private @Nullable String targetDuration;

	@Enumerated(EnumType.STRING)
	@Column(name = "measurement_period", nullable = false, length = 20)
	private MeasurementPeriod measurementPeriod;

	@Column(length = 400)
	private @Nullable String notes;

	protected ServiceLevelTarget() {
	}

	// ServiceLevelRules.targets builds targets only from rows whose name it has checked
	@SuppressWarnings("NullAway")
	ServiceLevelTarget(@Nullable String name, ServiceLevelMetric metric, @Nullable BigDecimal targetNumber,
			@Nullable String targetDuration, MeasurementPeriod measurementPeriod, @Nullable String notes) {
		this.name = name;
		this.metric = metric;
		this.targetNumber = targetNumber;
		this.targetDuration = targetDuration;
		this.measurementPeriod = measurementPeriod;
		this.notes = notes;
	}

	public String getName() {
		return this.name;
	}

	public ServiceLevelMetric getMetric() {
		return this.metric;
	}

	/**
	 * Returns the target as text: a plain decimal for a percentage ({@code 99.5}), a
	 * whole number for a count ({@code 0}), an ISO-8601 duration for a time
	 * ({@code PT30M}).
	 * @return the target
	 */
	// ServiceLevelRules sets targetNumber for every metric but DURATION_MAX
	@SuppressWarnings("NullAway")
	public @Nullable String getTarget() {
		return (this.metric == ServiceLevelMetric.DURATION_MAX) ? this.targetDuration
				: this.targetNumber.stripTrailingZeros().toPlainString();
	}

	/**
	 * Returns the percentage or count.
	 * @return the number, {@code null} for a time target
	 */
	public @Nullable BigDecimal getTargetNumber() {
		return this.targetNumber;
	}

	/**
	 * Returns the time target as written, e.g. {@code P2D} (not normalised to hours).
	 * @return the ISO-8601 duration, {@code null} for a percentage or count
	 */
	public @Nullable String getTargetDuration() {
		return this.targetDuration;
	}

	/**
	 * Returns the time target as a duration.
	 * @return the duration, {@code null} for a percentage or count
	 */
	public @Nullable Duration duration() {
		return (this.targetDuration != null) ? Duration.parse(this.targetDuration) : null;
	}

	public MeasurementPeriod getMeasurementPeriod() {
		return this.measurementPeriod;
	}

	public @Nullable String getNotes() {
		return this.notes;
	}

	/**
	 * Returns the target in one line for the audit trail, e.g.
	 * {@code システム稼働率: PERCENT_MIN 99.5 MONTHLY (計画停止を除く)}.
	 * @return the summary
	 */
	String summary() {
		return this.name + ": " + this.metric + " " + getTarget() + " " + this.measurementPeriod
				+ ((this.notes != null) ? " (" + this.notes + ")" : "");
	}

	@Override
	public boolean equals(Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof ServiceLevelTarget that)) {
			return false;
		}
		return this.name.equals(that.name) && this.metric == that.metric
				&& Objects.equals(getTarget(), that.getTarget()) && this.measurementPeriod == that.measurementPeriod
				&& Objects.equals(this.notes, that.notes);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.name, this.metric, getTarget(), this.measurementPeriod, this.notes);
	}

	@Override
	public String toString() {
		return summary();
	}

}
