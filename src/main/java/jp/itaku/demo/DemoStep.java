package jp.itaku.demo;

/**
 * A part of the demo that builds on the demo contracts (rosters, training, IDs…), run in
 * {@link org.springframework.core.annotation.Order} after them. Adding a feature's demo
 * data means adding one step, not editing the contracts' seeding.
 */
interface DemoStep {

	/** Seeds this part of the demo. */
	void seed();

}
