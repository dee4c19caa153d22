package jp.itaku.asset;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface AssetRequestItemRepository extends JpaRepository<AssetRequestItem, AssetRequestItem.Key> {

	List<AssetRequestItem> findByRequestIdOrderByPositionAsc(UUID requestId);

	List<AssetRequestItem> findByAssetId(UUID assetId);

}
