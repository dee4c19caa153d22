package jp.itaku.training.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.web.Idempotent;
import jp.itaku.training.AttendanceResult;
import jp.itaku.training.Pledge;
import jp.itaku.training.Pledges;
import jp.itaku.training.SessionKind;
import jp.itaku.training.TrainingFiling;
import jp.itaku.training.TrainingSession;
import jp.itaku.training.TrainingSessionForm;
import jp.itaku.training.Trainings;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Pledges and training over the REST API, scoped and audited as in the UI: a contract's
 * readiness overview, sessions and drills, pledges, the worker's acknowledgement and the
 * submissions of the written records.
 */
@RestController
class TrainingApiController {

	private final Trainings trainings;

	private final Pledges pledges;

	TrainingApiController(Trainings trainings, Pledges pledges) {
		this.trainings = trainings;
		this.pledges = pledges;
	}

	@GetMapping("/api/v1/contracts/{id}/training/readiness")
	List<WorkerView> readiness(@PathVariable("id") UUID contractId) {
		return this.trainings.overview(CurrentActor.require(), contractId).stream().map(WorkerView::of).toList();
	}

	@GetMapping("/api/v1/contracts/{id}/training/sessions")
	List<SessionView> sessions(@PathVariable("id") UUID contractId) {
		return this.trainings.sessions(CurrentActor.require(), contractId).stream().map(SessionView::of).toList();
	}

