package jp.itaku.asset.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jp.itaku.asset.AssetItemForm;
import jp.itaku.asset.AssetKind;
import jp.itaku.asset.AssetOverviews;
import jp.itaku.asset.AssetReceipt;
import jp.itaku.asset.AssetRegister;
import jp.itaku.asset.AssetShipments;
import jp.itaku.asset.CorrectionForm;
import jp.itaku.asset.ReceiptForm;
import jp.itaku.asset.RequestType;
import jp.itaku.asset.StorageLocation;
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
 * A contract's asset register: the assets with their current state and history, the
 * receipts with their custody receipts, the receipt form (rows added without JavaScript)
 * and the correction form.
 */
@Controller
class AssetController {

	private static final String ADD_ROW = "addItem";

	private static final String REMOVE_ROW = "removeItem";

	private static final int MAX_ROWS = 50;

	private final AssetRegister register;

	private final AssetOverviews overviews;

	private final Contracts contracts;

	private final Clock clock;

	private final FormErrors formErrors;

	private final AssetShipments shipments;

	AssetController(AssetRegister register, AssetOverviews overviews, Contracts contracts, Clock clock,
			FormErrors formErrors, AssetShipments shipments) {
		this.shipments = shipments;
		this.register = register;
		this.overviews = overviews;
		this.contracts = contracts;
		this.clock = clock;
		this.formErrors = formErrors;
	}

	@InitBinder("form")
	void allowedFields(WebDataBinder binder) {
		binder.setAllowedFields("receivedAt", "receiverId", "handedOverBy", "items*", "kind", "description",
				"important", "personal", "myNumber", "quantity", "storage", "storageDetail", "holderId", "correctsId",
				"reason");
	}

	@GetMapping("/contracts/{id}/assets")
	String register(@PathVariable("id") UUID contractId, Model model) {
		Actor actor = CurrentActor.require();
		AssetRegister.Register register = this.register.register(actor, contractId);
		model.addAttribute("register", register);
		// Requests, shipments and backups are the contractor's for the whole contract.
		boolean party = ContractRoles.isParty(actor, register.contract());
		AssetOverviews.Overview overview = party ? this.overviews.overview(actor, contractId) : null;
		model.addAttribute("overview", overview);
		model.addAttribute("shipmentNames",
				(overview != null) ? this.shipments.names(actor, register.contract(), overview.shipments()) : null);
		model.addAttribute("requestTypes", RequestType.values());
		return "assets/register";
	}

	@GetMapping("/contracts/{id}/assets/receipts/new")
	String newReceipt(@PathVariable("id") UUID contractId, Model model) {
		ReceiptForm form = new ReceiptForm();
		form.setReceivedAt(ItakuTime.inTokyo(Instant.now(this.clock)).toLocalDateTime().withSecond(0).withNano(0));
		return receiptForm(contractId, form, model);
	}

	@PostMapping(path = "/contracts/{id}/assets/receipts", params = ADD_ROW)
	String addRow(@PathVariable("id") UUID contractId, @ModelAttribute("form") ReceiptForm form, BindingResult result,
			Model model) {
		List<AssetItemForm> items = (form.getItems() != null) ? new ArrayList<>(form.getItems()) : new ArrayList<>();
		if (items.size() < MAX_ROWS) {
			items.add(new AssetItemForm());
		}
		form.setItems(items);
		return receiptForm(contractId, form, model);
	}

	@PostMapping(path = "/contracts/{id}/assets/receipts", params = REMOVE_ROW)
	String removeRow(@PathVariable("id") UUID contractId, @ModelAttribute("form") ReceiptForm form,
			BindingResult result, @RequestParam(REMOVE_ROW) int row, Model model) {
		List<AssetItemForm> items = (form.getItems() != null) ? new ArrayList<>(form.getItems()) : new ArrayList<>();
		if (row >= 0 && row < items.size()) {
			items.remove(row);
		}
		if (items.isEmpty()) {
			items.add(new AssetItemForm());
		}
		form.setItems(items);
		return receiptForm(contractId, form, model);
	}

	@PostMapping("/contracts/{id}/assets/receipts")
	@Idempotent
	String receive(@PathVariable("id") UUID contractId, @ModelAttribute("form") ReceiptForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return receiptForm(contractId, form, model);
		}
		try {
			AssetReceipt receipt = this.register.receive(CurrentActor.require(), contractId, form);
			redirect.addFlashAttribute("flash", "asset.receipt.recorded");
			redirect.addFlashAttribute("receiptNumber", receipt.getNumber());
			return "redirect:/contracts/" + contractId + "/assets#receipt-" + receipt.getId();
		}
		catch (InvalidInputProblem problem) {
			this.formErrors.reject(result, problem);
			return receiptForm(contractId, form, model);
		}
	}

	@GetMapping("/contracts/{id}/assets/{asset}/correct")
	String correction(@PathVariable("id") UUID contractId, @PathVariable("asset") UUID assetId, Model model) {
		AssetRegister.Entry entry = this.register.asset(CurrentActor.require(), assetId);
		return correctionForm(contractId, entry, CorrectionForm.correcting(entry.current()), model);
	}

	@PostMapping("/contracts/{id}/assets/{asset}/correct")
	@Idempotent
	String correct(@PathVariable("id") UUID contractId, @PathVariable("asset") UUID assetId,
			@ModelAttribute("form") CorrectionForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Actor actor = CurrentActor.require();
		if (!result.hasErrors()) {
			try {
				this.register.correct(actor, assetId, form);
				redirect.addFlashAttribute("flash", "asset.corrected");
				return "redirect:/contracts/" + contractId + "/assets#asset-" + assetId;
			}
			catch (InvalidInputProblem problem) {
				this.formErrors.reject(result, problem);
			}
		}
		return correctionForm(contractId, this.register.asset(actor, assetId), form, model);
	}

	@GetMapping("/asset-receipts/{id}/pdf")
	void pdf(@PathVariable("id") UUID receiptId, HttpServletResponse response) throws IOException {
		AssetRegister.OpenedReceipt opened = this.register.open(CurrentActor.require(), receiptId);
		Downloads.send(response, opened.receipt().getFileName(), opened.content());
	}

	private String receiptForm(UUID contractId, ReceiptForm form, Model model) {
		Contract contract = recordable(contractId);
		model.addAttribute("contract", contract);
		model.addAttribute("form", form);
		Actor actor = CurrentActor.require();
		model.addAttribute("receivers", this.register.receivers(actor, contractId));
		model.addAttribute("holders", this.register.holders(actor, contractId));
		model.addAttribute("kinds", AssetKind.values());
		model.addAttribute("storages", StorageLocation.values());
		return "assets/receipt-form";
	}

	private String correctionForm(UUID contractId, AssetRegister.Entry entry, CorrectionForm form, Model model) {
		Contract contract = recordable(contractId);
		if (!entry.asset().getContractId().equals(contractId)) {
			throw new NotFoundProblem("asset.entity");
		}
		model.addAttribute("contract", contract);
		model.addAttribute("entry", entry);
		model.addAttribute("form", form);
		model.addAttribute("holders", this.register.holders(CurrentActor.require(), contractId));
		model.addAttribute("kinds", AssetKind.values());
		model.addAttribute("storages", StorageLocation.values());
		return "assets/correct";
	}

	private Contract recordable(UUID contractId) {
		Actor actor = CurrentActor.require();
		Contract contract = this.contracts.getAsParticipant(actor, contractId);
		ContractRoles.require(this.register.mayRecord(actor, contract));
		return contract;
	}

}
