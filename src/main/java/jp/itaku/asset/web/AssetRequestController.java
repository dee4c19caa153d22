package jp.itaku.asset.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jp.itaku.asset.AssetBackups;
import jp.itaku.asset.AssetOverviews;
import jp.itaku.asset.AssetRegister;
import jp.itaku.asset.AssetRequest;
import jp.itaku.asset.AssetRequestForm;
import jp.itaku.asset.AssetRequests;
import jp.itaku.asset.AssetShipment;
import jp.itaku.asset.AssetShipments;
import jp.itaku.asset.AssetStepForm;
import jp.itaku.asset.BackupForm;
import jp.itaku.asset.BringInKind;
import jp.itaku.asset.DisposalMethod;
import jp.itaku.asset.RequestType;
import jp.itaku.asset.ShipmentForm;
import jp.itaku.asset.ShipmentMethod;
import jp.itaku.asset.ShipmentRecipient;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractRoles;
import jp.itaku.contract.Contracts;
import jp.itaku.platform.Actor;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.web.Downloads;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The requests of a contract's assets (copy, take-out, bring-in, disposal, return) with
 * their steps, the shipments and the operational backups. Each step posts to its own
 * address; a refused step comes back to the request with the reasons.
 */
@Controller
class AssetRequestController {

	private final AssetRequests requests;

	private final AssetShipments shipments;

	private final AssetBackups backups;

	private final AssetOverviews overviews;

	private final AssetRegister register;

	private final Contracts contracts;

	private final FormErrors formErrors;

	private final Clock clock;

	AssetRequestController(AssetRequests requests, AssetShipments shipments, AssetBackups backups,
			AssetOverviews overviews, AssetRegister register, Contracts contracts, FormErrors formErrors, Clock clock) {
		this.requests = requests;
		this.shipments = shipments;
		this.backups = backups;
		this.overviews = overviews;
		this.register = register;
		this.contracts = contracts;
		this.formErrors = formErrors;
		this.clock = clock;
	}

	@InitBinder("form")
	void allowedFields(WebDataBinder binder) {
		binder.setAllowedFields("type", "purpose", "assetIds*", "copies", "destination", "plannedStart", "plannedEnd",
				"personId", "encrypted", "passwordProtected", "lockedContainer", "otherMeasures", "itemDescription",
				"itemKind", "method", "thirdParty", "includeBackups", "assetId", "trackingNumber", "confidential",
				"recipient", "shippedAt", "senderId", "description", "storage", "retention", "recipientKind",
				"recipientOrganisationId", "approvalId");
	}

	@InitBinder("step")
	void allowedStepFields(WebDataBinder binder) {
		binder.setAllowedFields("at", "personId", "detail", "receivedBy", "comment", "thirdPartyApproved", "witnessId",
				"confirmedBy");
	}

	@GetMapping("/contracts/{id}/asset-requests/new")
	String newRequest(@PathVariable("id") UUID contractId, @RequestParam("type") RequestType type, Model model) {
		AssetRequestForm form = new AssetRequestForm();
		form.setType(type);
		form.setPlannedStart(now());
		return requestForm(contractId, form, model);
	}

