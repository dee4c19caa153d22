package jp.itaku.asset;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AssetReceiptRepository extends JpaRepository<AssetReceipt, UUID> {

	List<AssetReceipt> findByContractIdOrderByReceivedAtDesc(UUID contractId);

	@Query("select coalesce(max(r.seq), 0) from AssetReceipt r where r.contractId = ?1 and r.receiptYear = ?2")
	int lastSeq(UUID contractId, int year);

}
