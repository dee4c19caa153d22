package jp.itaku.notice;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface NoticeRepository extends JpaRepository<Notice, UUID> {

	List<Notice> findByContractIdOrderBySeqDesc(UUID contractId);

	@Query("select coalesce(max(n.seq), 0) from Notice n where n.contractId = ?1")
	int lastSeq(UUID contractId);

}
