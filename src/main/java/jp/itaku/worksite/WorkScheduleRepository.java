package jp.itaku.worksite;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface WorkScheduleRepository extends JpaRepository<WorkSchedule, UUID> {

	List<WorkSchedule> findByContractIdAndMonthOrderByVersionDesc(UUID contractId, String month);

	Optional<WorkSchedule> findFirstByContractIdAndMonthOrderByVersionDesc(UUID contractId, String month);

	List<WorkSchedule> findByContractIdOrderByMonthAscVersionAsc(UUID contractId);

}
