package jp.itaku.incident;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface IncidentUpdateRepository extends JpaRepository<IncidentUpdate, UUID> {

	List<IncidentUpdate> findByIncidentIdOrderByOccurredAtAsc(UUID incidentId);

}
