package jp.itaku.incident;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface IncidentRepository extends JpaRepository<Incident, UUID> {

	List<Incident> findByContractIdOrderByReportedAtDesc(UUID contractId);

	List<Incident> findByClientOrganisationIdAndStatusNotOrderByReportedAtDesc(UUID organisationId,
			IncidentStatus status);

	List<Incident> findByContractorOrganisationIdAndStatusNotOrderByReportedAtDesc(UUID organisationId,
			IncidentStatus status);

	List<Incident> findByReporterOrganisationIdAndStatusNotOrderByReportedAtDesc(UUID organisationId,
			IncidentStatus status);

	List<Incident> findByStatusNotOrderByReportedAtDesc(IncidentStatus status);

	@Query("select coalesce(max(i.seq), 0) from Incident i where i.contractId = ?1")
	int lastSeq(UUID contractId);

}
