package jp.itaku.training;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface TrainingFilingRepository extends JpaRepository<TrainingFiling, UUID> {

	List<TrainingFiling> findByContractIdOrderByFiledAtDesc(UUID contractId);

	List<TrainingFiling> findBySubjectIdOrderByFiledAtDesc(UUID subjectId);

}
