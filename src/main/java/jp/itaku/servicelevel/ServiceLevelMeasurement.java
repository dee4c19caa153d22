package jp.itaku.servicelevel;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jp.itaku.contract.ServiceLevelMetric;
import jp.itaku.contract.ServiceLevelTarget;

import org.jspecify.annotations.Nullable;

/**
 * A target's actual value over one period, and whether it met the target: a percentage at
 * least the target, a count or a time at most the target.
 */
@Entity
@Table(name = "service_level_measurement")
class ServiceLevelMeasurement {

	@Id
	private UUID id;

	@Column(name = "contract_id", nullable = false, updatable = false)
	private UUID contractId;

	@Column(name = "target_name", nullable = false, updatable = false)
	private String targetName;

	@Column(name = "period_key", nullable = false, updatable = false)
	private String periodKey;

	@Column(name = "measured_number")
	private @Nullable BigDecimal measuredNumber;

	@Column(name = "measured_duration")
	private @Nullable String measuredDuration;

	@Column(nullable = false)
	private boolean met;

	@Column
	private @Nullable String note;

	@Column(name = "recorded_by", nullable = false)
	private UUID recordedBy;

	@Column(name = "recorded_at", nullable = false)
	private Instant recordedAt;

	@Version
	private int version;

	protected ServiceLevelMeasurement() {
	}

	// set from values the caller has checked: the form's problems() refuses a blank
	// required one
	@SuppressWarnings("NullAway.Init")
	ServiceLevelMeasurement(UUID contractId, String targetName, String periodKey) {
		this.id = UUID.randomUUID();
		this.contractId = contractId;
		this.targetName = targetName;
		this.periodKey = periodKey;
	}

	/**
	 * Records the actual value, deciding whether the target was met.
	 * @param target the target
	 * @param value the value: a number for a percentage or count, a duration for a time
	 * @param note a remark, optional
	 * @param by who records
	 * @param now when
	 */
	void record(ServiceLevelTarget target, Object value, @Nullable String note, UUID by, Instant now) {
		if (target.getMetric() == ServiceLevelMetric.DURATION_MAX) {
			Duration actual = (Duration) value;
			this.measuredDuration = actual.toString();
			this.measuredNumber = null;
			this.met = actual.compareTo(target.duration()) <= 0;
		}
		else {
			BigDecimal actual = (BigDecimal) value;
			this.measuredNumber = actual;
			this.measuredDuration = null;
			this.met = (target.getMetric() == ServiceLevelMetric.PERCENT_MIN)
					? actual.compareTo(target.getTargetNumber()) >= 0 : actual.compareTo(target.getTargetNumber()) <= 0;
		}
		this.note = note;
		this.recordedBy = by;
		this.recordedAt = now;
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getContractId() {
		return this.contractId;
	}

	public String getTargetName() {
		return this.targetName;
	}

	public String getPeriodKey() {
		return this.periodKey;
	}

	public @Nullable BigDecimal getMeasuredNumber() {
		return this.measuredNumber;
	}

	public @Nullable String getMeasuredDuration() {
		return this.measuredDuration;
	}

	/**
	 * Returns the value as recorded: the number, or the duration in ISO-8601.
	 * @return the value
	 */
	public @Nullable String getValue() {
		return (this.measuredNumber != null) ? this.measuredNumber.stripTrailingZeros().toPlainString()
				: this.measuredDuration;
	}

	public boolean isMet() {
		return this.met;
	}

	public @Nullable String getNote() {
		return this.note;
	}

	public Instant getRecordedAt() {
		return this.recordedAt;
	}

}
