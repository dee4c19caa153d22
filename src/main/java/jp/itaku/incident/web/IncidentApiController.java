package jp.itaku.incident.web;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jp.itaku.platform.TextLimit;
import jp.itaku.incident.Incident;
import jp.itaku.incident.IncidentCategory;
import jp.itaku.incident.IncidentForm;
import jp.itaku.incident.IncidentStatus;
import jp.itaku.incident.IncidentUpdate;
import jp.itaku.incident.Incidents;
import jp.itaku.incident.Publication;
import jp.itaku.incident.ReportDeadline;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.web.Downloads;
import jp.itaku.platform.web.Idempotent;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Incidents over the REST API, scoped and audited as on the pages: a contract's incidents
 * and reporting one, one incident with its timeline (the view is audited), and the
 * actions of each side. Times are instants (UTC); {@code detectedAt} in a report is a
 * Tokyo local date-time, as on the form.
 */
@RestController
class IncidentApiController {

	private final Incidents incidents;

	IncidentApiController(Incidents incidents) {
		this.incidents = incidents;
	}

	@GetMapping("/api/v1/contracts/{id}/incidents")
	List<IncidentView> list(@PathVariable("id") UUID contractId) {
		Incidents.ContractIncidents list = this.incidents.list(CurrentActor.require(), contractId);
		return list.incidents().stream().map((i) -> IncidentView.of(i, list.deadlines().get(i.getId()), null)).toList();
	}

	@PostMapping("/api/v1/contracts/{id}/incidents")
	@Idempotent
	ResponseEntity<IncidentView> report(@PathVariable("id") UUID contractId,
			@RequestBody(required = false) IncidentForm form) {
		Incident incident = this.incidents.report(CurrentActor.require(), contractId,
				(form != null) ? form : new IncidentForm());
		return ResponseEntity.created(URI.create("/api/v1/incidents/" + incident.getId())).body(view(incident));
	}

	@GetMapping("/api/v1/incidents/{id}")
	IncidentView get(@PathVariable("id") UUID incidentId) {
		Incidents.Detail detail = this.incidents.detail(CurrentActor.require(), incidentId);
		return IncidentView.of(detail.incident(), detail.reportDeadline(), detail.timeline());
	}

	@PostMapping("/api/v1/incidents/{id}/acknowledge")
	IncidentView acknowledge(@PathVariable("id") UUID incidentId) {
		return view(this.incidents.acknowledge(CurrentActor.require(), incidentId));
	}

	@PostMapping("/api/v1/incidents/{id}/updates")
	TimelineView update(@PathVariable("id") UUID incidentId, @RequestBody(required = false) Text body) {
		return TimelineView
			.of(this.incidents.addUpdate(CurrentActor.require(), incidentId, (body != null) ? body.text() : null));
	}

	@PostMapping("/api/v1/incidents/{id}/instructions")
	TimelineView instruct(@PathVariable("id") UUID incidentId, @RequestBody(required = false) Text body) {
		return TimelineView
			.of(this.incidents.instruct(CurrentActor.require(), incidentId, (body != null) ? body.text() : null));
	}

	@PostMapping("/api/v1/incidents/{id}/cause")
	IncidentView cause(@PathVariable("id") UUID incidentId, @RequestBody(required = false) Cause body) {
		return view(this.incidents.recordCause(CurrentActor.require(), incidentId, (body != null) ? body.cause() : null,
				(body != null) ? body.prevention() : null));
	}

	@PostMapping("/api/v1/incidents/{id}/close")
	IncidentView close(@PathVariable("id") UUID incidentId, @RequestBody(required = false) Closing body) {
		return view(this.incidents.close(CurrentActor.require(), incidentId, (body != null) ? body.note() : null));
	}

	@PostMapping("/api/v1/incidents/{id}/publication")
	IncidentView publication(@PathVariable("id") UUID incidentId, @RequestBody(required = false) Decision body) {
		return view(this.incidents.decidePublication(CurrentActor.require(), incidentId,
				(body != null) ? body.publication() : null, (body != null) ? body.reason() : null));
	}

	/**
	 * An incident changed by the request, with the deadline of its report.
	 */
	private IncidentView view(Incident incident) {
		return IncidentView.of(incident, this.incidents.reportDeadline(incident).orElse(null), null);
	}

	@GetMapping("/api/v1/incidents/{id}/report.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable("id") UUID incidentId) throws IOException {
		Incidents.OpenedReport report = this.incidents.openReport(CurrentActor.require(), incidentId);
		return Downloads.entity(report.fileName(), report.content());
	}

