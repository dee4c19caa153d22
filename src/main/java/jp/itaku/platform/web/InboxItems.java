package jp.itaku.platform.web;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jp.itaku.platform.Actor;
import jp.itaku.platform.database.ReadFocus;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What waits for a user, gathered from every {@link InboxSource} in one read-only
 * transaction, the earliest deadline first: the inbox, the navigation's count and a
 * contract's overview all gather it here. In one transaction the sources share what they
 * all read first (the contracts the user sees, remembered by
 * {@link jp.itaku.platform.database.ReadOnlyMemo}) instead of each reading it again.
 */
@Component
public class InboxItems {

	private final ObjectProvider<InboxSource> sources;

	private final TransactionTemplate readOnly;

	InboxItems(ObjectProvider<InboxSource> sources, PlatformTransactionManager transactions) {
		this.sources = sources;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/**
	 * Gathers what waits for the user.
	 * @param actor the signed-in user
	 * @return the items, the earliest deadline first
	 */
	public List<InboxItem> of(Actor actor) {
		return Objects.requireNonNull(this.readOnly.execute((status) -> gather(actor)));
	}

	/**
	 * Counts what waits for the user: {@code of(actor).size()}, each source counting
	 * without reading its items where it can ({@link InboxSource#countFor}).
	 * @param actor the signed-in user
	 * @return the count
	 */
	public int count(Actor actor) {
		return Objects.requireNonNull(this.readOnly
			.execute((status) -> this.sources.orderedStream().mapToInt((source) -> source.countFor(actor)).sum()));
	}

	/**
	 * Gathers what waits for the user on one contract, the sources' reads focused on it
	 * ({@link ReadFocus}).
	 * @param actor the signed-in user
	 * @param contractId the contract
	 * @param label the contract's number and title, as the items name their contract
	 * @return the contract's items, the earliest deadline first
	 */
	public List<InboxItem> of(Actor actor, UUID contractId, String label) {
		return Objects.requireNonNull(this.readOnly.execute((status) -> ReadFocus.onContract(contractId,
				() -> gather(actor).stream().filter((item) -> item.contract().equals(label)).toList())));
	}

	private List<InboxItem> gather(Actor actor) {
		return this.sources.orderedStream()
			.flatMap((source) -> source.itemsFor(actor).stream())
			.sorted(InboxItem.ORDER)
			.toList();
	}

}
