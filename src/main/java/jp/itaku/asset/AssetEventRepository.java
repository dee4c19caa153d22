package jp.itaku.asset;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface AssetEventRepository extends JpaRepository<AssetEvent, UUID> {

	List<AssetEvent> findByContractIdOrderByRecordedAtAsc(UUID contractId);

	List<AssetEvent> findByAssetIdOrderByRecordedAtAsc(UUID assetId);

	boolean existsByCorrectsId(UUID correctsId);

}
