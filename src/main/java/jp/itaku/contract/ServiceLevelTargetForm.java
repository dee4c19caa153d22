package jp.itaku.contract;

/**
 * One row of the service-level annex as an officer enters it, in the UI or the API. A row
 * whose name, target and notes are all blank is an unused row and is ignored; every other
 * row is checked by {@link ServiceLevelRules}.
 */
public class ServiceLevelTargetForm {

	private String name;

	private ServiceLevelMetric metric;

	private String target;

	private MeasurementPeriod measurementPeriod;

	private String notes;

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
	public ServiceLevelTargetForm(String name, ServiceLevelMetric metric, String target,
			MeasurementPeriod measurementPeriod, String notes) {
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

	public String getTarget() {
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

	public String getNotes() {
		return this.notes;
	}

	public void setNotes(String notes) {
		this.notes = notes;
	}

}
