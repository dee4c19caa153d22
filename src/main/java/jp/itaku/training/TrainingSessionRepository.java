package jp.itaku.training;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TrainingSessionRepository extends JpaRepository<TrainingSession, UUID> {

	List<TrainingSession> findByContractIdOrderByHeldOnDescRecordedAtDesc(UUID contractId);

	@Query("select distinct s from TrainingSession s join s.attendances a where a.memberId = :memberId")
	List<TrainingSession> findByAttendee(@Param("memberId") UUID memberId);

}
