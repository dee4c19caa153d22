package jp.itaku.roster;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** Stored roster notices. */
interface RosterNoticeRepository extends JpaRepository<RosterNotice, UUID> {

	List<RosterNotice> findByContractIdOrderByNumberDesc(UUID contractId);

	long countByContractId(UUID contractId);

}
