package jp.itaku.inspection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.catalog.Deliverable;
import jp.itaku.catalog.TriggerType;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractRoles;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationStatus;
import jp.itaku.obligation.ObligationTrigger;
import jp.itaku.obligation.Obligations;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem.FieldProblem;
import jp.itaku.platform.NotFoundProblem;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests for material made during an inspection (Kadoma 11(4), Gunma 9, Setagaya 33):
 * the client's officers and security administrators ask for a deliverable the profile
 * lets them request, which raises the profile's ON_REQUEST obligations of that
 * deliverable only (key {@code AUD-<n>-R<m>}; owed by the subcontractor when the
 * inspection is of one); the lead or workers of the party inspected answer by submitting
 * to those obligations through {@link Obligations#submitFor}. Both are on the audit
 * trail.
 */
@Service
public class MaterialRequests {

	private final MaterialRequestRepository requests;

	private final InspectionScope scope;

	private final Obligations obligations;

	private final InspectionReport report;

	private final AuditTrail audit;

	private final WorkingCalendar calendar;

	private final Clock clock;

	MaterialRequests(MaterialRequestRepository requests, InspectionScope scope, Obligations obligations,
			InspectionReport report, AuditTrail audit, WorkingCalendar calendar, Clock clock) {
		this.requests = requests;
		this.scope = scope;
		this.obligations = obligations;
		this.report = report;
		this.audit = audit;
		this.calendar = calendar;
		this.clock = clock;
	}

	/**
	 * Returns an inspection's requests with the obligations each raised and where it
	 * stands.
	 * @param actor a party to the contract
	 * @param inspection the inspection, already scoped to the actor
	 * @param today today in Tokyo
	 * @return the requests, in order
	 */
	List<RequestView> views(Actor actor, Inspection inspection, LocalDate today) {
		List<Obligation> raised = this.obligations.forPart(actor, inspection.getContractId())
			.stream()
			.filter((o) -> o.getOrigin() == Obligation.Origin.RAISED
					&& o.getPeriodKey().startsWith(inspection.getNumber() + "-"))
			.toList();
		return this.requests.findByInspectionIdOrderBySeq(inspection.getId()).stream().map((r) -> {
			String key = r.keyIn(inspection);
			List<Obligation> mine = raised.stream()
				.filter((o) -> o.getPeriodKey().equals(key) && o.getDeliverable() == r.getDeliverable())
				.toList();
			return RequestView.of(r, key, mine, today);
		}).toList();
	}

	/**
	 * The client requests material: raises the profile's ON_REQUEST obligations of that
	 * deliverable only.
	 * @param actor an officer or security administrator of the client
	 * @param inspectionId the inspection
	 * @param deliverable what is asked for; one the profile lets the client request
	 * @param description exactly what (e.g. the access logs of the last three months)
	 * @param dueOn by when
	 * @return the request
	 * @throws InvalidInputProblem naming every field at fault
	 * @throws AccessDeniedProblem for anyone else party to the contract
	 */
	// a missing deliverable or due date is refused above (InvalidInputProblem) before
	// these lines
	@SuppressWarnings("NullAway")
	@Transactional
	public MaterialRequest request(Actor actor, UUID inspectionId, @Nullable Deliverable deliverable,
			@Nullable String description, @Nullable LocalDate dueOn) {
		Inspection inspection = this.scope.find(inspectionId);
		Contract contract = this.scope.scoped(actor, inspection);
		this.scope.requireInspector(actor, contract);
		List<FieldProblem> problems = new ArrayList<>();
		if (deliverable == null || !this.scope.requestable(contract).contains(deliverable)) {
			problems.add(new FieldProblem("deliverable", "inspection.error.deliverable"));
		}
		String clean = Texts.collect(problems,
				() -> Texts.required("description", description, MaterialRequest.DESCRIPTION_MAX));
		LocalDate today = this.calendar.today();
		if (dueOn == null) {
			problems.add(new FieldProblem("dueOn", "inspection.error.required.dueOn"));
		}
		else if (dueOn.isBefore(today)) {
			problems.add(new FieldProblem("dueOn", "inspection.error.dueOn.past"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		this.scope.lock("request:" + inspectionId);
		int seq = this.requests.findByInspectionIdOrderBySeq(inspectionId).size() + 1;
		MaterialRequest request = this.requests.saveAndFlush(new MaterialRequest(inspection, seq, deliverable, clean,
				dueOn, actor.userId(), Instant.now(this.clock)));
		List<Obligation> raised = this.obligations.raise(inspection.getContractId(),
				new ObligationTrigger(TriggerType.ON_REQUEST, null, null, null),
				new Obligations.Occurrence(request.keyIn(inspection), today,
						this.report.requestSubject(inspection, request), "MaterialRequest:" + request.getId(), dueOn,
						InspectionScope.owing(inspection)),
				deliverable);
		this.audit.record(this.scope.audited(AuditRecord.of("MATERIAL_REQUESTED")
			.actor(actor)
			.target("MaterialRequest", request.getId())
			.detail("contract", inspection.getContractId())
			.detail("request", request.keyIn(inspection))
			.detail("deliverable", deliverable.name())
			.detail("dueOn", dueOn)
			.detail("obligations", raised.stream().map(Obligation::getId).toList()), inspection));
		return request;
	}

	/**
	 * The party inspected answers a request: submits the files to every open (or
	 * returned) obligation the request raised.
	 * @param actor a lead or worker of the contract's contractor, or of the subcontractor
	 * inspected
	 * @param requestId the request
	 * @param comment optional comment
	 * @param files the material
	 * @return the obligations submitted to
	 * @throws InvalidInputProblem when no obligation of the request awaits a submission,
	 * or a file is refused
	 * @throws AccessDeniedProblem for anyone but the lead and workers of the party
	 * inspected
	 */
	@Transactional
	public List<UUID> answer(Actor actor, UUID requestId, String comment, List<Obligations.Upload> files) {
		MaterialRequest request = this.requests.findById(requestId)
			.orElseThrow(() -> new NotFoundProblem(InspectionScope.WHAT));
		Inspection inspection = this.scope.find(request.getInspectionId());
		ContractRoles.require(InspectionScope.mayAnswer(actor, this.scope.scoped(actor, inspection), inspection));
		List<UUID> submitted = this.obligations.submitFor(actor, inspection.getContractId(), request.getDeliverable(),
				request.keyIn(inspection), comment, files);
		if (submitted.isEmpty()) {
			throw new InvalidInputProblem("files", "inspection.error.request.nothingOpen");
		}
		this.audit.record(this.scope.audited(AuditRecord.of("MATERIAL_SUBMITTED")
			.actor(actor)
			.target("MaterialRequest", requestId)
			.detail("contract", inspection.getContractId())
			.detail("request", request.keyIn(inspection))
			.detail("obligations", submitted), inspection));
		return submitted;
	}

	/**
	 * A request for material with its obligations and where it stands.
	 *
	 * @param request the request
	 * @param key e.g. AUD-1-R1
	 * @param obligations the obligations it raised
	 * @param state {@code NONE} (the profile asks for nothing), {@code OPEN},
	 * {@code SUBMITTED} or {@code ACCEPTED}
	 * @param overdue past its due date with nothing submitted
	 */
	public record RequestView(MaterialRequest request, String key, List<Obligation> obligations, String state,
			boolean overdue) {

		static RequestView of(MaterialRequest request, String key, List<Obligation> obligations, LocalDate today) {
			String state;
			if (obligations.isEmpty()) {
				state = "NONE";
			}
			else if (obligations.stream().allMatch((o) -> o.getStatus() == ObligationStatus.ACCEPTED)) {
				state = "ACCEPTED";
			}
			else if (obligations.stream().noneMatch(Obligation::awaitsSubmission)) {
				state = "SUBMITTED";
			}
			else {
				state = "OPEN";
			}
			return new RequestView(request, key, obligations, state,
					"OPEN".equals(state) && request.getDueOn().isBefore(today));
		}

	}

}