	@PostMapping("/contracts/{id}/asset-requests")
	@Idempotent
	String request(@PathVariable("id") UUID contractId, @ModelAttribute("form") AssetRequestForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				AssetRequest request = this.requests.request(CurrentActor.require(), contractId, form);
				redirect.addFlashAttribute("flash", "asset.request.requested");
				return "redirect:/asset-requests/" + request.getId();
			}
			catch (InvalidInputProblem problem) {
				this.formErrors.reject(result, problem);
			}
		}
		return requestForm(contractId, form, model);
	}

	@GetMapping("/asset-requests/{id}")
	String detail(@PathVariable("id") UUID requestId, Model model) {
		model.addAttribute("detail", this.requests.detail(CurrentActor.require(), requestId));
		model.addAttribute("now", now());
		return "assets/request";
	}

	@PostMapping("/asset-requests/{id}/{step}")
	String step(@PathVariable("id") UUID requestId, @PathVariable("step") String step,
			@ModelAttribute("step") AssetStepForm form, RedirectAttributes redirect) {
		Actor actor = CurrentActor.require();
		try {
			String done = switch (step) {
				case "approve" -> {
					this.requests.approve(actor, requestId, form);
					yield "asset.request.approved";
				}
				case "reject" -> {
					this.requests.reject(actor, requestId, form.getComment());
					yield "asset.request.rejected";
				}
				case "withdraw" -> {
					this.requests.withdraw(actor, requestId);
					yield "asset.request.withdrawn";
				}
				case "copy" -> {
					this.requests.recordCopy(actor, requestId, form);
					yield "asset.request.copied";
				}
				case "start" -> {
					this.requests.start(actor, requestId, form);
					yield "asset.request.started";
				}
				case "finish" -> {
					this.requests.finish(actor, requestId, form);
					yield "asset.request.finished";
				}
				case "witness" -> {
					this.requests.witness(actor, requestId, form);
					yield "asset.request.witnessedDone";
				}
				case "report" -> {
					this.requests.report(actor, requestId, form);
					yield "asset.request.reported";
				}
				case "confirm" -> {
					this.requests.confirmReturn(actor, requestId);
					yield "asset.request.confirmed";
				}
				default -> throw new NotFoundProblem("asset.request.entity");
			};
			redirect.addFlashAttribute("flash", done);
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.formErrors.messages(problem));
		}
		return "redirect:/asset-requests/" + requestId;
	}

	@GetMapping("/asset-requests/{id}/application.pdf")
	void application(@PathVariable("id") UUID requestId, HttpServletResponse response) throws IOException {
		AssetRequests.OpenedDocument document = this.requests.open(CurrentActor.require(), requestId, false);
		Downloads.send(response, document.fileName(), document.content());
	}

	@GetMapping("/asset-requests/{id}/certificate.pdf")
	void certificate(@PathVariable("id") UUID requestId, HttpServletResponse response) throws IOException {
		AssetRequests.OpenedDocument document = this.requests.open(CurrentActor.require(), requestId, true);
		Downloads.send(response, document.fileName(), document.content());
	}

	@GetMapping("/contracts/{id}/asset-shipments/new")
	String newShipment(@PathVariable("id") UUID contractId, Model model) {
		ShipmentForm form = new ShipmentForm();
		form.setShippedAt(now());
		return shipmentForm(contractId, form, model);
	}

	@PostMapping("/contracts/{id}/asset-shipments")
	@Idempotent
	String ship(@PathVariable("id") UUID contractId, @ModelAttribute("form") ShipmentForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				AssetShipment shipment = this.shipments.ship(CurrentActor.require(), contractId, form);
				redirect.addFlashAttribute("shipmentNumber", shipment.getNumber());
				return "redirect:/contracts/" + contractId + "/assets#shipments";
			}
			catch (InvalidInputProblem problem) {
				this.formErrors.reject(result, problem);
			}
		}
		return shipmentForm(contractId, form, model);
	}

	@PostMapping("/asset-shipments/{id}/arrived")
	String arrived(@PathVariable("id") UUID shipmentId, @RequestParam("contractId") UUID contractId,
			@ModelAttribute("step") AssetStepForm form, RedirectAttributes redirect) {
		try {
			this.shipments.arrived(CurrentActor.require(), shipmentId, form);
			redirect.addFlashAttribute("flash", "asset.shipment.arrivedDone");
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.formErrors.messages(problem));
		}
		return "redirect:/contracts/" + contractId + "/assets#shipments";
	}

	@PostMapping("/contracts/{id}/asset-backups")
	@Idempotent
	String declareBackups(@PathVariable("id") UUID contractId, @ModelAttribute("form") BackupForm form,
			RedirectAttributes redirect) {
		try {
			this.backups.declareBackups(CurrentActor.require(), contractId, form);
			redirect.addFlashAttribute("flash", "asset.backup.declared");
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.formErrors.messages(problem));
		}
		return "redirect:/contracts/" + contractId + "/assets#backups";
	}

	@PostMapping("/contracts/{id}/asset-backups/approve")
	String approveBackups(@PathVariable("id") UUID contractId, RedirectAttributes redirect) {
		try {
			this.backups.approveBackups(CurrentActor.require(), contractId);
			redirect.addFlashAttribute("flash", "asset.backup.approvedDone");
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("actionErrors", this.formErrors.messages(problem));
		}
		return "redirect:/contracts/" + contractId + "/assets#backups";
	}

	private String requestForm(UUID contractId, AssetRequestForm form, Model model) {
		Actor actor = CurrentActor.require();
		AssetOverviews.Overview overview = this.overviews.overview(actor, contractId);
		ContractRoles.require(overview.mayApply());
		if (form.getType() == null) {
			// The form is drawn for one type of request; without one there is nothing to
			// show.
			throw new InvalidInputProblem("type", "validation.required");
		}
		model.addAttribute("contract", overview.contract());
		model.addAttribute("form", form);
		model.addAttribute("backup", overview.backup());
		model.addAttribute("assets", (form.getType() != null && form.getType().hasItems())
				? this.requests.requestable(actor, contractId, form.getType()) : List.of());
		model.addAttribute("people", this.register.people(actor, contractId));
		model.addAttribute("bringInKinds", BringInKind.values());
		model.addAttribute("methods",
				Arrays.stream(DisposalMethod.values())
					.filter((m) -> m.isForReturn() == (form.getType() == RequestType.RETURN))
					.toList());
		return "assets/request-form";
	}

	private String shipmentForm(UUID contractId, ShipmentForm form, Model model) {
		Actor actor = CurrentActor.require();
		Contract contract = this.contracts.get(actor, contractId);
		AssetOverviews.Overview overview = this.overviews.overview(actor, contractId);
		ContractRoles.require(overview.mayApply());
		model.addAttribute("contract", contract);
		model.addAttribute("form", form);
		model.addAttribute("assets", this.requests.requestable(actor, contractId, RequestType.COPY));
		model.addAttribute("people", this.register.people(actor, contractId));
		model.addAttribute("methods", ShipmentMethod.values());
		model.addAttribute("recipientKinds", List.of(ShipmentRecipient.CLIENT, ShipmentRecipient.CONTRACTOR,
				ShipmentRecipient.SUBCONTRACTOR, ShipmentRecipient.THIRD_PARTY));
		model.addAttribute("recipients", this.shipments.recipients(actor, contractId));
		return "assets/shipment-form";
	}

	private LocalDateTime now() {
		return ItakuTime.inTokyo(Instant.now(this.clock)).toLocalDateTime().withSecond(0).withNano(0);
	}

}
