package jp.itaku.roster;

import java.util.UUID;

/**
 * Tells whether a worker may start: a signed pledge and a training record. Implemented by
 * the module that keeps pledges and training; without it nobody is ready and every
 * activation needs the lead's override.
 */
public interface WorkerReadiness {

	/**
	 * Returns a worker's readiness.
	 * @param memberId the roster member
	 * @return what the worker has and lacks
	 */
	Readiness of(UUID memberId);

	/**
	 * A worker's readiness.
	 *
	 * @param pledged a signed pledge is on record
	 * @param trained a training record is on file
	 */
	record Readiness(boolean pledged, boolean trained) {

		/** Nothing on record. */
		public static final Readiness NONE = new Readiness(false, false);

		/**
		 * Returns whether the worker may start.
		 * @return {@code true} with a pledge and training
		 */
		public boolean ready() {
			return this.pledged && this.trained;
		}

	}

}