	@PostMapping(path = "/api/v1/contracts/{id}/training/sessions", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Idempotent
	ResponseEntity<SessionView> record(@PathVariable("id") UUID contractId, @RequestBody TrainingSessionForm form) {
		TrainingSession session = this.trainings.record(CurrentActor.require(), contractId, form, null);
		return ResponseEntity.status(HttpStatus.CREATED).body(SessionView.of(session));
	}

	@GetMapping("/api/v1/training/sessions/{id}")
	SessionView session(@PathVariable("id") UUID sessionId) {
		return SessionView.of(this.trainings.session(CurrentActor.require(), sessionId).session());
	}

	@PostMapping("/api/v1/training/sessions/{id}/submit")
	@Idempotent
	ResponseEntity<FilingView> submitSession(@PathVariable("id") UUID sessionId, @RequestBody Filing filing) {
		TrainingFiling filed = this.trainings.submit(CurrentActor.require(), sessionId, filing.obligationId());
		return ResponseEntity.status(HttpStatus.CREATED).body(FilingView.of(filed));
	}

	@GetMapping("/api/v1/contracts/{id}/pledges")
	List<PledgeView> pledgesOf(@PathVariable("id") UUID contractId) {
		return this.pledges.ofContract(CurrentActor.require(), contractId).stream().map(PledgeView::of).toList();
	}

	@PostMapping("/api/v1/roster-members/{id}/pledges")
	@Idempotent
	ResponseEntity<PledgeView> generate(@PathVariable("id") UUID memberId,
			@RequestBody(required = false) Generation generation) {
		Pledge pledge = this.pledges.generate(CurrentActor.require(), memberId,
				(generation != null) ? generation.pledgeDate() : null);
		return ResponseEntity.status(HttpStatus.CREATED).body(PledgeView.of(pledge));
	}

	@GetMapping("/api/v1/pledges/{id}")
	PledgeView pledge(@PathVariable("id") UUID pledgeId) {
		return PledgeView.of(this.pledges.detail(CurrentActor.require(), pledgeId).pledge());
	}

	@GetMapping("/api/v1/me/pledges")
	List<PledgeView> mine() {
		return this.pledges.mine(CurrentActor.require()).stream().map((d) -> PledgeView.of(d.pledge())).toList();
	}

	@PostMapping("/api/v1/pledges/{id}/acknowledge")
	PledgeView acknowledge(@PathVariable("id") UUID pledgeId,
			@RequestBody(required = false) Acknowledgement acknowledgement) {
		return PledgeView.of(this.pledges.acknowledge(CurrentActor.require(), pledgeId,
				(acknowledgement != null) ? acknowledgement.textSha256() : null));
	}

	@PostMapping(path = "/api/v1/pledges/{id}/signed", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	PledgeView uploadSigned(@PathVariable("id") UUID pledgeId,
			@RequestParam(name = "signedOn",
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedOn,
			@RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
		try (InputStream content = (file == null || file.isEmpty()) ? null : file.getInputStream()) {
			return PledgeView.of(this.pledges.uploadSigned(CurrentActor.require(), pledgeId, signedOn,
					(file != null) ? file.getOriginalFilename() : null, (file != null) ? file.getContentType() : null,
					content));
		}
	}

	@PostMapping("/api/v1/pledges/{id}/submit")
	@Idempotent
	ResponseEntity<FilingView> submitPledge(@PathVariable("id") UUID pledgeId, @RequestBody Filing filing) {
		TrainingFiling filed = this.pledges.submit(CurrentActor.require(), pledgeId, filing.obligationId());
		return ResponseEntity.status(HttpStatus.CREATED).body(FilingView.of(filed));
	}

	/**
	 * Which obligation to submit to.
	 *
	 * @param obligationId the obligation
	 */
	record Filing(UUID obligationId) {
	}

	/**
	 * A pledge's date.
	 *
	 * @param pledgeDate the date printed on the pledge
	 */
	record Generation(LocalDate pledgeDate) {
	}

	/**
	 * The worker's acknowledgement.
	 *
	 * @param textSha256 the SHA-256 of the text the worker read (from the pledge's
	 * {@code textSha256})
	 */
	record Acknowledgement(String textSha256) {
	}

	/**
	 * A worker's readiness as the API shows it.
	 *
	 * @param memberId the roster member
	 * @param name the worker's name
	 * @param status the roster status
	 * @param pledged a signed pledge is on record
	 * @param trained a training was taken
	 * @param ready both
	 * @param pledgeId the newest pledge, or {@code null}
	 * @param lastTrainedOn the latest training taken, or {@code null}
	 */
	record WorkerView(UUID memberId, String name, String status, boolean pledged, boolean trained, boolean ready,
			@Nullable UUID pledgeId, @Nullable LocalDate lastTrainedOn) {

		static WorkerView of(Trainings.WorkerRow row) {
			return new WorkerView(row.member().getId(), row.member().getName(), row.member().getStatus().name(),
					row.readiness().pledged(), row.readiness().trained(), row.readiness().ready(),
					(row.latestPledge() != null) ? row.latestPledge().getId() : null, row.lastTrainedOn());
		}

	}

	/**
	 * A session or drill as the API shows it.
	 *
	 * @param id the id
	 * @param contractId its contract
	 * @param kind training or drill
	 * @param heldOn when
	 * @param content what
	 * @param scenario the drill's scenario
	 * @param trainer who trained or led
	 * @param result the overall result
	 * @param improvements what to improve
	 * @param materialsSha256 the materials' SHA-256, or {@code null}
	 * @param results each attendee's result
	 */
	record SessionView(UUID id, UUID contractId, SessionKind kind, LocalDate heldOn, String content,
			@Nullable String scenario, String trainer, @Nullable String result, @Nullable String improvements,
			@Nullable String materialsSha256, Map<UUID, AttendanceResult> results) {

		static SessionView of(TrainingSession s) {
			Map<UUID, AttendanceResult> results = new LinkedHashMap<>();
			s.getAttendances().forEach((a) -> results.put(a.getMemberId(), a.getResult()));
			return new SessionView(s.getId(), s.getContractId(), s.getKind(), s.getHeldOn(), s.getContent(),
					s.getScenario(), s.getTrainer(), s.getResult(), s.getImprovements(), s.getMaterialsSha256(),
					results);
		}

	}

	/**
	 * A pledge as the API shows it.
	 *
	 * @param id the id
	 * @param contractId its contract
	 * @param memberId its worker
	 * @param pledgeDate its date
	 * @param text the text
	 * @param textSha256 the SHA-256 of the text
	 * @param signed whether it is signed
	 * @param signedVia how
	 * @param signedOn the date of signing
	 * @param signedAt when it was recorded
	 * @param signedSha256 the SHA-256 of the uploaded scan, or {@code null}
	 */
	record PledgeView(UUID id, UUID contractId, UUID memberId, LocalDate pledgeDate, String text, String textSha256,
			boolean signed, Pledge.@Nullable SignedVia signedVia, @Nullable LocalDate signedOn,
			@Nullable Instant signedAt, @Nullable String signedSha256) {

		static PledgeView of(Pledge p) {
			return new PledgeView(p.getId(), p.getContractId(), p.getMemberId(), p.getPledgeDate(), p.getBody(),
					p.getBodySha256(), p.isSigned(), p.getSignedVia(), p.getSignedOn(), p.getSignedAt(),
					p.getSignedSha256());
		}

	}

	/**
	 * Where a record was submitted.
	 *
	 * @param obligationId the obligation
	 * @param submissionId the submission
	 * @param sha256 the SHA-256 of the submitted file
	 * @param filedAt when
	 */
	record FilingView(UUID obligationId, UUID submissionId, String sha256, Instant filedAt) {

		static FilingView of(TrainingFiling f) {
			return new FilingView(f.getObligationId(), f.getSubmissionId(), f.getSha256(), f.getFiledAt());
		}

	}

}
