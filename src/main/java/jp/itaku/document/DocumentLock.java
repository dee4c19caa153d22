package jp.itaku.document;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Keeps the removal of unreferenced documents from breaking an upload that is about to
 * refer to one: every transaction that stores a document holds the lock shared until it
 * commits, and documents are removed only while it is held exclusively. Storing content
 * that was stored before only finds the old file; without the lock, the janitor could
 * remove that file between the finding and the commit of the record that refers to it.
 */
interface DocumentLock {

	/** No lock, for a store that no other writer shares (unit tests). */
	DocumentLock NONE = new DocumentLock() {

		@Override
		public void holdSharedUntilCommit() {
		}

		@Override
		public <T> Optional<T> tryExclusively(Supplier<T> work) {
			return Optional.ofNullable(work.get());
		}

	};

	/**
	 * Takes the lock shared for the current transaction, if there is one; waits while
	 * documents are being removed.
	 */
	void holdSharedUntilCommit();

	/**
	 * Runs work in a transaction of its own holding the lock exclusively, when no
	 * transaction that stores a document is running.
	 * @param <T> what the work returns
	 * @param work the work
	 * @return what the work returned; empty when the lock could not be taken at once
	 */
	<T> Optional<T> tryExclusively(Supplier<T> work);

}
