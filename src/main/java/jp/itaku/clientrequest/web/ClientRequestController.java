package jp.itaku.clientrequest.web;

import java.time.Clock;
import java.util.UUID;

import jp.itaku.clientrequest.ClientRequestForm;
import jp.itaku.clientrequest.ClientRequests;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.web.FormErrors;
import jp.itaku.platform.web.Idempotent;

import org.jspecify.annotations.Nullable;

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
 * The page of a contract's requests for reports and material (報告・資料の請求): the list with
 * each request's state, due date and obligation, the client's form to ask, and the
 * contractor's answer with Itaku's log export.
 */
@Controller
class ClientRequestController {

	private final ClientRequests requests;

	private final FormErrors formErrors;

	private final Clock clock;

	ClientRequestController(ClientRequests requests, FormErrors formErrors, Clock clock) {
		this.requests = requests;
		this.formErrors = formErrors;
		this.clock = clock;
	}

	@InitBinder("form")
	void allowedFields(WebDataBinder binder) {
		binder.setAllowedFields("requirement", "description", "dueOn", "periodFrom", "periodTo", "chainLevel",
				"subcontractor");
	}

	@GetMapping("/contracts/{id}/requests")
	String list(@PathVariable("id") UUID contractId, Model model) {
		ClientRequestForm form = new ClientRequestForm();
		form.setDueOn(ItakuTime.today(this.clock).plusDays(14));
		return page(contractId, form, model);
	}

	@PostMapping("/contracts/{id}/requests")
	@Idempotent
	String request(@PathVariable("id") UUID contractId, @ModelAttribute("form") ClientRequestForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return page(contractId, form, model);
		}
		try {
			ClientRequests.Requested requested = this.requests.request(CurrentActor.require(), contractId, form);
			redirect.addFlashAttribute("requested", requested.request().getNumber());
			redirect.addFlashAttribute("raised", requested.raised().size());
			return "redirect:/contracts/" + contractId + "/requests";
		}
		catch (InvalidInputProblem problem) {
			this.formErrors.reject(result, problem);
			return page(contractId, form, model);
		}
	}

	@PostMapping("/contracts/{id}/requests/{requestId}/log-answer")
	@Idempotent
	String answerWithLogs(@PathVariable("id") UUID contractId, @PathVariable("requestId") UUID requestId,
			@RequestParam(name = "comment", required = false) @Nullable String comment, RedirectAttributes redirect) {
		try {
			ClientRequests.LogAnswer answer = this.requests.answerWithLogs(CurrentActor.require(), contractId,
					requestId, comment);
			redirect.addFlashAttribute("answered", answer);
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.formErrors.messages(problem));
		}
		return "redirect:/contracts/" + contractId + "/requests";
	}

	private String page(UUID contractId, ClientRequestForm form, Model model) {
		model.addAttribute("list", this.requests.list(CurrentActor.require(), contractId));
		model.addAttribute("form", form);
		return "requests/list";
	}

}
