package jp.itaku.clientrequest.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jp.itaku.clientrequest.ClientRequest;
import jp.itaku.clientrequest.ClientRequestForm;
import jp.itaku.clientrequest.ClientRequests;
import jp.itaku.obligation.Obligation;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.web.Idempotent;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API of a contract's requests for reports and material. A request is answered
 * through the obligation it raised ({@code POST /api/v1/obligations/{id}/submissions}),
 * or, for logs, with Itaku's own export of the period.
 */
@RestController
class ClientRequestApiController {

	private final ClientRequests requests;

	ClientRequestApiController(ClientRequests requests) {
		this.requests = requests;
	}

	@GetMapping("/api/v1/contracts/{id}/requests")
	List<RequestView> list(@PathVariable("id") UUID contractId) {
		return this.requests.list(CurrentActor.require(), contractId)
			.requests()
			.stream()
			.map((v) -> RequestView.of(v.request(), v.state(), v.obligations()))
			.toList();
	}

	@PostMapping("/api/v1/contracts/{id}/requests")
	@Idempotent
	ResponseEntity<RequestView> request(@PathVariable("id") UUID contractId,
			@RequestBody(required = false) @Nullable ClientRequestForm form) {
		ClientRequests.Requested requested = this.requests.request(CurrentActor.require(), contractId,
				(form != null) ? form : new ClientRequestForm());
		return ResponseEntity.created(URI.create("/api/v1/contracts/" + contractId + "/requests"))
			.body(RequestView.of(requested.request(), "REQUESTED", requested.raised()));
	}

	@PostMapping("/api/v1/contracts/{id}/requests/{requestId}/log-answer")
	@Idempotent
	ResponseEntity<ClientRequests.LogAnswer> answerWithLogs(@PathVariable("id") UUID contractId,
			@PathVariable("requestId") UUID requestId, @RequestBody(required = false) @Nullable LogAnswerForm form) {
		return ResponseEntity.ok(this.requests.answerWithLogs(CurrentActor.require(), contractId, requestId,
				(form != null) ? form.comment() : null));
	}

	/**
	 * The contractor's comment on an answer with the log export.
	 *
	 * @param comment the comment, may be empty
	 */
	record LogAnswerForm(@Nullable String comment) {
	}

	/**
	 * A request as the API shows it.
	 *
	 * @param id the request
	 * @param number its number on the contract, e.g. {@code REQ-1}
	 * @param requirement the requirement it invokes, e.g. {@code 第22条第2項#4}
	 * @param clause its clause
	 * @param deliverable what answers it
	 * @param description what exactly is asked
	 * @param dueOn by when
	 * @param periodFrom the first day of the period covered, or {@code null}
	 * @param periodTo the last day, or {@code null}
	 * @param chainLevel the level of the subcontracting chain it concerns, or
	 * {@code null}
	 * @param state {@code REQUESTED}, {@code ANSWERED}, {@code ACCEPTED} or
	 * {@code WAIVED}
	 * @param requestedByName who asked
	 * @param requestedAt when
	 * @param obligations the obligations it raised
	 */
	record RequestView(UUID id, String number, String requirement, String clause, String deliverable,
			String description, LocalDate dueOn, @Nullable LocalDate periodFrom, @Nullable LocalDate periodTo,
			@Nullable Integer chainLevel, String state, String requestedByName, Instant requestedAt,
			List<UUID> obligations) {

		static RequestView of(ClientRequest r, String state, List<Obligation> obligations) {
			return new RequestView(r.getId(), r.getNumber(), r.getRequirementKey(), r.getClauseRef(),
					r.getDeliverable().name(), r.getDescription(), r.getDueOn(), r.getPeriodFrom(), r.getPeriodTo(),
					r.getChainLevel(), state, r.getRequestedByName(), r.getRequestedAt(),
					obligations.stream().map(Obligation::getId).toList());
		}

	}

}
