package jp.itaku.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jp.itaku.platform.InvalidInputProblem;

import org.jspecify.annotations.Nullable;

/**
 * An incident (事故・インシデント) on a contract, as the contractor's side reported it, and what
 * followed: acknowledgement by the client's security administrator, cause analysis and
 * recurrence prevention (Nerima 24⑵⑶), closure by the client and the client's publication
 * decision (Nerima 25, Gunma 16③, Kadoma 12(1)ウ). The transitions are guarded here:
 * reported → acknowledged → closed; nothing is recorded on a closed incident except the
 * publication decision, which is taken once.
 */
@Entity
@Table(name = "incident")
public class Incident {

	static final int NOTE_MAX = 2000;

	@Id
	private UUID id;

	@Column(name = "contract_id", nullable = false, updatable = false)
	private UUID contractId;

	@Column(name = "client_organisation_id", nullable = false, updatable = false)
	private UUID clientOrganisationId;

	@Column(name = "contractor_organisation_id", nullable = false, updatable = false)
	private UUID contractorOrganisationId;

	@Column(nullable = false, updatable = false)
	private int seq;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private IncidentCategory category;

	@Column(nullable = false, updatable = false)
	private boolean suspected;

	@Column(name = "detected_at", nullable = false, updatable = false)
	private Instant detectedAt;

	@Column(nullable = false, updatable = false)
	private String location;

	@Column(nullable = false, updatable = false)
	private String description;

	@Column(updatable = false)
	private @Nullable String information;

	@Column(name = "record_count", updatable = false)
	private Integer recordCount;

	@Column(updatable = false)
	private @Nullable String containment;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private IncidentStatus status = IncidentStatus.REPORTED;

	@Column(nullable = false, updatable = false)
	private String immediately;

	@Column(name = "reported_at", nullable = false, updatable = false)
	private Instant reportedAt;

	@Column(name = "reported_by", nullable = false, updatable = false)
	private UUID reportedBy;

	@Column(name = "reporter_name", nullable = false, updatable = false)
	private String reporterName;

	@Column(name = "reporter_organisation_id", nullable = false, updatable = false)
	private UUID reporterOrganisationId;

	@Column(name = "report_document_key")
	private @Nullable String reportDocumentKey;

	@Column(name = "report_sha256")
	private @Nullable String reportSha256;

	@Column(name = "acknowledged_at")
	private @Nullable Instant acknowledgedAt;

	@Column(name = "acknowledged_by")
	private @Nullable UUID acknowledgedBy;

	private @Nullable String cause;

	private @Nullable String prevention;

	@Column(name = "prevention_at")
	private @Nullable Instant preventionAt;

	@Column(name = "closed_at")
	private @Nullable Instant closedAt;

	@Column(name = "closed_by")
	private @Nullable UUID closedBy;

	@Column(name = "closing_note")
	private @Nullable String closingNote;

	@Enumerated(EnumType.STRING)
	private @Nullable Publication publication;

	@Column(name = "publication_reason")
	private @Nullable String publicationReason;

	@Column(name = "publication_decided_at")
	private @Nullable Instant publicationDecidedAt;

	@Column(name = "publication_decided_by")
	private @Nullable UUID publicationDecidedBy;

	@Version
	private @Nullable Long version;

	protected Incident() {
	}

	/**
	 * Records a report.
	 * @param contractId the contract
	 * @param clientOrganisationId the contract's client
	 * @param contractorOrganisationId the contract's contractor
	 * @param seq the incident's number within the contract
	 * @param form the report, valid
	 * @param detectedAt when it was detected
	 * @param immediately the contract's "immediately" when it was reported
	 * @param reporterId who reported it
	 * @param reporterName their name
	 * @param reporterOrganisationId their organisation
	 * @param now when it was reported
	 */
	// the form's problems() has refused a blank required value before this is called
	@SuppressWarnings("NullAway")
	Incident(UUID contractId, UUID clientOrganisationId, UUID contractorOrganisationId, int seq, IncidentForm form,
			Instant detectedAt, String immediately, UUID reporterId, String reporterName, UUID reporterOrganisationId,
			Instant now) {
		if (detectedAt.isAfter(now.plusSeconds(300))) {
			throw new InvalidInputProblem("detectedAt", "incident.error.detectedAt.future");
		}
		this.id = UUID.randomUUID();
		this.contractId = contractId;
		this.clientOrganisationId = clientOrganisationId;
		this.contractorOrganisationId = contractorOrganisationId;
		this.seq = seq;
		this.category = form.getCategory();
		this.suspected = form.isSuspected();
		this.detectedAt = detectedAt.isAfter(now) ? now : detectedAt;
		this.location = IncidentForm.clean(form.getLocation());
		this.description = IncidentForm.clean(form.getDescription());
		this.information = IncidentForm.clean(form.getInformation());
		this.recordCount = form.getRecordCount();
		this.containment = IncidentForm.clean(form.getContainment());
		this.immediately = immediately;
		this.reportedAt = now;
		this.reportedBy = reporterId;
		this.reporterName = reporterName;
		this.reporterOrganisationId = reporterOrganisationId;
	}

