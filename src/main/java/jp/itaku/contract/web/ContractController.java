package jp.itaku.contract.web;

import java.util.UUID;

import jakarta.validation.Valid;
import jp.itaku.catalog.ClauseCatalog;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
import jp.itaku.contract.Contracts;
import jp.itaku.organisation.Organisations;
import jp.itaku.platform.Actor;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.web.FormErrors;

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
 * Registering and changing contracts, and moving them through their lifecycle. The
 * contract's own page with its obligations belongs to the obligation module.
 */
@Controller
class ContractController {

	private final Contracts contracts;

	private final Organisations organisations;

	private final ClauseCatalog catalog;

	private final FormErrors formErrors;

	ContractController(Contracts contracts, Organisations organisations, ClauseCatalog catalog, FormErrors formErrors) {
		this.contracts = contracts;
		this.organisations = organisations;
		this.catalog = catalog;
		this.formErrors = formErrors;
	}

	@InitBinder("form")
	void allowedFields(WebDataBinder binder) {
		binder.setAllowedFields("number", "title", "clientDepartment", "contractorOrganisationId", "profileId",
				"periodStart", "periodEnd", "attributes", "immediately", "promptly", "withoutDelay", "workLocations",
				"serviceLevels", "clientContact", "contractorContact");
	}

	@ModelAttribute("allAttributes")
	ContractAttribute[] attributes() {
		return ContractAttribute.values();
	}

	@GetMapping("/contracts/new")
	String newForm(Model model) {
		CurrentActor.require();
		model.addAttribute("form", new ContractForm());
		return form(model, null);
	}

	@PostMapping("/contracts/new")
	String register(@Valid @ModelAttribute("form") ContractForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Actor actor = CurrentActor.require();
		if (!result.hasErrors()) {
			try {
				Contract contract = this.contracts.register(actor, form);
				redirect.addFlashAttribute("flash", "contract.registered");
				return "redirect:/contracts/" + contract.getId();
			}
			catch (InvalidInputProblem problem) {
				this.formErrors.reject(result, problem);
			}
		}
		return form(model, null);
	}

	@GetMapping("/contracts/{id}/edit")
	String editForm(@PathVariable("id") UUID id, Model model) {
		Contract contract = this.contracts.get(CurrentActor.require(), id);
		model.addAttribute("form", ContractForms.of(contract));
		return form(model, contract);
	}

	@PostMapping("/contracts/{id}/edit")
	String update(@PathVariable("id") UUID id, @Valid @ModelAttribute("form") ContractForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Actor actor = CurrentActor.require();
		Contract contract = this.contracts.get(actor, id);
		form.setContractorOrganisationId(contract.getContractorOrganisationId());
		form.setProfileId(contract.getProfileId());
		if (!result.hasErrors()) {
			try {
				this.contracts.update(actor, id, form);
				redirect.addFlashAttribute("flash", "contract.updated");
				return "redirect:/contracts/" + id;
			}
			catch (InvalidInputProblem problem) {
				this.formErrors.reject(result, problem);
			}
		}
		return form(model, contract);
	}

	@PostMapping("/contracts/{id}/activate")
	String activate(@PathVariable("id") UUID id, RedirectAttributes redirect) {
		this.contracts.activate(CurrentActor.require(), id);
		redirect.addFlashAttribute("flash", "contract.activated");
		return "redirect:/contracts/" + id;
	}

	@PostMapping("/contracts/{id}/end")
	String end(@PathVariable("id") UUID id, RedirectAttributes redirect) {
		this.contracts.end(CurrentActor.require(), id);
		redirect.addFlashAttribute("flash", "contract.ended");
		return "redirect:/contracts/" + id;
	}

	@PostMapping("/contracts/{id}/close")
	String close(@PathVariable("id") UUID id, RedirectAttributes redirect) {
		try {
			this.contracts.close(CurrentActor.require(), id);
			redirect.addFlashAttribute("flash", "contract.closed");
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.formErrors.messages(problem));
		}
		return "redirect:/contracts/" + id;
	}

	private String form(Model model, Contract contract) {
		Actor actor = CurrentActor.require();
		model.addAttribute("contract", contract);
		model.addAttribute("contractors", this.organisations.findAllOfKindUnscoped(OrganisationKind.CONTRACTOR));
		model.addAttribute("profiles", this.catalog.profiles());
		model.addAttribute("actor", actor);
		return "contracts/form";
	}

}
