package jp.itaku.notice.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jp.itaku.notice.Notice;
import jp.itaku.notice.NoticeForm;
import jp.itaku.notice.Notices;
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
 * The API of a contract's notices and reports.
 */
@RestController
class NoticeApiController {

	private final Notices notices;

	NoticeApiController(Notices notices) {
		this.notices = notices;
	}

	@GetMapping("/api/v1/contracts/{id}/notices")
	List<NoticeView> list(@PathVariable("id") UUID contractId) {
		return this.notices.list(CurrentActor.require(), contractId)
			.notices()
			.stream()
			.map((n) -> NoticeView.of(n, List.of()))
			.toList();
	}

	@PostMapping("/api/v1/contracts/{id}/notices")
	@Idempotent
	ResponseEntity<NoticeView> file(@PathVariable("id") UUID contractId,
			@RequestBody(required = false) @Nullable NoticeForm form) {
		Notices.Filed filed = this.notices.file(CurrentActor.require(), contractId,
				(form != null) ? form : new NoticeForm());
		return ResponseEntity.created(URI.create("/api/v1/contracts/" + contractId + "/notices"))
			.body(NoticeView.of(filed.notice(), filed.raised()));
	}

	/**
	 * A notice as the API shows it.
	 *
	 * @param id the notice
	 * @param number its number on the contract
	 * @param kind what it reports
	 * @param deliverable the changed document, for a changed document
	 * @param occurredOn the day it happened (Tokyo)
	 * @param description what happened
	 * @param filedByName who filed it
	 * @param filedAt when
	 * @param obligations the obligations it raised (when just filed)
	 */
	record NoticeView(UUID id, String number, String kind, @Nullable String deliverable, LocalDate occurredOn,
			String description, String filedByName, Instant filedAt, List<UUID> obligations) {

		static NoticeView of(Notice n, List<Obligation> raised) {
			return new NoticeView(n.getId(), n.getNumber(), n.getKind().name(),
					(n.getDeliverable() != null) ? n.getDeliverable().name() : null, n.getOccurredOn(),
					n.getDescription(), n.getFiledByName(), n.getFiledAt(),
					raised.stream().map(Obligation::getId).toList());
		}

	}

}
