package jp.itaku.notice.web;

import java.time.Clock;
import java.util.UUID;

import jp.itaku.notice.NoticeForm;
import jp.itaku.notice.Notices;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.web.FormErrors;
import jp.itaku.platform.web.Idempotent;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page of a contract's notices and reports: the list, and the form to file one.
 */
@Controller
class NoticeController {

	private final Notices notices;

	private final FormErrors formErrors;

	private final Clock clock;

	NoticeController(Notices notices, FormErrors formErrors, Clock clock) {
		this.notices = notices;
		this.formErrors = formErrors;
		this.clock = clock;
	}

	@InitBinder("form")
	void allowedFields(WebDataBinder binder) {
		binder.setAllowedFields("kind", "deliverable", "occurredOn", "description");
	}

	@GetMapping("/contracts/{id}/notices")
	String list(@PathVariable("id") UUID contractId, Model model) {
		NoticeForm form = new NoticeForm();
		form.setOccurredOn(ItakuTime.today(this.clock));
		return page(contractId, form, model);
	}

	@PostMapping("/contracts/{id}/notices")
	@Idempotent
	String file(@PathVariable("id") UUID contractId, @ModelAttribute("form") NoticeForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return page(contractId, form, model);
		}
		try {
			Notices.Filed filed = this.notices.file(CurrentActor.require(), contractId, form);
			redirect.addFlashAttribute("filed", filed.notice().getNumber());
			redirect.addFlashAttribute("raised", filed.raised().size());
			return "redirect:/contracts/" + contractId + "/notices";
		}
		catch (InvalidInputProblem problem) {
			this.formErrors.reject(result, problem);
			return page(contractId, form, model);
		}
	}

	private String page(UUID contractId, NoticeForm form, Model model) {
		model.addAttribute("list", this.notices.list(CurrentActor.require(), contractId));
		model.addAttribute("form", form);
		return "notices/list";
	}

}
