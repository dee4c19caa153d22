package jp.itaku.asset;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface AssetShipmentRepository extends JpaRepository<AssetShipment, UUID> {

	List<AssetShipment> findByContractIdOrderByShippedAtDesc(UUID contractId);

	long countByContractId(UUID contractId);

}
