package jp.itaku.document;

import jp.itaku.platform.database.TransactionLocks;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@link DocumentLock} of all nodes: a PostgreSQL transaction-level advisory lock in
 * the two-key space ({@code 'ITKU'}, 1), so it ends with the transaction that holds it,
 * also when its node dies.
 */
@Component
class DatabaseDocumentLock implements DocumentLock {

	/** "ITKU" as a 32-bit integer: Itaku's advisory locks of two keys. */
	private static final int ITAKU = 0x49544B55;

	private static final int DOCUMENTS = 1;

	private final TransactionLocks locks;

	private final TransactionTemplate transaction;

	DatabaseDocumentLock(TransactionLocks locks, PlatformTransactionManager transactions) {
		this.locks = locks;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public void holdSharedUntilCommit() {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			this.locks.lockShared(ITAKU, DOCUMENTS);
		}
	}

	@Override
	public <T> Optional<T> tryExclusively(Supplier<T> work) {
		return this.transaction.execute((status) -> {
			boolean locked = this.locks.tryLock(ITAKU, DOCUMENTS);
			return locked ? Optional.ofNullable(work.get()) : Optional.empty();
		});
	}

}
