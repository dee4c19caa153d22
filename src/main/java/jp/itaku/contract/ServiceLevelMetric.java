package jp.itaku.contract;

/**
 * How a service-level target is measured, as an SLA annex (サービスレベル合意書) states it: a share
 * that must be reached, a time that must not be exceeded, or a number of events that must
 * not be exceeded.
 */
public enum ServiceLevelMetric {

	/** At least the target percentage, 0–100 (e.g. システム稼働率 99.5% 以上). */
	PERCENT_MIN,

	/**
	 * Within the target time, an ISO-8601 duration in days, hours, minutes or seconds
	 * (e.g. 障害時の初動連絡 PT30M 以内).
	 */
	DURATION_MAX,

	/** At most the target number of events, a whole number (e.g. 重大障害 0 件以下). */
	COUNT_MAX

}