	/**
	 * A text: an update or an instruction.
	 *
	 * @param text the text
	 */
	record Text(@TextLimit(4000) String text) {
	}

	/**
	 * The cause and the recurrence prevention.
	 *
	 * @param cause the cause
	 * @param prevention the measures
	 */
	record Cause(@TextLimit(4000) String cause, @TextLimit(4000) String prevention) {
	}

	/**
	 * A closure.
	 *
	 * @param note why (optional)
	 */
	record Closing(String note) {
	}

	/**
	 * A publication decision.
	 *
	 * @param publication publish or not
	 * @param reason why
	 */
	record Decision(Publication publication, String reason) {
	}

	/**
	 * An incident as the API shows it.
	 *
	 * @param id the incident
	 * @param contractId its contract
	 * @param number e.g. INC-3
	 * @param category what happened
	 * @param suspected only suspected
	 * @param status where it stands
	 * @param detectedAt when detected
	 * @param reportedAt when reported
	 * @param reporterName who reported
	 * @param location where
	 * @param description what happened
	 * @param information which information
	 * @param recordCount how many records
	 * @param containment immediate measures
	 * @param immediately the contract's "immediately", which the acknowledgement is
	 * measured against
	 * @param detectionToReportSeconds seconds from detection to report
	 * @param reportedInTime whether the report came within the term of the clause that
	 * applies ({@code reportDeadline}); {@code null} when the profile asks for no report
	 * @param reportDeadline when the report was due: the clause, its term and the due
	 * date (and instant, for a term in hours); {@code null} when the profile asks for no
	 * report
	 * @param acknowledgedAt when acknowledged
	 * @param reportToAcknowledgementSeconds seconds from report to acknowledgement
	 * @param cause the cause
	 * @param prevention the recurrence prevention
	 * @param closedAt when closed
	 * @param publication the publication decision
	 * @param publicationReason its reason
	 * @param reportSha256 the incident report PDF's hash
	 * @param timeline the timeline (one incident only)
	 */
	record IncidentView(UUID id, UUID contractId, String number, IncidentCategory category, boolean suspected,
			IncidentStatus status, Instant detectedAt, Instant reportedAt, String reporterName, String location,
			String description, @Nullable String information, @Nullable Integer recordCount,
			@Nullable String containment, String immediately, long detectionToReportSeconds,
			@Nullable Boolean reportedInTime, @Nullable ReportDeadline reportDeadline, @Nullable Instant acknowledgedAt,
			@Nullable Long reportToAcknowledgementSeconds, @Nullable String cause, @Nullable String prevention,
			@Nullable Instant closedAt, @Nullable Publication publication, @Nullable String publicationReason,
			@Nullable String reportSha256, @Nullable List<TimelineView> timeline) {

		static IncidentView of(Incident i, @Nullable ReportDeadline deadline, @Nullable List<IncidentUpdate> timeline) {
			return new IncidentView(i.getId(), i.getContractId(), i.getNumber(), i.getCategory(), i.isSuspected(),
					i.getStatus(), i.getDetectedAt(), i.getReportedAt(), i.getReporterName(), i.getLocation(),
					i.getDescription(), i.getInformation(), i.getRecordCount(), i.getContainment(), i.getImmediately(),
					i.getDetectionToReport().toSeconds(), (deadline != null) ? deadline.met() : null, deadline,
					i.getAcknowledgedAt(),
					(i.getReportToAcknowledgement() != null) ? i.getReportToAcknowledgement().toSeconds() : null,
					i.getCause(), i.getPrevention(), i.getClosedAt(), i.getPublication(), i.getPublicationReason(),
					i.getReportSha256(), (timeline != null) ? timeline.stream().map(TimelineView::of).toList() : null);
		}

	}

	/**
	 * A line of the timeline.
	 *
	 * @param id the line
	 * @param kind what it records
	 * @param text its text
	 * @param authorName who
	 * @param clientSide written by the client
	 * @param occurredAt when
	 */
	record TimelineView(UUID id, IncidentUpdate.Kind kind, @Nullable String text, String authorName, boolean clientSide,
			Instant occurredAt) {

		static TimelineView of(IncidentUpdate u) {
			return new TimelineView(u.getId(), u.getKind(), u.getText(), u.getAuthorName(), u.isClientSide(),
					u.getOccurredAt());
		}

	}

}
