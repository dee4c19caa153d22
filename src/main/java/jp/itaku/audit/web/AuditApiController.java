package jp.itaku.audit.web;

import java.util.Map;

import jp.itaku.audit.AuditCheckpoints;
import jp.itaku.audit.AuditPage;
import jp.itaku.audit.AuditTrail;
import jp.itaku.audit.ChainVerification;
import jp.itaku.platform.Actor;
import jp.itaku.platform.CurrentActor;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail over the REST API: entries with the same filters as the page,
 * verification of the chain (against its last checkpoint), and a checkpoint on demand.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditApiController {

	private final AuditTrail audit;

	private final AuditCheckpoints checkpoints;

	AuditApiController(AuditTrail audit, AuditCheckpoints checkpoints) {
		this.audit = audit;
		this.checkpoints = checkpoints;
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

	@PostMapping("/checkpoints")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> checkpoint() {
		return this.checkpoints.writeNow(CurrentActor.require()).json();
	}

}
