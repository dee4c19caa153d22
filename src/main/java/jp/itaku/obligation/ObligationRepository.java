package jp.itaku.obligation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Stored {@link Obligation} records. Unscoped: only {@link Obligations} uses it, and it
 * scopes every read through the contract.
 */
interface ObligationRepository extends JpaRepository<Obligation, UUID> {

	List<Obligation> findByContractIdOrderByDueDateAscClauseRefAsc(UUID contractId);

	List<Obligation> findByContractIdAndOwedByInOrderByDueDateAscClauseRefAsc(UUID contractId, Collection<UUID> owedBy);

	/**
	 * The obligations of some contracts still to be submitted (open or returned), the
	 * soonest due first: in SQL, the contracts bound as one array, as {@link #inState}
	 * (the lead's to-do list holds every contract the lead sees; the reminder job's,
	 * every active contract).
	 * @param contractIds the contracts
	 * @return the obligations
	 */
	@Query(value = "select * from obligation where contract_id = any(:contracts) and status in ('OPEN', 'RETURNED')"
			+ " order by due_date", nativeQuery = true)
	List<Obligation> pendingIn(@Param("contracts") UUID[] contractIds);

	/**
	 * As {@link #pendingIn}, only those a subcontractor owes.
	 * @param contractIds the contracts
	 * @param owedBy the subcontractor's organisation
	 * @return the obligations
	 */
	@Query(value = "select * from obligation where contract_id = any(:contracts) and owed_by = :owedBy"
			+ " and status in ('OPEN', 'RETURNED') order by due_date", nativeQuery = true)
	List<Obligation> pendingOwedIn(@Param("contracts") UUID[] contractIds, @Param("owedBy") UUID owedBy);

	/**
	 * The obligations of some contracts in one state, the soonest due first, at most
	 * {@code limit}: in SQL, the contracts bound as one array, so that Hibernate keeps
	 * the query's plan (a derived query's list of ids, bound one by one, is translated
	 * again on every call; the inbox's list holds every contract the user sees).
	 * @param contractIds the contracts
	 * @param status the state
	 * @param limit the most to return
	 * @return the obligations
	 */
	@Query(value = "select * from obligation where contract_id = any(:contracts) and status = :status"
			+ " order by due_date limit :limit", nativeQuery = true)
	List<Obligation> inState(@Param("contracts") UUID[] contractIds, @Param("status") String status,
			@Param("limit") int limit);

	/**
	 * Reads an obligation and locks its row until the transaction ends, so that of two
	 * submissions at once the second waits and then reads what the first committed.
	 * @param id the obligation
	 * @return the obligation
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select o from Obligation o where o.id = :id")
	Optional<Obligation> findForSubmission(@Param("id") UUID id);

}
