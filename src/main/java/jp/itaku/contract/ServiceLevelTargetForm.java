package jp.itaku.contract;

import org.jspecify.annotations.Nullable;

/**
 * One row of the service-level annex as an officer enters it, in the UI or the API. A row
 * whose name, target and notes are all blank is an unused row and is ignored; every other
 * row is checked by {@link ServiceLevelRules}.
 */
// Bound from the request by Spring's data binder (or Jackson), which leaves a missing
// value
// null; problems() or Bean Validation rejects a missing required value before it is read.
@SuppressWarnings("NullAway.Init")
public class ServiceLevelTargetForm {

	private String name;

	private ServiceLevelMetric metric;

	private @Nullable String target;

	private MeasurementPeriod measurementPeriod;

	private @Nullable String notes;

	/**
	 * Creates an empty row.
	 */
	public ServiceLevelTargetForm() {
	}

	/**
	 * Creates a filled row.
	 * @param name the item, e.g. システム稼働率
	 * @param metric how it is measured
	 * @param target the target value: a percentage, an ISO-8601 duration or a count
	 * @param measurementPeriod the period it is measured over
	 * @param notes conditions and exceptions, may be {@code null}
	 */
	public ServiceLevelTargetForm(String name, ServiceLevelMetric metric, @Nullable String target,
			MeasurementPeriod measurementPeriod, @Nullable String notes) {
		this.name = name;
		this.metric = metric;
		this.target = target;
		this.measurementPeriod = measurementPeriod;
		this.notes = notes;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public ServiceLevelMetric getMetric() {
		return this.metric;
	}

	public void setMetric(ServiceLevelMetric metric) {
		this.metric = metric;
	}

	public @Nullable String getTarget() {
		return this.target;
	}

	public void setTarget(String target) {
		this.target = target;
	}

	public MeasurementPeriod getMeasurementPeriod() {
		return this.measurementPeriod;
	}

	public void setMeasurementPeriod(MeasurementPeriod measurementPeriod) {
		this.measurementPeriod = measurementPeriod;
	}

	public @Nullable String getNotes() {
		return this.notes;
	}

	public void setNotes(String notes) {
		this.notes = notes;
	}

}
