package jp.itaku.roster;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** Stored roster changes. */
interface RosterChangeRepository extends JpaRepository<RosterChange, UUID> {

	List<RosterChange> findByContractIdAndNoticeIdIsNullOrderByOccurredAtAsc(UUID contractId);

	List<RosterChange> findByNoticeIdOrderByOccurredAtAsc(UUID noticeId);

	List<RosterChange> findByContractIdAndMemberIdInOrderByOccurredAtAsc(UUID contractId, Collection<UUID> memberIds);

}
