package jp.itaku.account.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.itaku.account.UserAccount;
import jp.itaku.account.UserAccounts;
import jp.itaku.organisation.Organisation;
import jp.itaku.organisation.Organisations;
import jp.itaku.platform.Actor;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.web.PageOf;
import jp.itaku.platform.web.TextFilter;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The user directory: the people of the organisations the signed-in user may see; of
 * other organisations only name, organisation and role
 * ({@link UserAccounts#showsDetails}).
 */
@Controller
class UserDirectoryController {

	/** Users per page of the directory. */
	static final int PAGE_SIZE = 50;

	private final UserAccounts users;

	private final Organisations organisations;

	UserDirectoryController(UserAccounts users, Organisations organisations) {
		this.users = users;
		this.organisations = organisations;
	}

	@GetMapping("/users")
	String list(@RequestParam(name = "q", required = false) @Nullable String text,
			@RequestParam(name = "organisation", required = false) @Nullable UUID organisation,
			@RequestParam(name = "page", defaultValue = "0") String page, Model model) {
		Actor actor = CurrentActor.require();
		TextFilter filter = TextFilter.of(text);
		// Only what the page shows is searched: the username of a user whose details are
		// not shown is not matched either.
		PageOf<UserAccount> shown = PageOf.of(this.users.list(actor)
			.stream()
			.filter((u) -> organisation == null || organisation.equals(u.getOrganisationId()))
			.filter((u) -> filter.matches(u.getDisplayName())
					|| (this.users.showsDetails(actor, u) && filter.matches(u.getUsername())))
			.toList(), page, PAGE_SIZE);
		model.addAttribute("users", shown);
		model.addAttribute("detailed",
				shown.items()
					.stream()
					.filter((user) -> this.users.showsDetails(actor, user))
					.map(UserAccount::getId)
					.collect(Collectors.toSet()));
		Map<UUID, Organisation> organisations = organisationsById(actor);
		model.addAttribute("organisationsById", organisations);
		model.addAttribute("organisations", organisations.values());
		model.addAttribute("q", text);
		model.addAttribute("organisation", organisation);
		return "users";
	}

	@GetMapping("/users/{id}")
	String show(@PathVariable("id") UUID id, Model model) {
		Actor actor = CurrentActor.require();
		UserAccount user = this.users.get(actor, id);
		model.addAttribute("user", user);
		model.addAttribute("detailed", this.users.showsDetails(actor, user));
		model.addAttribute("organisation", this.organisations.get(actor, user.getOrganisationId()));
		return "user";
	}

	private Map<UUID, Organisation> organisationsById(Actor actor) {
		return this.organisations.list(actor)
			.stream()
			.collect(Collectors.toMap(Organisation::getId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
	}

}
