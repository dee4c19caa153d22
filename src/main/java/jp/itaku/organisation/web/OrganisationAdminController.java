package jp.itaku.organisation.web;

import java.util.UUID;

import jakarta.validation.Valid;
import jp.itaku.organisation.Organisation;
import jp.itaku.organisation.OrganisationForm;
import jp.itaku.organisation.Organisations;
import jp.itaku.platform.Actor;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.web.FormErrors;
import jp.itaku.platform.web.Idempotent;
import jp.itaku.platform.web.PageOf;
import jp.itaku.platform.web.TextFilter;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Organisation administration for the system administrator.
 */
@Controller
@RequestMapping("/admin/organisations")
class OrganisationAdminController {

	/** Organisations per page of the list. */
	static final int PAGE_SIZE = 50;

	private final Organisations organisations;

	private final FormErrors formErrors;

	OrganisationAdminController(Organisations organisations, FormErrors formErrors) {
		this.organisations = organisations;
		this.formErrors = formErrors;
	}

	@InitBinder("form")
	void allowedFields(WebDataBinder binder) {
		binder.setAllowedFields("name", "kind", "address");
	}

	@ModelAttribute("kinds")
	OrganisationKind[] kinds() {
		return OrganisationKind.values();
	}

	@GetMapping
	String list(@RequestParam(name = "q", required = false) @Nullable String text,
			@RequestParam(name = "kind", required = false) @Nullable OrganisationKind kind,
			@RequestParam(name = "page", defaultValue = "0") String page, Model model) {
		TextFilter filter = TextFilter.of(text);
		model.addAttribute("organisations",
				PageOf.of(this.organisations.list(CurrentActor.require())
					.stream()
					.filter((o) -> kind == null || o.getKind() == kind)
					.filter((o) -> filter.matches(o.getName(), o.getAddress()))
					.toList(), page, PAGE_SIZE));
		model.addAttribute("q", text);
		model.addAttribute("kind", kind);
		return "admin/organisations";
	}

	@GetMapping("/new")
	String newForm(Model model) {
		model.addAttribute("form", new OrganisationForm());
		return "admin/organisation-form";
	}

	@PostMapping("/new")
	@Idempotent
	String create(@Valid @ModelAttribute("form") OrganisationForm form, BindingResult result,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.organisations.create(CurrentActor.require(), form);
				redirect.addFlashAttribute("flash", "admin.organisation.created");
				return "redirect:/admin/organisations";
			}
			catch (InvalidInputProblem problem) {
				this.formErrors.reject(result, problem);
			}
		}
		return "admin/organisation-form";
	}

	@GetMapping("/{id}")
	String edit(@PathVariable("id") UUID id, Model model) {
		Organisation organisation = this.organisations.get(CurrentActor.require(), id);
		model.addAttribute("organisation", organisation);
		model.addAttribute("form", OrganisationForm.of(organisation));
		return "admin/organisation-form";
	}

	@PostMapping("/{id}")
	String update(@PathVariable("id") UUID id, @Valid @ModelAttribute("form") OrganisationForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Actor actor = CurrentActor.require();
		Organisation organisation = this.organisations.get(actor, id);
		if (!result.hasErrors()) {
			try {
				this.organisations.update(actor, id, form);
				redirect.addFlashAttribute("flash", "admin.organisation.updated");
				return "redirect:/admin/organisations";
			}
			catch (InvalidInputProblem problem) {
				this.formErrors.reject(result, problem);
			}
		}
		model.addAttribute("organisation", organisation);
		return "admin/organisation-form";
	}

}
