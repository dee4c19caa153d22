package jp.itaku.account.web;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jp.itaku.account.CreatedUser;
import jp.itaku.account.UserAccount;
import jp.itaku.account.UserAccounts;
import jp.itaku.account.UserForm;
import jp.itaku.account.UserSessions;
import jp.itaku.organisation.Organisation;
import jp.itaku.organisation.Organisations;
import jp.itaku.platform.Actor;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.Role;
import jp.itaku.platform.web.FormErrors;
import jp.itaku.platform.web.Idempotent;
import jp.itaku.platform.web.PageOf;
import jp.itaku.platform.web.TextFilter;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * User administration for the system administrator: create (with a one-time password),
 * edit, reset password, unlock, reset two-factor enrolment, sign out everywhere.
 */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

	/** Users per page of the list. */
	static final int PAGE_SIZE = 50;

	private final UserAccounts users;

	private final Organisations organisations;

	private final FormErrors formErrors;

	private final UserSessions sessions;

	UserAdminController(UserAccounts users, Organisations organisations, FormErrors formErrors, UserSessions sessions) {
		this.sessions = sessions;
		this.users = users;
		this.organisations = organisations;
		this.formErrors = formErrors;
	}

	@InitBinder("form")
	void allowedFields(WebDataBinder binder) {
		binder.setAllowedFields("username", "displayName", "email", "organisationId", "role", "enabled");
	}

	@ModelAttribute("roles")
	Role[] roles() {
		return Role.values();
	}

	@GetMapping
	String list(@RequestParam(name = "q", required = false) @Nullable String text,
			@RequestParam(name = "organisation", required = false) @Nullable UUID organisation,
			@RequestParam(name = "page", defaultValue = "0") String page, Model model) {
		Actor actor = CurrentActor.require();
		TextFilter filter = TextFilter.of(text);
		List<UserAccount> matching = this.users.list(actor)
			.stream()
			.filter((u) -> organisation == null || organisation.equals(u.getOrganisationId()))
			.filter((u) -> filter.matches(u.getUsername(), u.getDisplayName(), u.getEmail()))
			.toList();
		model.addAttribute("users", PageOf.of(matching, page, PAGE_SIZE));
		model.addAttribute("q", text);
		model.addAttribute("organisation", organisation);
		List<Organisation> organisations = this.organisations.list(actor);
		model.addAttribute("organisations", organisations);
		model.addAttribute("organisationNames",
				organisations.stream().collect(Collectors.toMap(Organisation::getId, Organisation::getName)));
		return "admin/users";
	}

	@GetMapping("/new")
	String newForm(Model model) {
		model.addAttribute("form", new UserForm());
		model.addAttribute("organisations", this.organisations.list(CurrentActor.require()));
		return "admin/user-form";
	}

	@PostMapping("/new")
	@Idempotent
	String create(@Valid @ModelAttribute("form") UserForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Actor actor = CurrentActor.require();
		if (!result.hasErrors()) {
			try {
				CreatedUser created = this.users.create(actor, form);
				redirect.addFlashAttribute("flash", "admin.user.created");
				redirect.addFlashAttribute("oneTimePassword", created.oneTimePassword());
				return "redirect:/admin/users/" + created.user().getId();
			}
			catch (InvalidInputProblem problem) {
				this.formErrors.reject(result, problem);
			}
		}
		model.addAttribute("organisations", this.organisations.list(actor));
		return "admin/user-form";
	}

	@GetMapping("/{id}")
	String edit(@PathVariable("id") UUID id, Model model) {
		Actor actor = CurrentActor.require();
		UserAccount user = this.users.get(actor, id);
		model.addAttribute("user", user);
		model.addAttribute("organisation", this.organisations.get(actor, user.getOrganisationId()));
		model.addAttribute("sessionCount", this.sessions.count(user));
		model.addAttribute("form", UserForm.of(user));
		return "admin/user-edit";
	}

	@PostMapping("/{id}")
	String update(@PathVariable("id") UUID id, @Valid @ModelAttribute("form") UserForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Actor actor = CurrentActor.require();
		UserAccount user = this.users.get(actor, id);
		form.setUsername(user.getUsername());
		form.setOrganisationId(user.getOrganisationId());
		if (!result.hasErrors()) {
			try {
				this.users.update(actor, id, form);
				redirect.addFlashAttribute("flash", "admin.user.updated");
				return "redirect:/admin/users/" + id;
			}
			catch (InvalidInputProblem problem) {
				this.formErrors.reject(result, problem);
			}
		}
		model.addAttribute("user", user);
		model.addAttribute("organisation", this.organisations.get(actor, user.getOrganisationId()));
		model.addAttribute("sessionCount", this.sessions.count(user));
		return "admin/user-edit";
	}

	@PostMapping("/{id}/reset-password")
	String resetPassword(@PathVariable("id") UUID id, RedirectAttributes redirect) {
		CreatedUser reset = this.users.resetPassword(CurrentActor.require(), id);
		redirect.addFlashAttribute("flash", "admin.user.passwordReset");
		redirect.addFlashAttribute("oneTimePassword", reset.oneTimePassword());
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/unlock")
	String unlock(@PathVariable("id") UUID id, RedirectAttributes redirect) {
		this.users.unlock(CurrentActor.require(), id);
		redirect.addFlashAttribute("flash", "admin.user.unlocked");
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/sign-out-everywhere")
	String signOutEverywhere(@PathVariable("id") UUID id, RedirectAttributes redirect) {
		UserSessions.Revoked revoked = this.users.signOutEverywhere(CurrentActor.require(), id);
		redirect.addFlashAttribute("signedOutEverywhere", List.of(revoked.sessions(), revoked.apiTokens()));
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/reset-totp")
	String resetTotp(@PathVariable("id") UUID id, RedirectAttributes redirect) {
		this.users.resetTwoFactor(CurrentActor.require(), id);
		redirect.addFlashAttribute("flash", "admin.user.totpReset");
		return "redirect:/admin/users/" + id;
	}

}
