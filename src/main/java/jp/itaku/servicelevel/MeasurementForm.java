package jp.itaku.servicelevel;

/**
 * A measurement as entered: which target, which period, the actual value and a remark. A
 * time is entered as minutes, hours or days (30分, 2時間, 1日) or in ISO-8601 (PT30M).
 */
public class MeasurementForm {

	private String target;

	private String period;

	private String value;

	private String note;

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

	public String getNote() {
		return this.note;
	}

	public void setNote(String note) {
		this.note = note;
	}

}
