package jp.itaku.platform.database;

import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Narrows the reads of a read-only transaction to one contract: a page about one contract
 * (its overview's "what waits for you") asks the same modules as the inbox, whose reads
 * gather across every contract the user sees; focused, the contracts module lists only
 * this one (if the user sees it), so each module reads that contract's records instead of
 * all of them. The focus only narrows: the caller still keeps only the answers about the
 * contract, so a module that does not read through the contract list is answered in full
 * and filtered, never wrongly.
 */
public final class ReadFocus {

	private ReadFocus() {
	}

	/**
	 * Runs reads focused on one contract, when the current transaction is read-only; in a
	 * transaction that may write (a test's, a caller's own), the reads run unfocused,
	 * which the caller's filter makes the same answer.
	 * @param <T> the result's type
	 * @param contractId the contract
	 * @param reads the reads
	 * @return their result
	 * @throws IllegalStateException when the reads are already focused
	 */
	public static <T> T onContract(UUID contractId, Supplier<T> reads) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				|| !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			return reads.get();
		}
		if (contract() != null) {
			throw new IllegalStateException("The transaction's reads are already focused");
		}
		Focus focus = new Focus(contractId);
		TransactionSynchronizationManager.registerSynchronization(focus);
		try {
			return reads.get();
		}
		finally {
			focus.contractId = null;
		}
	}

	/**
	 * Returns the contract the current transaction's reads are focused on.
	 * @return the contract, or {@code null} when they are not focused
	 */
	public static @Nullable UUID contract() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return null;
		}
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof Focus focus && focus.contractId != null) {
				return focus.contractId;
			}
		}
		return null;
	}

	/** The focus, kept among the transaction's synchronizations and dropped with it. */
	private static final class Focus implements TransactionSynchronization {

		private @Nullable UUID contractId;

		Focus(UUID contractId) {
			this.contractId = contractId;
		}

		@Override
		public void afterCompletion(int status) {
			this.contractId = null;
		}

	}

}
