package jp.itaku.incident.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jp.itaku.platform.TextLimit;
import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.contract.ContractSummary;
import jp.itaku.incident.Incident;
import jp.itaku.incident.IncidentCategory;
import jp.itaku.incident.IncidentForm;
import jp.itaku.incident.Incidents;
import jp.itaku.incident.Publication;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.web.FormErrors;
import jp.itaku.platform.web.Idempotent;
import jp.itaku.platform.web.Downloads;

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
 * Incident pages: a contract's incidents with the emergency response plan's panel, the
 * phone-sized report form, one incident with its timeline and the actions of each side,
 * the open incidents across the actor's contracts, and the incident report PDF.
 */
@Controller
class IncidentController {

	private final Incidents incidents;

	private final Contracts contracts;

	private final FormErrors formErrors;

	private final Clock clock;

	IncidentController(Incidents incidents, Contracts contracts, FormErrors formErrors, Clock clock) {
		this.incidents = incidents;
		this.contracts = contracts;
		this.formErrors = formErrors;
		this.clock = clock;
	}

	@InitBinder("form")
	void allowedFields(WebDataBinder binder) {
		binder.setAllowedFields("category", "suspected", "detectedAt", "location", "description", "information",
				"recordCount", "containment");
	}

	@GetMapping("/contracts/{id}/incidents")
	String list(@PathVariable("id") UUID contractId, Model model) {
		model.addAttribute("list", this.incidents.list(CurrentActor.require(), contractId));
		return "incidents/list";
	}

	@GetMapping("/incidents")
	String open(Model model) {
		Actor actor = CurrentActor.require();
		List<Incident> open = this.incidents.open(actor);
		// The list spans contracts, and each contract numbers its incidents from 1: each
		// row names its contract, and its number is shown with the contract's.
		Map<UUID, Contract> contracts = new HashMap<>();
		for (Incident incident : open) {
			if (!contracts.containsKey(incident.getContractId())) {
				try {
					contracts.put(incident.getContractId(),
							this.contracts.getAsParticipant(actor, incident.getContractId()));
				}
				catch (NotFoundProblem ex) {
					// Listed through the actor's own report only: named by the incident.
				}
			}
		}
		model.addAttribute("incidents", open);
		model.addAttribute("contractsById", contracts);
		return "incidents/open";
	}

	/**
	 * The header's 「事故・インシデントを報告」: straight to the form when the user reports on one
	 * contract, otherwise a choice of contracts.
	 */
	@GetMapping("/incidents/report")
	String reportOn(Model model) {
		List<ContractSummary> contracts = this.incidents.reportable(CurrentActor.require());
		if (contracts.size() == 1) {
			return "redirect:/contracts/" + contracts.get(0).id() + "/incidents/new";
		}
		model.addAttribute("contracts", contracts);
		return "incidents/choose";
	}

	@GetMapping("/contracts/{id}/incidents/new")
	String newIncident(@PathVariable("id") UUID contractId, Model model) {
		IncidentForm form = new IncidentForm();
		form.setDetectedAt(ItakuTime.inTokyo(Instant.now(this.clock)).toLocalDateTime().withSecond(0).withNano(0));
		return form(contractId, form, model);
	}

	@PostMapping("/contracts/{id}/incidents")
	@Idempotent
	String report(@PathVariable("id") UUID contractId, @ModelAttribute("form") IncidentForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return form(contractId, form, model);
		}
		try {
			Incident incident = this.incidents.report(CurrentActor.require(), contractId, form);
			redirect.addFlashAttribute("flash", "incident.reported");
			return "redirect:/incidents/" + incident.getId();
		}
		catch (InvalidInputProblem problem) {
			this.formErrors.reject(result, problem);
			return form(contractId, form, model);
		}
	}

	@GetMapping("/incidents/{id}")
	String detail(@PathVariable("id") UUID incidentId, Model model) {
		model.addAttribute("detail", this.incidents.detail(CurrentActor.require(), incidentId));
		model.addAttribute("publications", Publication.values());
		return "incidents/detail";
	}

	@PostMapping("/incidents/{id}/acknowledge")
	String acknowledge(@PathVariable("id") UUID incidentId, Model model, RedirectAttributes redirect) {
		return act(incidentId, model, redirect, "incident.acknowledged",
				() -> this.incidents.acknowledge(CurrentActor.require(), incidentId));
	}

	@PostMapping("/incidents/{id}/updates")
	@Idempotent
	String update(@PathVariable("id") UUID incidentId,
			@RequestParam(name = "text", required = false) @TextLimit(4000) String text, Model model,
			RedirectAttributes redirect) {
		return act(incidentId, model, redirect, "incident.updateAdded",
				() -> this.incidents.addUpdate(CurrentActor.require(), incidentId, text));
	}

	@PostMapping("/incidents/{id}/instructions")
	@Idempotent
	String instruct(@PathVariable("id") UUID incidentId,
			@RequestParam(name = "text", required = false) @TextLimit(4000) String text, Model model,
			RedirectAttributes redirect) {
		return act(incidentId, model, redirect, "incident.instructed",
				() -> this.incidents.instruct(CurrentActor.require(), incidentId, text));
	}

	@PostMapping("/incidents/{id}/cause")
	String cause(@PathVariable("id") UUID incidentId,
			@RequestParam(name = "cause", required = false) @TextLimit(4000) String cause,
			@RequestParam(name = "prevention", required = false) @TextLimit(4000) String prevention, Model model,
			RedirectAttributes redirect) {
		return act(incidentId, model, redirect, "incident.causeRecorded",
				() -> this.incidents.recordCause(CurrentActor.require(), incidentId, cause, prevention));
	}

	@PostMapping("/incidents/{id}/close")
	String close(@PathVariable("id") UUID incidentId, @RequestParam(name = "note", required = false) String note,
			Model model, RedirectAttributes redirect) {
		return act(incidentId, model, redirect, "incident.closed",
				() -> this.incidents.close(CurrentActor.require(), incidentId, note));
	}

	@PostMapping("/incidents/{id}/publication")
	String publication(@PathVariable("id") UUID incidentId,
			@RequestParam(name = "publication", required = false) Publication publication,
			@RequestParam(name = "reason", required = false) String reason, Model model, RedirectAttributes redirect) {
		return act(incidentId, model, redirect, "incident.publicationDecided",
				() -> this.incidents.decidePublication(CurrentActor.require(), incidentId, publication, reason));
	}

	@GetMapping("/incidents/{id}/report.pdf")
	void pdf(@PathVariable("id") UUID incidentId, HttpServletResponse response) throws IOException {
		Incidents.OpenedReport report = this.incidents.openReport(CurrentActor.require(), incidentId);
		Downloads.send(response, report.fileName(), report.content());
	}

	private String act(UUID incidentId, Model model, RedirectAttributes redirect, String flash, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("flash", flash);
			return "redirect:/incidents/" + incidentId;
		}
		catch (InvalidInputProblem problem) {
			model.addAttribute("actionErrors", this.formErrors.messages(problem));
			return detail(incidentId, model);
		}
	}

	private String form(UUID contractId, IncidentForm form, Model model) {
		Actor actor = CurrentActor.require();
		Contract contract = this.contracts.getAsParticipant(actor, contractId);
		if (!this.incidents.mayReport(actor, contract)) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		model.addAttribute("contract", contract);
		model.addAttribute("form", form);
		model.addAttribute("categories", IncidentCategory.values());
		return "incidents/new";
	}

}
