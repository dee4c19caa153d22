package jp.itaku.servicelevel;

import org.jspecify.annotations.Nullable;

/**
 * A measurement as entered: which target, which period, the actual value and a remark. A
 * time is entered as minutes, hours or days (30分, 2時間, 1日) or in ISO-8601 (PT30M).
 */
// Bound from the request by Spring's data binder (or Jackson), which leaves a missing
// value
// null; problems() or Bean Validation rejects a missing required value before it is read.
@SuppressWarnings("NullAway.Init")
public class MeasurementForm {

	private String target;

	private String period;

	private String value;

	private @Nullable String note;

	public String getTarget() {
		return this.target;
	}

	public void setTarget(String target) {
		this.target = target;
	}

	public String getPeriod() {
		return this.period;
	}

	public void setPeriod(String period) {
		this.period = period;
	}

	public String getValue() {
		return this.value;
	}

	public void setValue(String value) {
		this.value = value;
	}

	public @Nullable String getNote() {
		return this.note;
	}

	public void setNote(@Nullable String note) {
		this.note = note;
	}

}
