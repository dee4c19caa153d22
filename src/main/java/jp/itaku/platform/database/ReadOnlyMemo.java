package jp.itaku.platform.database;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Remembers a read for the rest of the current read-only transaction: a page that asks
 * several modules the same question (which contracts the user sees, for each of the
 * inbox's sources) reads the answer once. Outside a read-only transaction every call
 * reads afresh, so that nothing read before a write in the same transaction is answered
 * after it; a read-only transaction writes nothing, so what it read stays true for it.
 * What is remembered belongs to the transaction's persistence context and is dropped when
 * the transaction ends.
 */
public final class ReadOnlyMemo {

	private ReadOnlyMemo() {
	}

	/**
	 * Returns what was read for the key in this read-only transaction, or reads it now.
	 * @param <T> the read's type
	 * @param owner the reader, whose reads are remembered together (a bean, one object
	 * for its lifetime)
	 * @param key what was asked, with every argument that changes the answer
	 * @param read the read
	 * @return the answer
	 */
	@SuppressWarnings("unchecked")
	public static <T> T get(Object owner, Object key, Supplier<T> read) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				|| !TransactionSynchronizationManager.isActualTransactionActive()
				|| !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			return read.get();
		}
		// Kept among the transaction's synchronizations, which a transaction started
		// inside this one (REQUIRES_NEW) does not see: its reads are its own.
		Remembered remembered = null;
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof Remembered r && r.owner == owner) {
				remembered = r;
				break;
			}
		}
		if (remembered == null) {
			remembered = new Remembered(owner);
			TransactionSynchronizationManager.registerSynchronization(remembered);
		}
		Object known = remembered.reads.get(key);
		if (known == null) {
			known = read.get();
			remembered.reads.put(key, known);
		}
		return (T) known;
	}

	/** One reader's reads in one transaction, dropped with it. */
	private static final class Remembered implements TransactionSynchronization {

		private final Object owner;

		private final Map<Object, Object> reads = new HashMap<>();

		Remembered(Object owner) {
			this.owner = owner;
		}

		@Override
		public void afterCompletion(int status) {
			this.reads.clear();
		}

	}

}