	/**
	 * Keeps the generated incident report.
	 * @param documentKey where it is stored
	 * @param sha256 its hash
	 */
	void reportFiled(String documentKey, String sha256) {
		this.reportDocumentKey = documentKey;
		this.reportSha256 = sha256;
	}

	/**
	 * The client's security administrator acknowledges the report.
	 * @param userId who
	 * @param now when
	 * @throws InvalidInputProblem unless the incident is reported and not yet
	 * acknowledged
	 */
	void acknowledge(UUID userId, Instant now) {
		if (this.status != IncidentStatus.REPORTED) {
			throw new InvalidInputProblem("status", "incident.error.alreadyAcknowledged");
		}
		this.status = IncidentStatus.ACKNOWLEDGED;
		this.acknowledgedAt = now;
		this.acknowledgedBy = userId;
	}

	/**
	 * Checks that a line may still be added to the timeline.
	 * @throws InvalidInputProblem when the incident is closed
	 */
	void requireOpen() {
		if (this.status == IncidentStatus.CLOSED) {
			throw new InvalidInputProblem("status", "incident.error.closed");
		}
	}

	/**
	 * The contractor's side records the cause and the recurrence prevention (Nerima
	 * 24⑵⑶).
	 * @param cause the cause
	 * @param prevention the measures
	 * @param now when
	 * @throws InvalidInputProblem when a text is missing or too long, or the incident is
	 * closed
	 */
	void recordCause(@Nullable String cause, @Nullable String prevention, Instant now) {
		requireOpen();
		String c = text("cause", cause, IncidentForm.TEXT_MAX);
		String p = text("prevention", prevention, IncidentForm.TEXT_MAX);
		this.cause = c;
		this.prevention = p;
		this.preventionAt = now;
	}

	/**
	 * The client closes the incident.
	 * @param userId who
	 * @param note why it is closed (optional)
	 * @param now when
	 * @throws InvalidInputProblem unless the incident is acknowledged and its cause and
	 * prevention are recorded
	 */
	void close(UUID userId, @Nullable String note, Instant now) {
		if (this.status == IncidentStatus.CLOSED) {
			throw new InvalidInputProblem("status", "incident.error.closed");
		}
		if (this.status != IncidentStatus.ACKNOWLEDGED) {
			throw new InvalidInputProblem("status", "incident.error.close.notAcknowledged");
		}
		if (this.prevention == null) {
			throw new InvalidInputProblem("status", "incident.error.close.noPrevention");
		}
		String clean = IncidentForm.clean(note);
		if (clean != null && clean.length() > NOTE_MAX) {
			throw new InvalidInputProblem("note", "incident.error.tooLong", String.valueOf(NOTE_MAX));
		}
		this.status = IncidentStatus.CLOSED;
		this.closedAt = now;
		this.closedBy = userId;
		this.closingNote = clean;
	}

