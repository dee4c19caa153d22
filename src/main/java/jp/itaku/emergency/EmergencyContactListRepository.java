package jp.itaku.emergency;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface EmergencyContactListRepository extends JpaRepository<EmergencyContactList, UUID> {

	Optional<EmergencyContactList> findByContractId(UUID contractId);

	List<EmergencyContactList> findByContractIdIn(Collection<UUID> contractIds);

}
