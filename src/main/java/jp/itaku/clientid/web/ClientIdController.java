package jp.itaku.clientid.web;

import java.time.LocalDate;
import java.util.UUID;

import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.clientid.ClientIds;
import jp.itaku.clientid.ClientIssuedId;
import jp.itaku.clientid.IssueIdForm;
import jp.itaku.platform.Actor;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.web.FormErrors;
import jp.itaku.platform.web.Idempotent;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A contract's client-issued IDs (門真市 4(2)–(4)): the findings first, then each person of
 * the roster with their IDs and the state of the departure report; the client's officers
 * issue and revoke here. And the findings across the client's contracts.
 */
@Controller
class ClientIdController {

	private final ClientIds ids;

	private final WorkingCalendar calendar;

	private final FormErrors formErrors;

	ClientIdController(ClientIds ids, WorkingCalendar calendar, FormErrors formErrors) {
		this.ids = ids;
		this.calendar = calendar;
		this.formErrors = formErrors;
	}

	@InitBinder("form")
	void binding(WebDataBinder binder) {
		binder.setAllowedFields("memberId", "kind", "parentId", "value", "systemName", "scopeNote", "issuedOn");
	}

	@GetMapping("/contracts/{id}/ids")
	String register(@PathVariable("id") UUID contractId, Model model) {
		IssueIdForm form = new IssueIdForm();
		form.setIssuedOn(this.calendar.today());
		return page(CurrentActor.require(), contractId, form, model);
	}

	@PostMapping("/contracts/{id}/ids")
	@Idempotent
	String issue(@PathVariable("id") UUID contractId, @ModelAttribute("form") IssueIdForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Actor actor = CurrentActor.require();
		if (result.hasErrors()) {
			return page(actor, contractId, form, model);
		}
		try {
			ClientIssuedId id = this.ids.issue(actor, contractId, form);
			redirect.addFlashAttribute("flash", "clientid.issued");
			return "redirect:/contracts/" + contractId + "/ids#id-" + id.getId();
		}
		catch (InvalidInputProblem problem) {
			this.formErrors.reject(result, problem);
			return page(actor, contractId, form, model);
		}
	}

	@PostMapping("/ids/{id}/revoke")
	String revoke(@PathVariable("id") UUID id,
			@RequestParam(name = "revokedOn",
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate revokedOn,
			@RequestParam(name = "note", required = false) String note, RedirectAttributes redirect) {
		Actor actor = CurrentActor.require();
		ClientIssuedId target = this.ids.get(actor, id);
		try {
			int revoked = this.ids.revoke(actor, id, revokedOn, note).size();
			redirect.addFlashAttribute("flash", (revoked > 1) ? "clientid.revokedWithOperators" : "clientid.revoked");
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.formErrors.messages(problem));
		}
		return "redirect:/contracts/" + target.getContractId() + "/ids";
	}

	@GetMapping("/ids/findings")
	String findings(Model model) {
		model.addAttribute("findings", this.ids.findings(CurrentActor.require()));
		return "clientids/findings";
	}

	private String page(Actor actor, UUID contractId, IssueIdForm form, Model model) {
		model.addAttribute("register", this.ids.register(actor, contractId));
		model.addAttribute("form", form);
		model.addAttribute("today", this.calendar.today());
		return "clientids/register";
	}

}
