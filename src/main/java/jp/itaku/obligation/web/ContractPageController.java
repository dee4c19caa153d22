package jp.itaku.obligation.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jp.itaku.catalog.ClauseCatalog;
import jp.itaku.catalog.ClauseCategory;
import jp.itaku.catalog.RequirementText;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractPageSection;
import jp.itaku.contract.ContractParties;
import jp.itaku.contract.ContractRoles;
import jp.itaku.contract.ContractStatus;
import jp.itaku.contract.Contracts;
import jp.itaku.obligation.ComplianceDashboard;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationStatus;
import jp.itaku.obligation.Obligations;
import jp.itaku.platform.Actor;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.Dates;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.web.FormErrors;
import jp.itaku.platform.web.InboxItem;
import jp.itaku.platform.web.InboxItems;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A contract's pages, in sections reached by links (tabs without scripts), each short
 * enough to read on one screen: the overview ({@code /contracts/{id}}: the heading, the
 * state of compliance as counts that link to the filtered obligation list, and what waits
 * for the viewer on this contract), the obligations ({@code /contracts/{id}/obligations}:
 * filtered by status, category, due month and free text, grouped by canonical category, a
 * page of {@value #PAGE_SIZE} at a time) and the terms ({@code /contracts/{id}/terms}:
 * every agreed term, the service-level targets and the current documents). The roster,
 * assets, incidents and the other sections are their modules' own pages, linked from the
 * same tabs.
 */
@Controller
class ContractPageController {

	/** Obligations listed on one page of the obligation section. */
	static final int PAGE_SIZE = 15;

	/** Items of the viewer's inbox the overview lists before linking to the inbox. */
	static final int WAITING_SHOWN = 3;

	private final Contracts contracts;

	private final Obligations obligations;

	private final ClauseCatalog catalog;

	private final FormErrors formErrors;

	private final ObjectProvider<ContractPageSection> sections;

	private final InboxItems inbox;

	private final RequirementText requirementText;

	private final Dates dates;

	private final ComplianceDashboard dashboard;

	ContractPageController(Contracts contracts, Obligations obligations, ClauseCatalog catalog, FormErrors formErrors,
			ObjectProvider<ContractPageSection> sections, InboxItems inbox, RequirementText requirementText,
			Dates dates, ComplianceDashboard dashboard) {
		this.dashboard = dashboard;
		this.formErrors = formErrors;
		this.sections = sections;
		this.contracts = contracts;
		this.obligations = obligations;
		this.catalog = catalog;
		this.inbox = inbox;
		this.requirementText = requirementText;
		this.dates = dates;
	}

	@GetMapping("/contracts/{id}")
	String contract(@PathVariable("id") UUID id, Model model) {
		Actor actor = CurrentActor.require();
		Contract contract = heading(actor, id, model, "overview");
		boolean party = ContractRoles.isParty(actor, contract);
		// A subcontractor sees the contract's heading and its own part (the subcontract
		// chain, what it owes), not the contractor's obligations. The counts come from
		// the tally for the whole contract, never from reading all its obligations.
		ComplianceDashboard.Overview overview = this.dashboard.overview(actor, id);
		model.addAttribute("byStatus", overview.byStatus());
		model.addAttribute("total", overview.total());
		// What waits for the viewer on this contract: the inbox's items, whose contract
		// each source names by its number and title.
		String label = contract.getNumber() + " " + contract.getTitle();
		List<InboxItem> waiting = this.inbox.of(actor, id, label);
		model.addAttribute("waiting", waiting.stream().limit(WAITING_SHOWN).toList());
		model.addAttribute("waitingCount", waiting.size());
		model.addAttribute("mayEdit", ContractRoles.editsForClient(actor, contract));
		if (party && contract.getStatus() == ContractStatus.ENDED) {
			var blockers = this.contracts.closingBlockers(actor, id);
			if (!blockers.isEmpty()) {
				model.addAttribute("closingBlockers", this.formErrors.messages(new InvalidInputProblem(blockers)));
			}
		}
		return "contracts/detail";
	}

	@GetMapping("/contracts/{id}/obligations")
	String obligations(@PathVariable("id") UUID id,
			@RequestParam(name = "status", required = false) @Nullable String status,
			@RequestParam(name = "category", required = false) @Nullable String category,
			@RequestParam(name = "month", required = false) @Nullable String month,
			@RequestParam(name = "q", required = false) @Nullable String text,
			@RequestParam(name = "page", defaultValue = "0") String pageParam, Model model) {
		Actor actor = CurrentActor.require();
		Contract contract = heading(actor, id, model, "obligations");
		// A subcontractor lists only what its own part owes (the client's requests aimed
		// at it).
		LocalDate today = this.dates.todayDate();
		List<Obligation> all = this.obligations.forPart(actor, id);
		ObligationStatus statusFilter = parse(ObligationStatus.class, status);
		ClauseCategory categoryFilter = parse(ClauseCategory.class, category);
		YearMonth monthFilter = month(month);
		String needle = (text != null) ? text.strip().toLowerCase(Locale.ROOT) : "";
		List<Obligation> shown = all.stream()
			.filter((o) -> statusFilter == null || o.effectiveStatus(today) == statusFilter)
			.filter((o) -> categoryFilter == null || o.getCategory() == categoryFilter)
			.filter((o) -> monthFilter == null
					|| (o.getDueDate() != null && YearMonth.from(o.getDueDate()).equals(monthFilter)))
			.filter((o) -> needle.isEmpty() || matches(o, needle))
			.sorted(Comparator.comparing((Obligation o) -> o.getCategory().ordinal()))
			.toList();
		int pages = Math.max(1, (shown.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		int page = Math.min(Math.max(0, number(pageParam)), pages - 1);
		Map<ClauseCategory, List<Obligation>> byCategory = new LinkedHashMap<>();
		for (Obligation o : shown.subList(page * PAGE_SIZE, Math.min(shown.size(), (page + 1) * PAGE_SIZE))) {
			byCategory.computeIfAbsent(o.getCategory(), (c) -> new ArrayList<>()).add(o);
		}
		model.addAttribute("byCategory", byCategory);
		model.addAttribute("owedByNames", this.obligations.owingNames(actor, contract, shown));
		model.addAttribute("total", all.size());
		model.addAttribute("matching", shown.size());
		model.addAttribute("page", page);
		model.addAttribute("pages", pages);
		model.addAttribute("statuses", ObligationStatus.values());
		model.addAttribute("categories", all.stream().map(Obligation::getCategory).distinct().sorted().toList());
		model.addAttribute("months",
				all.stream()
					.filter((o) -> o.getDueDate() != null)
					.map((o) -> YearMonth.from(Objects.requireNonNull(o.getDueDate())))
					.distinct()
					.sorted()
					.toList());
		model.addAttribute("filterStatus", (statusFilter != null) ? statusFilter.name() : "");
		model.addAttribute("filterCategory", (categoryFilter != null) ? categoryFilter.name() : "");
		model.addAttribute("filterMonth", (monthFilter != null) ? monthFilter.toString() : "");
		model.addAttribute("filterText", (text != null) ? text.strip() : "");
		return "contracts/obligations";
	}

	@GetMapping("/contracts/{id}/terms")
	String terms(@PathVariable("id") UUID id, Model model) {
		Actor actor = CurrentActor.require();
		Contract contract = heading(actor, id, model, "terms");
		boolean party = ContractRoles.isParty(actor, contract);
		model.addAttribute("profile", this.catalog.get(contract.getProfileId()));
		model.addAttribute("documents", party ? this.obligations.currentDocuments(actor, id) : List.of());
		return "contracts/terms";
	}

	/**
	 * Adds what every section of the contract shows: the contract, its parties and the
	 * tabs (other modules' tools among them, for the parties).
	 */
	private Contract heading(Actor actor, UUID id, Model model, String tab) {
		Contract contract = this.contracts.getAsParticipant(actor, id);
		boolean party = ContractRoles.isParty(actor, contract);
		model.addAttribute("contract", contract);
		model.addAttribute("party", party);
		model.addAttribute("tab", tab);
		model.addAttribute("sections",
				party ? this.sections.orderedStream().flatMap((s) -> s.section(actor, contract).stream()).toList()
						: List.of());
		ContractParties parties = this.contracts.parties(actor, contract);
		model.addAttribute("client", parties.client());
		model.addAttribute("contractor", parties.contractor());
		return contract;
	}

	private boolean matches(Obligation o, String needle) {
		return o.getClauseRef().toLowerCase(Locale.ROOT).contains(needle)
				|| this.requirementText.label("deliverable", o.getDeliverable())
					.toLowerCase(Locale.ROOT)
					.contains(needle)
				|| o.getSummary().toLowerCase(Locale.ROOT).contains(needle)
				|| o.getSummaryEn().toLowerCase(Locale.ROOT).contains(needle);
	}

	/** A filter's value, or {@code null} for 「すべて」 and for what names no value. */
	private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static @Nullable YearMonth month(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return YearMonth.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static int number(String value) {
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
