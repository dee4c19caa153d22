package jp.itaku.audit.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jp.itaku.audit.AuditCheckpoint;
import jp.itaku.audit.AuditCheckpoints;
import jp.itaku.audit.AuditTrail;
import jp.itaku.audit.ChainVerification;
import jp.itaku.platform.Actor;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.Role;
import jp.itaku.platform.web.ProblemMessages;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The audit trail pages: list with filters, CSV export, verification of the chain, and a
 * checkpoint on demand (the system administrator).
 */
@Controller
class AuditController {

	static final int PAGE_SIZE = 10;

	static final int EXPORT_LIMIT = 100_000;

	private final AuditTrail audit;

	private final ProblemMessages messages;

	private final Clock clock;

	private final AuditCheckpoints checkpoints;

	AuditController(AuditTrail audit, AuditCheckpoints checkpoints, ProblemMessages messages, Clock clock) {
		this.audit = audit;
		this.checkpoints = checkpoints;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/audit")
	String list(@ModelAttribute("filter") AuditFilter filter, @RequestParam(name = "page", defaultValue = "0") int page,
			Model model) {
		Actor actor = CurrentActor.require();
		model.addAttribute("result", this.audit.search(actor, filter.toSearch(), Math.max(0, page), PAGE_SIZE));
		model.addAttribute("mayWriteCheckpoint", actor.is(Role.SYSTEM_ADMIN));
		return "audit/list";
	}

	@GetMapping("/audit/export.csv")
	void export(@ModelAttribute("filter") AuditFilter filter, HttpServletResponse response) throws IOException {
		Actor actor = CurrentActor.require();
		var entries = this.audit.export(actor, filter.toSearch(), EXPORT_LIMIT);
		String name = "audit-" + DateTimeFormatter.BASIC_ISO_DATE.format(ItakuTime.today(this.clock)) + ".csv";
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(name).build().toString());
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		List<String> header = List
			.of("seq", "occurred_at", "username", "organisation_id", "action", "target_type", "target_id", "client_ip",
					"outcome", "details", "entry_hash")
			.stream()
			.map((column) -> this.messages.text("audit.column." + column))
			.toList();
		AuditCsv.write(out, header, entries);
	}

	@PostMapping("/audit/verify")
	String verify(RedirectAttributes redirect) {
		Actor actor = CurrentActor.require();
		ChainVerification result = this.audit.verify(actor);
		redirect.addFlashAttribute("verification", result);
		return "redirect:/audit";
	}

	@PostMapping("/audit/checkpoint")
	String checkpoint(RedirectAttributes redirect) {
		AuditCheckpoint checkpoint = this.checkpoints.writeNow(CurrentActor.require());
		redirect.addFlashAttribute("checkpoint", checkpoint);
		return "redirect:/audit";
	}

}
