package jp.itaku.contract;

/**
 * The period over which a service-level target is measured and reported (測定期間).
 */
public enum MeasurementPeriod {

	/** 月次: each calendar month. */
	MONTHLY,

	/** 四半期: each quarter of the fiscal year. */
	QUARTERLY,

	/** 年次: each fiscal year. */
	YEARLY

}
