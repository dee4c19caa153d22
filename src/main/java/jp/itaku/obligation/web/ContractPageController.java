package jp.itaku.obligation.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jp.itaku.catalog.ClauseCatalog;
import jp.itaku.catalog.ClauseCategory;
import jp.itaku.catalog.RequirementText;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractPageSection;
import jp.itaku.contract.ContractParties;
import jp.itaku.contract.ContractRoles;
import jp.itaku.contract.ContractStatus;
import jp.itaku.contract.Contracts;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.Obligations;
import jp.itaku.platform.Actor;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.Dates;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.web.FormErrors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A contract's page: its terms and every obligation it creates, grouped by canonical
 * category, each with its clause reference, due date and status.
 */
@Controller
class ContractPageController {

	private final Contracts contracts;

	private final Obligations obligations;

	private final ClauseCatalog catalog;

	private final FormErrors formErrors;

	private final ObjectProvider<ContractPageSection> sections;

	private final MessageSource messages;

	private final RequirementText text;

	private final Dates dates;

	ContractPageController(Contracts contracts, Obligations obligations, ClauseCatalog catalog, FormErrors formErrors,
			ObjectProvider<ContractPageSection> sections, MessageSource messages, RequirementText text, Dates dates) {
		this.messages = messages;
		this.text = text;
		this.dates = dates;
		this.formErrors = formErrors;
		this.sections = sections;
		this.contracts = contracts;
		this.obligations = obligations;
		this.catalog = catalog;
	}

	@GetMapping("/contracts/{id}")
	String contract(@PathVariable("id") UUID id, HttpServletRequest request, Locale locale, Model model) {
		Actor actor = CurrentActor.require();
		Contract contract = this.contracts.getAsParticipant(actor, id);
		boolean party = ContractRoles.isParty(actor, contract);
		List<ObligationGroup> byCategory = new ArrayList<>();
		// A subcontractor sees the contract's heading and its own part (the subcontract
		// chain), not the contractor's obligations.
		List<Obligation> all = party ? this.obligations.forContract(actor, id) : List.of();
		// The rows' cells written here, once: the template only prints them.
		ObligationRow.Writer writer = new ObligationRow.Writer(request.getContextPath(), this.messages, this.text,
				locale, this.dates);
		for (ClauseCategory category : ClauseCategory.values()) {
			List<Obligation> inCategory = all.stream().filter((o) -> o.getCategory() == category).toList();
			if (!inCategory.isEmpty()) {
				byCategory.add(new ObligationGroup(this.text.label("category", category), writer.rows(inCategory)));
			}
		}
		model.addAttribute("contract", contract);
		model.addAttribute("party", party);
		// Other modules' tools (IDs, emergency contacts, work site), for the parties.
		model.addAttribute("sections",
				party ? this.sections.orderedStream().flatMap((s) -> s.section(actor, contract).stream()).toList()
						: List.of());
		model.addAttribute("profile", this.catalog.get(contract.getProfileId()));
		ContractParties parties = this.contracts.parties(actor, contract);
		model.addAttribute("client", parties.client());
		model.addAttribute("contractor", parties.contractor());
		model.addAttribute("byCategory", byCategory);
		model.addAttribute("total", all.size());
		model.addAttribute("documents", party ? this.obligations.currentDocuments(actor, id) : List.of());
		model.addAttribute("mayEdit", ContractRoles.editsForClient(actor, contract));
		if (party && contract.getStatus() == ContractStatus.ENDED) {
			var blockers = this.contracts.closingBlockers(actor, id);
			if (!blockers.isEmpty()) {
				model.addAttribute("closingBlockers", this.formErrors.messages(new InvalidInputProblem(blockers)));
			}
		}
		return "contracts/detail";
	}

	/**
	 * The obligations of one category on a contract's page.
	 *
	 * @param label the category
	 * @param rows its obligations, written
	 */
	public record ObligationGroup(String label, List<ObligationRow> rows) {

	}

}
