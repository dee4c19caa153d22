package jp.itaku.selfinspection;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface SelfInspectionRepository extends JpaRepository<SelfInspection, UUID> {

	Optional<SelfInspection> findByContractIdAndMonth(UUID contractId, String month);

	List<SelfInspection> findByContractIdOrderByMonthAsc(UUID contractId);

}
