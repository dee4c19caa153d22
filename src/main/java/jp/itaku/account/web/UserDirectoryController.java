package jp.itaku.account.web;

import java.util.List;
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

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The user directory: the people of the organisations the signed-in user may see; of
 * other organisations only name, organisation and role
 * ({@link UserAccounts#showsDetails}).
 */
@Controller
class UserDirectoryController {

	private final UserAccounts users;

	private final Organisations organisations;

	UserDirectoryController(UserAccounts users, Organisations organisations) {
		this.users = users;
		this.organisations = organisations;
	}

	@GetMapping("/users")
	String list(Model model) {
		Actor actor = CurrentActor.require();
		List<UserAccount> users = this.users.list(actor);
		model.addAttribute("users", users);
		model.addAttribute("detailed",
				users.stream()
					.filter((user) -> this.users.showsDetails(actor, user))
					.map(UserAccount::getId)
					.collect(Collectors.toSet()));
		model.addAttribute("organisationsById", organisationsById(actor));
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
			.collect(Collectors.toMap(Organisation::getId, Function.identity()));
	}

}
