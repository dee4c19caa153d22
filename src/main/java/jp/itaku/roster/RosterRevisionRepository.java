package jp.itaku.roster;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Stored revisions of roster members. */
interface RosterRevisionRepository extends JpaRepository<RosterRevision, UUID> {

	/**
	 * Returns each member's latest revision recorded before an instant.
	 * @param contractId the contract
	 * @param before the instant (exclusive)
	 * @return the roster as it stood then
	 */
	@Query(value = """
			select distinct on (member_id) * from roster_member_revision
			where contract_id = :contractId and recorded_at < :before
			order by member_id, recorded_at desc
			""", nativeQuery = true)
	List<RosterRevision> latestBefore(@Param("contractId") UUID contractId, @Param("before") Instant before);

}
