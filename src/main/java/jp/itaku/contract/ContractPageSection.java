package jp.itaku.contract;

import java.util.Optional;

import jp.itaku.platform.Actor;
import jp.itaku.platform.PageFragment;

import org.springframework.modulith.NamedInterface;

/**
 * A tool a module adds to a contract's page for the contract's parties (the client's ID
 * register with its open findings, the emergency contacts with a due confirmation, the
 * work schedules and entry log with flagged entries). The contract page collects every
 * implementation in their {@link org.springframework.core.annotation.Order order}, so the
 * page's module does not depend on the modules that contribute.
 */
@NamedInterface("sections")
public interface ContractPageSection {

	/**
	 * Returns the section for a party to the contract.
	 * @param actor the signed-in user, a party to the contract
	 * @param contract the contract the page shows
	 * @return the section, or empty when it shows nothing to this user
	 */
	Optional<PageFragment> section(Actor actor, Contract contract);

}