	/**
	 * The client decides whether to publish the incident, with the reason; taken once.
	 * @param decision publish or not
	 * @param reason why
	 * @param userId who
	 * @param now when
	 * @throws InvalidInputProblem when the decision or reason is missing, the incident is
	 * not yet acknowledged, or the decision was taken before
	 */
	void decidePublication(@Nullable Publication decision, @Nullable String reason, UUID userId, Instant now) {
		if (this.status == IncidentStatus.REPORTED) {
			throw new InvalidInputProblem("status", "incident.error.publication.notAcknowledged");
		}
		if (this.publication != null) {
			throw new InvalidInputProblem("publication", "incident.error.publication.decided");
		}
		if (decision == null) {
			throw new InvalidInputProblem("publication", "incident.error.publication.required");
		}
		this.publicationReason = text("reason", reason, NOTE_MAX);
		this.publication = decision;
		this.publicationDecidedAt = now;
		this.publicationDecidedBy = userId;
	}

	static String text(String field, @Nullable String value, int max) {
		String clean = IncidentForm.clean(value);
		if (clean == null) {
			throw new InvalidInputProblem(field, "incident.error.required." + field);
		}
		if (clean.length() > max) {
			throw new InvalidInputProblem(field, "incident.error.tooLong", String.valueOf(max));
		}
		return clean;
	}

	/**
	 * Returns the number people read, e.g. {@code INC-3}; also the obligations'
	 * occurrence key.
	 * @return the number
	 */
	public String getNumber() {
		return "INC-" + this.seq;
	}

	/**
	 * Returns how long after detection the incident was reported.
	 * @return the time
	 */
	public Duration getDetectionToReport() {
		return Duration.between(this.detectedAt, this.reportedAt);
	}

	/**
	 * Returns how long after the report the client acknowledged it.
	 * @return the time, or {@code null} while unacknowledged
	 */
	public @Nullable Duration getReportToAcknowledgement() {
		return (this.acknowledgedAt != null) ? Duration.between(this.reportedAt, this.acknowledgedAt) : null;
	}

	/**
	 * Returns whether the acknowledgement came within the contract's "immediately" of the
	 * report, or, while unacknowledged, whether that time has not yet passed.
	 * @param now the current instant
	 * @return {@code true} when in time
	 */
	public boolean isAcknowledgedInTime(Instant now) {
		return ImmediateDeadline.met(this.reportedAt, (this.acknowledgedAt != null) ? this.acknowledgedAt : now,
				this.immediately);
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getContractId() {
		return this.contractId;
	}

	public UUID getClientOrganisationId() {
		return this.clientOrganisationId;
	}

	public UUID getContractorOrganisationId() {
		return this.contractorOrganisationId;
	}

	public int getSeq() {
		return this.seq;
	}

	public IncidentCategory getCategory() {
		return this.category;
	}

	public boolean isSuspected() {
		return this.suspected;
	}

	public Instant getDetectedAt() {
		return this.detectedAt;
	}

	public String getLocation() {
		return this.location;
	}

	public String getDescription() {
		return this.description;
	}

	public @Nullable String getInformation() {
		return this.information;
	}

	public Integer getRecordCount() {
		return this.recordCount;
	}

	public @Nullable String getContainment() {
		return this.containment;
	}

	public IncidentStatus getStatus() {
		return this.status;
	}

	public String getImmediately() {
		return this.immediately;
	}

	public Instant getReportedAt() {
		return this.reportedAt;
	}

	public UUID getReportedBy() {
		return this.reportedBy;
	}

	public String getReporterName() {
		return this.reporterName;
	}

	public UUID getReporterOrganisationId() {
		return this.reporterOrganisationId;
	}

	public @Nullable String getReportSha256() {
		return this.reportSha256;
	}

	@Nullable String getReportDocumentKey() {
		return this.reportDocumentKey;
	}

	public @Nullable Instant getAcknowledgedAt() {
		return this.acknowledgedAt;
	}

	public @Nullable UUID getAcknowledgedBy() {
		return this.acknowledgedBy;
	}

	public @Nullable String getCause() {
		return this.cause;
	}

	public @Nullable String getPrevention() {
		return this.prevention;
	}

	public @Nullable Instant getPreventionAt() {
		return this.preventionAt;
	}

	public @Nullable Instant getClosedAt() {
		return this.closedAt;
	}

	public @Nullable String getClosingNote() {
		return this.closingNote;
	}

	public @Nullable Publication getPublication() {
		return this.publication;
	}

	public @Nullable String getPublicationReason() {
		return this.publicationReason;
	}

	public @Nullable Instant getPublicationDecidedAt() {
		return this.publicationDecidedAt;
	}

}
