package jp.itaku.roster;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stored roster members. Unscoped: {@link Rosters} scopes every read through the
 * contract.
 */
interface RosterMemberRepository extends JpaRepository<RosterMember, UUID> {

	List<RosterMember> findByContractIdOrderByPeriodStartAscNameAsc(UUID contractId);

}
