package jp.itaku.subcontract;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface SupervisionRepository extends JpaRepository<SupervisionRecord, UUID> {

	List<SupervisionRecord> findByContractIdOrderBySupervisedOnAsc(UUID contractId);

}
