package jp.itaku.training;

/**
 * What a session is: training in information security (教育・研修, Setagaya 16, Kadoma 5,
 * Nerima 9), or an emergency-response drill (緊急時対応訓練, Setagaya 16, Nerima 24③).
 */
public enum SessionKind {

	/** A training session; attending one makes a worker trained. */
	TRAINING,

	/** An emergency-response drill. */
	DRILL

}
