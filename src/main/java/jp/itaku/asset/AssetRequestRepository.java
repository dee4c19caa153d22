package jp.itaku.asset;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AssetRequestRepository extends JpaRepository<AssetRequest, UUID> {

	List<AssetRequest> findByContractIdOrderByRequestedAtDesc(UUID contractId);

	List<AssetRequest> findByContractIdInAndStatusOrderByRequestedAtAsc(Collection<UUID> contractIds,
			RequestStatus status);

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
