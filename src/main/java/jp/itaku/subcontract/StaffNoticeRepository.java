package jp.itaku.subcontract;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface StaffNoticeRepository extends JpaRepository<StaffNotice, UUID> {

	List<StaffNotice> findByContractIdOrderByFiledAtAsc(UUID contractId);

	long countBySubcontractId(UUID subcontractId);

}
