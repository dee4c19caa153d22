package jp.itaku.demo;

import jp.itaku.contract.Contract;
import jp.itaku.platform.Actor;

/**
 * A part of the demo that builds on the demo contracts (rosters, training, IDs…), run in
 * {@link org.springframework.core.annotation.Order} after them. Adding a feature's demo
 * data means adding one step, not editing the contracts' seeding.
 */
interface DemoStep {

	/**
	 * Seeds this part of the demo.
	 * @param demo the demo contracts and their contractors' leads
	 */
	void seed(DemoContractsSeeded demo);

	/**
	 * The demo contracts, once seeded.
	 *
	 * @param lead the lead of 株式会社みらいデータサービス (Setagaya and Kadoma contracts)
	 * @param lead2 the lead of 株式会社さくら情報システム (Nerima contract)
	 * @param setagaya the contract under the Setagaya profile
	 * @param kadoma the contract under the Kadoma profile
	 * @param nerima the contract under the Nerima profile
	 */
	record DemoContractsSeeded(Actor lead, Actor lead2, Contract setagaya, Contract kadoma, Contract nerima) {
	}

}
