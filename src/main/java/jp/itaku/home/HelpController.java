package jp.itaku.home;

import java.util.List;
import java.util.Map;

import jp.itaku.platform.Actor;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The operating guide (操作ガイド), linked from every page: one short page per role with the
 * tasks of that role, each linking to where it is done. The signed-in user's own role
 * comes first; the others' guides are one click away (what each role does is no secret).
 * The texts are in the message bundles ({@code help.task.<key>.title} and {@code .text}).
 */
@Controller
class HelpController {

	/**
	 * One task of a role's guide.
	 *
	 * @param key names its title and text in the bundles
	 * @param href where it is done
	 */
	record Task(String key, String href) {
	}

	private static final Task INBOX = new Task("inbox", "/inbox");

	private static final Task CATALOG = new Task("catalog", "/catalog");

	private static final Task ACCOUNT = new Task("account", "/account");

	private static final Task DASHBOARD = new Task("dashboard", "/dashboard");

	private static final Task AUDIT = new Task("audit", "/audit");

	private static final Task REPORT_INCIDENT = new Task("reportIncident", "/incidents/report");

	private static final Task PLEDGES = new Task("pledges", "/pledges");

	/** The guide of each role, in the order its tasks come up. */
	static final Map<Role, List<Task>> GUIDES = Map.of(Role.CLIENT_OFFICER,
			List.of(INBOX, new Task("review", "/inbox?kind=REVIEW"), new Task("decide", "/inbox?kind=DECIDE"),
					DASHBOARD, new Task("contract", "/dashboard"), CATALOG, ACCOUNT),
			Role.CLIENT_SECURITY_ADMIN,
			List.of(INBOX, new Task("acknowledge", "/inbox?kind=ACKNOWLEDGE"), new Task("review", "/inbox?kind=REVIEW"),
					new Task("decide", "/inbox?kind=DECIDE"), DASHBOARD, AUDIT, CATALOG, ACCOUNT),
			Role.AUDITOR, List.of(DASHBOARD, new Task("readOnly", "/dashboard"), AUDIT, CATALOG, ACCOUNT),
			Role.CONTRACTOR_LEAD,
			List.of(INBOX, new Task("submit", "/inbox?kind=SUBMIT"), new Task("resubmit", "/inbox?kind=RESUBMIT"),
					new Task("roster", "/dashboard"), PLEDGES, REPORT_INCIDENT, CATALOG, ACCOUNT),
			Role.CONTRACTOR_WORKER, List.of(REPORT_INCIDENT, PLEDGES, INBOX, ACCOUNT), Role.SYSTEM_ADMIN,
			List.of(new Task("organisations", "/admin/organisations"), new Task("users", "/admin/users"), AUDIT,
					new Task("verifyAudit", "/audit"), ACCOUNT));

	@GetMapping("/help")
	String help(@RequestParam(name = "role", required = false) @Nullable Role role, Model model) {
		Actor actor = CurrentActor.require();
		Role shown = (role != null) ? role : actor.role();
		model.addAttribute("role", shown);
		model.addAttribute("ownRole", actor.role());
		model.addAttribute("tasks", GUIDES.get(shown));
		model.addAttribute("roles", Role.values());
		return "help";
	}

}
