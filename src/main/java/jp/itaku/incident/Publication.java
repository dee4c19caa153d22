package jp.itaku.incident;

/**
 * The client's decision whether to publish an incident, naming the contractor (Nerima 25,
 * Gunma 16③, Kadoma 12(1)ウ).
 */
public enum Publication {

	/** The client publishes the incident. */
	PUBLISH,

	/** The client does not publish it. */
	NOT_PUBLISH

}
