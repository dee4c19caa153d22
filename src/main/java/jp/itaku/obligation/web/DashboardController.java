package jp.itaku.obligation.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jp.itaku.catalog.ClauseCatalog;
import jp.itaku.catalog.ClauseCategory;
import jp.itaku.contract.ContractRoles;
import jp.itaku.contract.Contracts;
import jp.itaku.obligation.ComplianceDashboard;
import jp.itaku.obligation.Obligations;
import jp.itaku.platform.Actor;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.Dates;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.platform.web.DashboardAlert;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard: the client sees every contract's state at a glance; the contractor sees
 * its to-do list across contracts. The contract list is the same view.
 */
@Controller
class DashboardController {

	/** Contracts per page; the page also says how many match in all. */
	static final int PAGE_SIZE = 20;

	/** Rows of the contractor's to-do list the dashboard shows, the nearest due first. */
	static final int TODO_SHOWN = 10;

	private final ComplianceDashboard dashboard;

	private final Obligations obligations;

	private final ClauseCatalog catalog;

	private final ObjectProvider<DashboardAlert> alerts;

	private final MessageSource messages;

	private final Dates dates;

	DashboardController(ComplianceDashboard dashboard, Obligations obligations, ClauseCatalog catalog,
			ObjectProvider<DashboardAlert> alerts, MessageSource messages, Dates dates) {
		this.alerts = alerts;
		this.messages = messages;
		this.dates = dates;
		this.dashboard = dashboard;
		this.obligations = obligations;
		this.catalog = catalog;
	}

	@GetMapping({ "/dashboard", "/contracts" })
	String dashboard(@RequestParam(name = "department", required = false) String department,
			@RequestParam(name = "contractor", required = false) UUID contractor,
			@RequestParam(name = "profile", required = false) String profile,
			@RequestParam(name = "category", required = false) ClauseCategory category,
			@RequestParam(name = "sort", required = false) ComplianceDashboard.Sort sort,
			@RequestParam(name = "page", defaultValue = "0") int page, HttpServletRequest request, Locale locale,
			Model model) {
		Actor actor = CurrentActor.require();
		var filter = new ComplianceDashboard.Filter(department, contractor, profile, category, sort);
		model.addAttribute("filter", filter);
		ComplianceDashboard.Page shown = this.dashboard.page(actor, filter, page, PAGE_SIZE);
		// The rows' cells written here, once: the template only prints them.
		model.addAttribute("rows",
				DashboardRow.of(shown.rows(), request.getContextPath(), this.messages, locale, this.dates));
		model.addAttribute("rowCount", shown.rowCount());
		model.addAttribute("page", shown.page());
		model.addAttribute("pages", shown.pages());
		boolean clientSide = actor.organisationKind() == OrganisationKind.CLIENT;
		model.addAttribute("clientSide", clientSide);
		model.addAttribute("alerts", this.alerts.orderedStream().flatMap((a) -> a.alert(actor).stream()).toList());
		model.addAttribute("mayRegister", ContractRoles.registersForClient(actor));
		if (actor.organisationKind() != OrganisationKind.CLIENT && !actor.is(Role.CONTRACTOR_WORKER)) {
			// The nearest few, and each contract's counts linking to its filtered list:
			// the whole list is the contract's obligations page.
			List<Obligations.TodoItem> todo = this.obligations.todo(actor);
			model.addAttribute("todo", todo.subList(0, Math.min(todo.size(), TODO_SHOWN)));
			model.addAttribute("todoTotal", todo.size());
			model.addAttribute("todoContracts", TodoContract.of(todo));
		}
		// A worker's own tasks (pledge, training, incidents) are in the inbox; what the
		// contract owes is the lead's.
		model.addAttribute("worker", actor.is(Role.CONTRACTOR_WORKER));
		// The filter offers only the contractors of the contracts the actor sees.
		model.addAttribute("contractors", clientSide ? this.dashboard.contractors(actor) : List.of());
		model.addAttribute("profiles", this.catalog.profiles());
		model.addAttribute("categories", ClauseCategory.values());
		model.addAttribute("sorts", ComplianceDashboard.Sort.values());
		return "dashboard";
	}

	/**
	 * A contract's part of the to-do list, counted by status.
	 *
	 * @param id the contract
	 * @param label its number and title
	 * @param overdue how many are past their due date
	 * @param returned how many were returned
	 * @param open how many are open and not yet due
	 */
	record TodoContract(UUID id, String label, int overdue, int returned, int open) {

		static List<TodoContract> of(List<Obligations.TodoItem> todo) {
			Map<UUID, int[]> counts = new LinkedHashMap<>();
			Map<UUID, String> labels = new LinkedHashMap<>();
			for (Obligations.TodoItem item : todo) {
				UUID id = item.contract().getId();
				labels.putIfAbsent(id, item.contract().getNumber() + " " + item.contract().getTitle());
				int[] count = counts.computeIfAbsent(id, (k) -> new int[3]);
				switch (item.status()) {
					case OVERDUE -> count[0]++;
					case RETURNED -> count[1]++;
					default -> count[2]++;
				}
			}
			List<TodoContract> contracts = new ArrayList<>();
			counts.forEach((id, count) -> contracts
				.add(new TodoContract(id, Objects.requireNonNull(labels.get(id)), count[0], count[1], count[2])));
			return contracts;
		}

	}

}
