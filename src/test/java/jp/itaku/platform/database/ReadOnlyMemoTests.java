package jp.itaku.platform.database;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What a read-only transaction remembers ({@link ReadOnlyMemo}) and how its reads are
 * focused ({@link ReadFocus}): a read is made once per read-only transaction and key,
 * afresh outside one, in a transaction that may write, and in a new transaction started
 * inside; a focus lasts for its reads only, and only in a read-only transaction.
 */
class ReadOnlyMemoTests {

	private final Object owner = new Object();

	private final AtomicInteger reads = new AtomicInteger();

	private final TransactionTemplate readOnly = template(true, TransactionDefinition.PROPAGATION_REQUIRED);

	private Integer read(Object key) {
		return ReadOnlyMemo.get(this.owner, key, this.reads::incrementAndGet);
	}

	@Test
	void aReadOnlyTransactionReadsEachKeyOnce() {
		this.readOnly.executeWithoutResult((status) -> {
			assertThat(read("a")).isEqualTo(1);
			assertThat(read("a")).isEqualTo(1);
			assertThat(read("b")).isEqualTo(2);
			// Another owner's reads are its own.
			assertThat(ReadOnlyMemo.get(new Object(), "a", this.reads::incrementAndGet)).isEqualTo(3);
		});
		// The next transaction reads again.
		this.readOnly.executeWithoutResult((status) -> assertThat(read("a")).isEqualTo(4));
	}

	@Test
	void outsideAReadOnlyTransactionEveryCallReads() {
		assertThat(read("a")).isEqualTo(1);
		assertThat(read("a")).isEqualTo(2);
		template(false, TransactionDefinition.PROPAGATION_REQUIRED).executeWithoutResult((status) -> {
			assertThat(read("a")).isEqualTo(3);
			assertThat(read("a")).isEqualTo(4);
		});
	}

	@Test
	void aNewTransactionInsideReadsForItself() {
		this.readOnly.executeWithoutResult((status) -> {
			assertThat(read("a")).isEqualTo(1);
			template(true, TransactionDefinition.PROPAGATION_REQUIRES_NEW)
				.executeWithoutResult((inner) -> assertThat(read("a")).isEqualTo(2));
			assertThat(read("a")).isEqualTo(1);
		});
	}

	@Test
	void aFocusLastsForItsReadsInAReadOnlyTransactionOnly() {
		UUID contract = UUID.randomUUID();
		assertThat(ReadFocus.onContract(contract, ReadFocus::contract)).isNull();
		this.readOnly.executeWithoutResult((status) -> {
			assertThat(ReadFocus.contract()).isNull();
			assertThat(ReadFocus.onContract(contract, ReadFocus::contract)).isEqualTo(contract);
			assertThatIllegalStateException()
				.isThrownBy(() -> ReadFocus.onContract(contract, () -> ReadFocus.onContract(contract, () -> 1)));
			assertThat(ReadFocus.contract()).isNull();
		});
		template(false, TransactionDefinition.PROPAGATION_REQUIRED)
			.executeWithoutResult((status) -> assertThat(ReadFocus.onContract(contract, ReadFocus::contract)).isNull());
	}

	private static TransactionTemplate template(boolean readOnly, int propagation) {
		TransactionTemplate template = new TransactionTemplate(new NoResourceTransactions());
		template.setReadOnly(readOnly);
		template.setPropagationBehavior(propagation);
		return template;
	}

	/** Transactions with their synchronizations and nothing else: no database. */
	private static final class NoResourceTransactions extends AbstractPlatformTransactionManager {

		private final ThreadLocal<Boolean> active = ThreadLocal.withInitial(() -> false);

		@Override
		protected Object doGetTransaction() {
			return this.active;
		}

		@Override
		protected boolean isExistingTransaction(Object transaction) {
			return this.active.get();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
			this.active.set(true);
		}

		@Override
		protected Object doSuspend(Object transaction) {
			this.active.set(false);
			return Boolean.TRUE;
		}

		@Override
		protected void doResume(Object transaction, Object suspended) {
			this.active.set(true);
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
			this.active.set(false);
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
			this.active.set(false);
		}

	}

}
