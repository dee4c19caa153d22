package jp.itaku.servicelevel;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ServiceLevelMeasurementRepository extends JpaRepository<ServiceLevelMeasurement, UUID> {

	List<ServiceLevelMeasurement> findByContractIdOrderByPeriodKeyDesc(UUID contractId);

	Optional<ServiceLevelMeasurement> findByContractIdAndTargetNameAndPeriodKey(UUID contractId, String targetName,
			String periodKey);

}
