package jp.itaku.servicelevel.web;

import java.util.UUID;

import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.web.FormErrors;
import jp.itaku.servicelevel.MeasurementForm;
import jp.itaku.servicelevel.ServiceLevels;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A contract's service levels: the targets with their recent periods, and the form the
 * contractor's lead records a period's value with.
 */
@Controller
class ServiceLevelController {

	private final ServiceLevels serviceLevels;

	private final FormErrors formErrors;

	ServiceLevelController(ServiceLevels serviceLevels, FormErrors formErrors) {
		this.serviceLevels = serviceLevels;
		this.formErrors = formErrors;
	}

	@InitBinder("form")
	void allowedFields(WebDataBinder binder) {
		binder.setAllowedFields("target", "period", "value", "note");
	}

	@GetMapping("/contracts/{id}/service-levels")
	String page(@PathVariable("id") UUID contractId, Model model) {
		model.addAttribute("overview", this.serviceLevels.overview(CurrentActor.require(), contractId));
		return "servicelevels/page";
	}

	@PostMapping("/contracts/{id}/service-levels")
	String record(@PathVariable("id") UUID contractId, @ModelAttribute("form") MeasurementForm form,
			RedirectAttributes redirect) {
		try {
			this.serviceLevels.record(CurrentActor.require(), contractId, form);
			redirect.addFlashAttribute("flash", "servicelevel.recorded");
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.formErrors.messages(problem));
			redirect.addFlashAttribute("failedTarget", form.getTarget());
		}
		return "redirect:/contracts/" + contractId + "/service-levels";
	}

}
