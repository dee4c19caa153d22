package jp.itaku.audit.web;

import jp.itaku.audit.AuditPage;
import jp.itaku.audit.AuditTrail;
import jp.itaku.audit.ChainVerification;
import jp.itaku.platform.Actor;
import jp.itaku.platform.CurrentActor;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail over the REST API: entries with the same filters as the page, and
 * verification of the chain.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditApiController {

	private final AuditTrail audit;

	AuditApiController(AuditTrail audit) {
		this.audit = audit;
	}

	@GetMapping("/entries")
	AuditPage entries(@ModelAttribute AuditFilter filter, @RequestParam(name = "page", defaultValue = "0") int page,
			@RequestParam(name = "size", defaultValue = "50") int size) {
		return this.audit.search(CurrentActor.require(), filter.toSearch(), Math.max(0, page),
				Math.min(Math.max(1, size), 500));
	}

	@GetMapping("/verify")
	ChainVerification verify() {
		Actor actor = CurrentActor.require();
		return this.audit.verify(actor);
	}

}
