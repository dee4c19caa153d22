package jp.itaku.roster;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Stored roster members. Unscoped: {@link Rosters} scopes every read through the
 * contract.
 */
interface RosterMemberRepository extends JpaRepository<RosterMember, UUID> {

	List<RosterMember> findByContractIdOrderByPeriodStartAscNameAsc(UUID contractId);

	long countByContractId(UUID contractId);

	@Query("select max(m.updatedAt) from RosterMember m where m.contractId = :contractId")
	@Nullable Instant lastUpdate(UUID contractId);

}
