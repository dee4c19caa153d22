package jp.itaku.roster.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jp.itaku.platform.Actor;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.roster.FieldChange;
import jp.itaku.roster.MemberStatus;
import jp.itaku.roster.RosterChange;
import jp.itaku.roster.RosterMember;
import jp.itaku.roster.RosterMemberForm;
import jp.itaku.roster.RosterNotice;
import jp.itaku.roster.RosterRevision;
import jp.itaku.roster.Rosters;
import jp.itaku.roster.WorkerReadiness;
import jp.itaku.roster.WorkerRole;
import jp.itaku.platform.web.Idempotent;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rosters over the REST API, scoped and audited as on the page. No answer carries a
 * nationality, except the security administrator's request for it with a purpose.
 */
@RestController
class RosterApiController {

	private final Rosters rosters;

	RosterApiController(Rosters rosters) {
		this.rosters = rosters;
	}

	@GetMapping("/api/v1/contracts/{id}/roster")
	List<?> roster(@PathVariable("id") UUID contractId, @RequestParam(name = "asOf",
			required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		Actor actor = CurrentActor.require();
		if (asOf != null) {
			return this.rosters.asOf(actor, contractId, asOf).stream().map(RevisionView::of).toList();
		}
		return this.rosters.members(actor, contractId).stream().map(this::view).toList();
	}

	@PostMapping("/api/v1/contracts/{id}/roster")
	@Idempotent(unhashed = "nationality")
	ResponseEntity<MemberView> add(@PathVariable("id") UUID contractId,
			@RequestBody(required = false) MemberRequest body) {
		RosterMember member = this.rosters.add(CurrentActor.require(), contractId, form(body));
		return ResponseEntity.status(HttpStatus.CREATED).body(view(member));
	}

	@GetMapping("/api/v1/roster/{memberId}")
	MemberView member(@PathVariable("memberId") UUID memberId) {
		return view(this.rosters.member(CurrentActor.require(), memberId));
	}

	@PutMapping("/api/v1/roster/{memberId}")
	MemberView update(@PathVariable("memberId") UUID memberId, @RequestBody(required = false) MemberRequest body) {
		Actor actor = CurrentActor.require();
		RosterMember current = this.rosters.member(actor, memberId);
		return view(this.rosters.update(actor, memberId, form(body)));
	}

	@PostMapping("/api/v1/roster/{memberId}/activate")
	MemberView activate(@PathVariable("memberId") UUID memberId, @RequestBody(required = false) Activation body) {
		return view(this.rosters.activate(CurrentActor.require(), memberId, (body != null) ? body.override() : null));
	}

	@PostMapping("/api/v1/roster/{memberId}/leave")
	MemberView leave(@PathVariable("memberId") UUID memberId, @RequestBody(required = false) Departure body) {
		return view(this.rosters.leave(CurrentActor.require(), memberId, (body != null) ? body.lastDay() : null));
	}

	@GetMapping("/api/v1/contracts/{id}/roster/notices")
	List<NoticeView> notices(@PathVariable("id") UUID contractId) {
		Actor actor = CurrentActor.require();
		return this.rosters.notices(actor, contractId)
			.stream()
			.map((n) -> NoticeView.of(n, this.rosters.changesOf(actor, n.getId())))
			.toList();
	}

	@PostMapping("/api/v1/contracts/{id}/roster/notices")
	@Idempotent
	ResponseEntity<NoticeView> fileNotice(@PathVariable("id") UUID contractId) {
		Actor actor = CurrentActor.require();
		RosterNotice notice = this.rosters.fileNotice(actor, contractId);
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(NoticeView.of(notice, this.rosters.changesOf(actor, notice.getId())));
	}

	// Rosters.revealNationality refuses a missing purpose or reference
	// (InvalidInputProblem) before these are read
	@SuppressWarnings("NullAway")
	@PostMapping("/api/v1/roster/{memberId}/nationality")
	NationalityView nationality(@PathVariable("memberId") UUID memberId,
			@RequestBody(required = false) NationalityRequest body) {
		String purpose = (body != null) ? body.purpose() : null;
		String reference = (body != null) ? body.reference() : null;
		Rosters.RevealedNationality shown = this.rosters.revealNationality(CurrentActor.require(), memberId,
				RosterController.purpose(purpose), reference);
		return new NationalityView(memberId, RosterController.purpose(purpose).name(), shown.incident().number(),
				shown.nationality().orElse(null));
	}

	private MemberView view(RosterMember member) {
		return MemberView.of(member, this.rosters.readinessOf(member.getId()));
	}

	private static RosterMemberForm form(MemberRequest body) {
		if (body == null) {
			throw new InvalidInputProblem("name", "validation.required");
		}
		RosterMemberForm form = new RosterMemberForm();
		form.setName(body.name());
		form.setAffiliation(body.affiliation());
		form.setRole(body.role());
		form.setDuties(body.duties());
		form.setWorkLocation(body.workLocation());
		form.setHandlesPersonalInformation(Boolean.TRUE.equals(body.handlesPersonalInformation()));
		form.setHandoverPerson(Boolean.TRUE.equals(body.handoverPerson()));
		form.setExpertise(body.expertise());
		form.setTrackRecord(body.trackRecord());
		form.setNationality(body.nationality());
		form.setPeriodStart(body.periodStart());
		form.setPlannedEnd(body.plannedEnd());
		form.setUserId(body.userId());
		return form;
	}

	/**
	 * A worker as sent to the API; the nationality is write-only (blank on a change keeps
	 * the stored one).
	 *
	 * @param name the name
	 * @param affiliation the affiliation
	 * @param role the role
	 * @param duties the duties
	 * @param workLocation where the worker works
	 * @param handlesPersonalInformation whether the worker handles personal information
	 * @param handoverPerson whether the worker hands data over
	 * @param expertise the expertise
	 * @param trackRecord the track record
	 * @param nationality the nationality, where the profile asks for it
	 * @param periodStart the first day of work
	 * @param plannedEnd the planned last day
	 */
	record MemberRequest(String name, String affiliation, WorkerRole role, String duties, String workLocation,
			Boolean handlesPersonalInformation, Boolean handoverPerson, String expertise, String trackRecord,
			String nationality, LocalDate periodStart, LocalDate plannedEnd, UUID userId) {

		@Override
		public String toString() {
			return "MemberRequest[" + this.role + "]";
		}

	}

	/**
	 * The lead's reason to start a worker who is not ready.
	 *
	 * @param override the reason, recorded
	 */
	record Activation(String override) {
	}

	/**
	 * A worker's departure.
	 *
	 * @param lastDay the last day of work
	 */
	record Departure(LocalDate lastDay) {
	}

	/**
	 * Why the security administrator looks at a nationality.
	 *
	 * @param purpose one of {@code LEAK_TRACING}, {@code DELETION_OR_RETRIEVAL},
	 * {@code SPREAD_PREVENTION}
	 * @param reference the incident of the contract the view is for: its number
	 * ({@code INC-3}) or id; one in which a leak, or the risk of one, was found (Kadoma
	 * 2(5))
	 */
	record NationalityRequest(String purpose, String reference) {
	}

	/**
	 * A readiness.
	 *
	 * @param pledged a signed pledge is on record
	 * @param trained a training record is on file
	 * @param ready both
	 */
	record ReadinessView(boolean pledged, boolean trained, boolean ready) {
	}

	/**
	 * A worker as the API shows it: never the nationality, only whether one was entered.
	 *
	 * @param id the member
	 * @param contractId the contract
	 * @param name the name
	 * @param affiliation the affiliation
	 * @param role the role
	 * @param duties the duties
	 * @param workLocation the work location
	 * @param handlesPersonalInformation handles personal information
	 * @param handoverPerson hands data over
	 * @param expertise the expertise
	 * @param trackRecord the track record
	 * @param nationalityRecorded whether a nationality is on record
	 * @param periodStart the first day
	 * @param plannedEnd the planned last day
	 * @param actualEnd the last day, once left
	 * @param status planned, active or left
	 * @param readiness pledge and training
	 * @param readinessOverridden whether the lead started the worker without them
	 */
	record MemberView(UUID id, UUID contractId, String name, String affiliation, WorkerRole role,
			@Nullable String duties, @Nullable String workLocation, boolean handlesPersonalInformation,
			boolean handoverPerson, @Nullable String expertise, @Nullable String trackRecord,
			boolean nationalityRecorded, LocalDate periodStart, @Nullable LocalDate plannedEnd,
			@Nullable LocalDate actualEnd, MemberStatus status, ReadinessView readiness, boolean readinessOverridden) {

		static MemberView of(RosterMember m, WorkerReadiness.Readiness r) {
			return new MemberView(m.getId(), m.getContractId(), m.getName(), m.getAffiliation(), m.getRole(),
					m.getDuties(), m.getWorkLocation(), m.isHandlesPersonalInformation(), m.isHandoverPerson(),
					m.getExpertise(), m.getTrackRecord(), m.hasNationality(), m.getPeriodStart(), m.getPlannedEnd(),
					m.getActualEnd(), m.getStatus(), new ReadinessView(r.pledged(), r.trained(), r.ready()),
					m.getReadinessOverride() != null);
		}

	}

	/**
	 * A worker as the roster stood on a day.
	 *
	 * @param memberId the member
	 * @param recordedAt when this state was recorded
	 * @param name the name
	 * @param affiliation the affiliation
	 * @param role the role
	 * @param duties the duties
	 * @param workLocation the work location
	 * @param handlesPersonalInformation handles personal information
	 * @param handoverPerson hands data over
	 * @param periodStart the first day
	 * @param plannedEnd the planned last day
	 * @param actualEnd the last day
	 * @param status the status then
	 */
	record RevisionView(UUID memberId, Instant recordedAt, String name, String affiliation, WorkerRole role,
			@Nullable String duties, @Nullable String workLocation, boolean handlesPersonalInformation,
			boolean handoverPerson, LocalDate periodStart, @Nullable LocalDate plannedEnd,
			@Nullable LocalDate actualEnd, MemberStatus status) {

		static RevisionView of(RosterRevision r) {
			return new RevisionView(r.getMemberId(), r.getRecordedAt(), r.getName(), r.getAffiliation(), r.getRole(),
					r.getDuties(), r.getWorkLocation(), r.isHandlesPersonalInformation(), r.isHandoverPerson(),
					r.getPeriodStart(), r.getPlannedEnd(), r.getActualEnd(), r.getStatus());
		}

	}

	/**
	 * A change a notice lists.
	 *
	 * @param memberId the member
	 * @param memberName the member's name then
	 * @param kind added, changed or left
	 * @param occurredAt when
	 * @param fields what changed (a nationality change without its values)
	 */
	record ChangeView(UUID memberId, String memberName, RosterChange.Kind kind, Instant occurredAt,
			List<FieldChange> fields) {

		static ChangeView of(RosterChange c) {
			return new ChangeView(c.getMemberId(), c.getMemberName(), c.getKind(), c.getOccurredAt(), c.getFields());
		}

	}

	/**
	 * A written notice.
	 *
	 * @param id the notice
	 * @param number 1 for the roster itself, then each change notice
	 * @param filedAt when it was filed
	 * @param fileName its PDF's name
	 * @param sha256 its PDF's SHA-256
	 * @param changes what it listed
	 */
	record NoticeView(UUID id, int number, Instant filedAt, String fileName, String sha256, List<ChangeView> changes) {

		static NoticeView of(RosterNotice n, List<RosterChange> changes) {
			return new NoticeView(n.getId(), n.getNumber(), n.getFiledAt(), n.getFileName(), n.getSha256(),
					changes.stream().map(ChangeView::of).toList());
		}

	}

	/**
	 * A nationality shown for a stated purpose (the view is audited).
	 *
	 * @param memberId the member
	 * @param purpose the purpose stated
	 * @param reference the number of the incident the view named (Kadoma 2(5))
	 * @param nationality the value, or {@code null} when none was entered
	 */
	record NationalityView(UUID memberId, String purpose, String reference, @Nullable String nationality) {

		@Override
		public String toString() {
			return "NationalityView[" + this.memberId + "]";
		}

	}

}
