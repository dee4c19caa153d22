package jp.itaku.contract.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jp.itaku.catalog.ClauseCatalog;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
import jp.itaku.contract.ContractRoles;
import jp.itaku.contract.Contracts;
import jp.itaku.contract.MeasurementPeriod;
import jp.itaku.contract.ServiceLevelMetric;
import jp.itaku.contract.ServiceLevelRules;
import jp.itaku.contract.ServiceLevelTargetForm;
import jp.itaku.organisation.Organisations;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.web.FormErrors;
import jp.itaku.platform.web.Idempotent;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Registering and changing contracts, and moving them through their lifecycle. The
 * contract's own page with its obligations belongs to the obligation module.
 * <p>
 * The service-level targets are rows of the form; without scripts, "add a row" and
 * "remove this row" are submit buttons that come back to the form with the rows changed
 * and nothing saved.
 */
@Controller
class ContractController {

	/** Rows a form offers at least, filled or blank. */
	private static final int MIN_ROWS = 3;

	private static final String ADD_ROW = "addServiceLevelRow";

	private static final String REMOVE_ROW = "removeServiceLevelRow";

	private final Contracts contracts;

	private final Organisations organisations;

	private final ClauseCatalog catalog;

	private final FormErrors formErrors;

	private final SpringValidatorAdapter validator;

	ContractController(Contracts contracts, Organisations organisations, ClauseCatalog catalog, FormErrors formErrors,
			Validator validator) {
		this.validator = new SpringValidatorAdapter(validator);
		this.contracts = contracts;
		this.organisations = organisations;
		this.catalog = catalog;
		this.formErrors = formErrors;
	}

	@InitBinder("form")
	void allowedFields(WebDataBinder binder) {
		binder.setAllowedFields("number", "title", "clientDepartment", "contractorOrganisationId", "profileId",
				"periodStart", "periodEnd", "attributes", "immediately", "promptly", "withoutDelay", "workLocations",
				"serviceLevels", "serviceLevelTargets*", "clientContact", "contractorContact", "reportingInterval");
	}

	@ModelAttribute("allAttributes")
	ContractAttribute[] attributes() {
		return ContractAttribute.values();
	}

	@ModelAttribute("reportingIntervals")
	List<String> reportingIntervals() {
		return Contract.REPORTING_INTERVALS;
	}

	@ModelAttribute("allMetrics")
	ServiceLevelMetric[] metrics() {
		return ServiceLevelMetric.values();
	}

	@ModelAttribute("allMeasurementPeriods")
	MeasurementPeriod[] measurementPeriods() {
		return MeasurementPeriod.values();
	}

	@GetMapping("/contracts/new")
	String newForm(Model model) {
		registrar();
		ContractForm form = new ContractForm();
		padRows(form);
		model.addAttribute("form", form);
		return form(model, null);
	}

	@PostMapping(path = "/contracts/new", params = ADD_ROW)
	String addRowToNew(@ModelAttribute("form") ContractForm form, BindingResult result, Model model) {
		registrar();
		addRow(form);
		return form(model, null);
	}

	@PostMapping(path = "/contracts/new", params = REMOVE_ROW)
	String removeRowFromNew(@ModelAttribute("form") ContractForm form, BindingResult result,
			@RequestParam(REMOVE_ROW) int row, Model model) {
		registrar();
		removeRow(form, row);
		return form(model, null);
	}

	@PostMapping("/contracts/new")
	@Idempotent
	String register(@Valid @ModelAttribute("form") ContractForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Actor actor = registrar();
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
		Contract contract = editable(CurrentActor.require(), id);
		ContractForm form = ContractForms.of(contract);
		padRows(form);
		model.addAttribute("form", form);
		return form(model, contract);
	}

	@PostMapping(path = "/contracts/{id}/edit", params = ADD_ROW)
	String addRowToEdit(@PathVariable("id") UUID id, @ModelAttribute("form") ContractForm form, BindingResult result,
			Model model) {
		Contract contract = editable(CurrentActor.require(), id);
		addRow(form);
		return form(model, contract);
	}

	@PostMapping(path = "/contracts/{id}/edit", params = REMOVE_ROW)
	String removeRowFromEdit(@PathVariable("id") UUID id, @ModelAttribute("form") ContractForm form,
			BindingResult result, @RequestParam(REMOVE_ROW) int row, Model model) {
		Contract contract = editable(CurrentActor.require(), id);
		removeRow(form, row);
		return form(model, contract);
	}

	@PostMapping("/contracts/{id}/edit")
	String update(@PathVariable("id") UUID id, @ModelAttribute("form") ContractForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Actor actor = CurrentActor.require();
		Contract contract = editable(actor, id);
		// The edit form does not offer the contractor and the profile (they are fixed
		// once registered): fill them in before validating, or the form could never be
		// saved.
		form.setContractorOrganisationId(contract.getContractorOrganisationId());
		form.setProfileId(contract.getProfileId());
		this.validator.validate(form, result);
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

	/**
	 * Offers at least {@link #MIN_ROWS} rows and one blank row to fill in.
	 */
	private static void padRows(ContractForm form) {
		List<ServiceLevelTargetForm> rows = form.getServiceLevelTargets();
		while (rows.size() < MIN_ROWS || (rows.stream().noneMatch(ServiceLevelRules::isBlank)
				&& rows.size() < ServiceLevelRules.MAX_TARGETS)) {
			rows.add(new ServiceLevelTargetForm());
		}
	}

	private static void addRow(ContractForm form) {
		if (form.getServiceLevelTargets().size() < ServiceLevelRules.MAX_TARGETS) {
			form.getServiceLevelTargets().add(new ServiceLevelTargetForm());
		}
	}

	private static void removeRow(ContractForm form, int row) {
		if (row >= 0 && row < form.getServiceLevelTargets().size()) {
			form.getServiceLevelTargets().remove(row);
		}
	}

	/**
	 * Returns the acting user when they may register contracts; everyone else is refused
	 * before anything of the form (the client's contractors among it) is shown.
	 */
	private Actor registrar() {
		Actor actor = CurrentActor.require();
		if (!ContractRoles.registersForClient(actor)) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		return actor;
	}

	/** Returns a contract the acting user may change; others are refused. */
	private Contract editable(Actor actor, UUID id) {
		Contract contract = this.contracts.get(actor, id);
		if (!ContractRoles.editsForClient(actor, contract)) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		return contract;
	}

	private String form(Model model, @Nullable Contract contract) {
		Actor actor = CurrentActor.require();
		model.addAttribute("contract", contract);
		// Only a new contract chooses its contractor; the list is for registrars only.
		model.addAttribute("contractors", (contract == null) ? this.organisations.contractorChoices(actor) : List.of());
		model.addAttribute("profiles", this.catalog.profiles());
		model.addAttribute("actor", actor);
		return "contracts/form";
	}

}
