package jp.itaku.worksite;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface EntryLogRepository extends JpaRepository<EntryLogEntry, UUID> {

	List<EntryLogEntry> findByContractIdAndEnteredAtGreaterThanEqualAndEnteredAtLessThanOrderByEnteredAtAsc(
			UUID contractId, Instant from, Instant to);

	List<EntryLogEntry> findByContractIdAndMatchOrderByEnteredAtDesc(UUID contractId, EntryLogEntry.Match match);

	List<EntryLogEntry> findByContractIdAndLeftAtIsNullOrderByEnteredAtAsc(UUID contractId);

	long countByContractIdAndMatch(UUID contractId, EntryLogEntry.Match match);

}
