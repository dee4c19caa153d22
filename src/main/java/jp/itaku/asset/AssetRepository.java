package jp.itaku.asset;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface AssetRepository extends JpaRepository<Asset, UUID> {

	List<Asset> findByContractIdOrderByCreatedAtAscPositionAsc(UUID contractId);

	List<Asset> findByReceiptIdOrderByPositionAsc(UUID receiptId);

}
