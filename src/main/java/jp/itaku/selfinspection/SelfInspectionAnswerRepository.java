package jp.itaku.selfinspection;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface SelfInspectionAnswerRepository extends JpaRepository<SelfInspectionAnswer, UUID> {

	List<SelfInspectionAnswer> findByInspectionIdOrderByPositionAsc(UUID inspectionId);

}
