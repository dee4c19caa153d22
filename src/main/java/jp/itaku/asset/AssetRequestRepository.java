package jp.itaku.asset;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AssetRequestRepository extends JpaRepository<AssetRequest, UUID> {

	List<AssetRequest> findByContractIdOrderByRequestedAtDesc(UUID contractId);

	/**
	 * The requests of some contracts in one state, the oldest first: in SQL, the
	 * contracts bound as one array, so that Hibernate keeps the query's plan (a derived
	 * query's list of ids, bound one by one, is translated again on every call).
	 * @param contractIds the contracts
	 * @param status the state
	 * @return the requests
	 */
	@Query(value = "select * from asset_request where contract_id = any(:contracts) and status = :status"
			+ " order by requested_at", nativeQuery = true)
	List<AssetRequest> inState(@Param("contracts") UUID[] contractIds, @Param("status") String status);

	@Query("select coalesce(max(r.seq), 0) from AssetRequest r where r.contractId = :contract and r.requestYear = :year")
	int lastSeq(@Param("contract") UUID contractId, @Param("year") int year);

	@Query("select r from AssetRequest r where r.type = jp.itaku.asset.RequestType.TAKE_OUT"
			+ " and r.status = jp.itaku.asset.RequestStatus.IN_PROGRESS and r.plannedEnd < :now"
			+ " order by r.plannedEnd")
	List<AssetRequest> overdueTakeOuts(@Param("now") Instant now);

	@Query("select r from AssetRequest r where r.type = jp.itaku.asset.RequestType.TAKE_OUT"
			+ " and r.status = jp.itaku.asset.RequestStatus.IN_PROGRESS and r.plannedEnd < :now"
			+ " and r.overdueNotifiedAt is null order by r.plannedEnd")
	List<AssetRequest> overdueUnnotified(@Param("now") Instant now);

}
