package jp.itaku.training;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

/**
 * A training session or an emergency-response drill of a contract as recorded by the
 * contractor's lead: when, what, who trained, who attended with what result, and for a
 * drill the scenario and the improvements it showed. A record of what happened; it is not
 * changed once recorded (a correction is a new record).
 */
@Entity
@Table(name = "training_session")
public class TrainingSession {

	@Id
	private UUID id;

	@Column(name = "contract_id", nullable = false)
	private UUID contractId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private SessionKind kind;

	@Column(name = "held_on", nullable = false)
	private LocalDate heldOn;

	@Column(nullable = false)
	private String content;

	private @Nullable String scenario;

	@Column(nullable = false)
	private String trainer;

	private @Nullable String result;

	private @Nullable String improvements;

	@Column(name = "materials_key")
	private @Nullable String materialsKey;

	@Column(name = "materials_sha256")
	private @Nullable String materialsSha256;

	@Column(name = "materials_file_name")
	private @Nullable String materialsFileName;

	@Column(name = "recorded_by", nullable = false)
	private UUID recordedBy;

	@Column(name = "recorded_at", nullable = false)
	private Instant recordedAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "training_attendance", joinColumns = @JoinColumn(name = "session_id"))
	private List<Attendance> attendances = new ArrayList<>();

	@Version
	private @Nullable Long version;

	protected TrainingSession() {
	}

	// the form's problems() has refused a blank required value before this is called
	@SuppressWarnings("NullAway")
	TrainingSession(UUID contractId, TrainingSessionForm form, List<Attendance> attendances, UUID recordedBy,
			Instant now) {
		this.id = UUID.randomUUID();
		this.contractId = contractId;
		this.kind = form.getKind();
		this.heldOn = form.getHeldOn();
		this.content = TrainingSessionForm.clean(form.getContent());
		this.scenario = TrainingSessionForm.clean(form.getScenario());
		this.trainer = TrainingSessionForm.clean(form.getTrainer());
		this.result = TrainingSessionForm.clean(form.getResult());
		this.improvements = TrainingSessionForm.clean(form.getImprovements());
		this.attendances = new ArrayList<>(attendances);
		this.recordedBy = recordedBy;
		this.recordedAt = now;
	}

	void materials(String key, String sha256, String fileName) {
		this.materialsKey = key;
		this.materialsSha256 = sha256;
		this.materialsFileName = fileName;
	}

	/**
	 * Returns whether a worker took this training (attended or completed it) on or before
	 * a day: what makes a worker trained. Drills do not count.
	 * @param memberId the roster member
	 * @param today the day
	 * @return {@code true} when the session counts for the worker
	 */
	public boolean trains(UUID memberId, LocalDate today) {
		return this.kind == SessionKind.TRAINING && !this.heldOn.isAfter(today)
				&& resultOf(memberId).map(AttendanceResult::counts).orElse(false);
	}

	/**
	 * Returns a worker's result.
	 * @param memberId the roster member
	 * @return the result, or empty when the worker was not listed
	 */
	public Optional<AttendanceResult> resultOf(UUID memberId) {
		return this.attendances.stream()
			.filter((a) -> a.getMemberId().equals(memberId))
			.map(Attendance::getResult)
			.findFirst();
	}

	/**
	 * Counts the attendees who took part.
	 * @return how many attended or completed
	 */
	public long attendedCount() {
		return this.attendances.stream().filter((a) -> a.getResult().counts()).count();
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getContractId() {
		return this.contractId;
	}

	public SessionKind getKind() {
		return this.kind;
	}

	public LocalDate getHeldOn() {
		return this.heldOn;
	}

	public String getContent() {
		return this.content;
	}

	public @Nullable String getScenario() {
		return this.scenario;
	}

	public String getTrainer() {
		return this.trainer;
	}

	public @Nullable String getResult() {
		return this.result;
	}

	public @Nullable String getImprovements() {
		return this.improvements;
	}

	public boolean hasMaterials() {
		return this.materialsKey != null;
	}

	@Nullable String getMaterialsKey() {
		return this.materialsKey;
	}

	public @Nullable String getMaterialsSha256() {
		return this.materialsSha256;
	}

	public @Nullable String getMaterialsFileName() {
		return this.materialsFileName;
	}

	public Instant getRecordedAt() {
		return this.recordedAt;
	}

	public List<Attendance> getAttendances() {
		return List.copyOf(this.attendances);
	}

}
