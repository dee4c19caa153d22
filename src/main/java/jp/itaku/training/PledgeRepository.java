package jp.itaku.training;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface PledgeRepository extends JpaRepository<Pledge, UUID> {

	List<Pledge> findByContractIdOrderByCreatedAtDesc(UUID contractId);

	List<Pledge> findByMemberIdOrderByCreatedAtDesc(UUID memberId);

	List<Pledge> findByMemberIdInOrderByCreatedAtDesc(Collection<UUID> memberIds);

	boolean existsByMemberIdAndSignedViaIsNotNull(UUID memberId);

}
