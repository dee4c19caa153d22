package jp.itaku.clientid.web;

import java.util.List;

import jp.itaku.clientid.ClientIds;
import jp.itaku.contract.Contract;
import jp.itaku.platform.CurrentActor;

import org.springframework.stereotype.Component;

/**
 * What the contract page shows of the contract's client-issued IDs: the link to them,
 * with the number of findings, for contracts whose clauses deal with them (or that have
 * IDs on record). Used from the template as {@code @clientIdLinks}.
 */
@Component("clientIdLinks")
public class ClientIdLinks {

	private final ClientIds ids;

	ClientIdLinks(ClientIds ids) {
		this.ids = ids;
	}

	/**
	 * Returns the summary to show, as a list so that the template iterates zero or one
	 * time.
	 * @param contract the contract shown
	 * @return the summary, or nothing when the contract has nothing to do with IDs
	 */
	public List<ClientIds.Summary> of(Contract contract) {
		return CurrentActor.find()
			.map((actor) -> this.ids.summary(actor, contract.getId()))
			.filter((s) -> s.applies() || s.activeIds() > 0)
			.map(List::of)
			.orElse(List.of());
	}

}
