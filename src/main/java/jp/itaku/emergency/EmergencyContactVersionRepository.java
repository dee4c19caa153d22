package jp.itaku.emergency;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface EmergencyContactVersionRepository extends JpaRepository<EmergencyContactVersion, UUID> {

	List<EmergencyContactVersion> findByListIdOrderByNumberDesc(UUID listId);

	Optional<EmergencyContactVersion> findFirstByListIdOrderByNumberDesc(UUID listId);

	Optional<EmergencyContactVersion> findByContractIdAndNumber(UUID contractId, int number);

}
