package jp.itaku.obligation.web;

import java.util.List;
import java.util.Locale;
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
	static final int PAGE_SIZE = 50;

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
		if (actor.organisationKind() != OrganisationKind.CLIENT) {
			model.addAttribute("todo", this.obligations.todo(actor));
		}
		// The filter offers only the contractors of the contracts the actor sees.
		model.addAttribute("contractors", clientSide ? this.dashboard.contractors(actor) : List.of());
		model.addAttribute("profiles", this.catalog.profiles());
		model.addAttribute("categories", ClauseCategory.values());
		model.addAttribute("sorts", ComplianceDashboard.Sort.values());
		return "dashboard";
	}

}
