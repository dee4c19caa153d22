package jp.itaku.finding.web;

import java.util.UUID;

import jp.itaku.finding.Findings;
import jp.itaku.platform.CurrentActor;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The contract's findings from every source on one page (指摘事項), each linking its own page
 * where it is worked on.
 */
@Controller
class FindingsController {

	private final Findings findings;

	FindingsController(Findings findings) {
		this.findings = findings;
	}

	@GetMapping("/contracts/{id}/findings")
	String list(@PathVariable("id") UUID contractId, Model model) {
		model.addAttribute("list", this.findings.list(CurrentActor.require(), contractId));
		return "findings/list";
	}

}
