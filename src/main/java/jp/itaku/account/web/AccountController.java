package jp.itaku.account.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jp.itaku.account.ApiTokens;
import jp.itaku.account.SignIn;
import jp.itaku.account.SignInStep;
import jp.itaku.account.StepAuthentication;
import jp.itaku.account.TwoFactor;
import jp.itaku.account.UserAccounts;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ActorPrincipal;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.web.AccountPageSection;
import jp.itaku.platform.web.FormErrors;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The user's own account: language, password, authenticator enrolment and recovery codes,
 * and API tokens. The password and enrolment pages also serve as sign-in steps.
 */
@Controller
class AccountController {

	private static final String PENDING_SECRET = AccountController.class.getName() + ".pendingSecret";

	private final UserAccounts users;

	private final TwoFactor twoFactor;

	private final ApiTokens tokens;

	private final SignIn signIn;

	private final SignInHandlers handlers;

	private final LocaleResolver locales;

	private final FormErrors formErrors;

	private final ObjectProvider<AccountPageSection> sections;

	AccountController(UserAccounts users, TwoFactor twoFactor, ApiTokens tokens, SignIn signIn, SignInHandlers handlers,
			LocaleResolver locales, FormErrors formErrors, ObjectProvider<AccountPageSection> sections) {
		this.sections = sections;
		this.users = users;
		this.twoFactor = twoFactor;
		this.tokens = tokens;
		this.signIn = signIn;
		this.handlers = handlers;
		this.locales = locales;
		this.formErrors = formErrors;
	}

	@GetMapping("/account")
	String account(Model model) {
		Actor actor = CurrentActor.require();
		model.addAttribute("user", this.users.get(actor, actor.userId()));
		model.addAttribute("tokens", this.tokens.list(actor));
		model.addAttribute("recoveryCodesLeft", this.twoFactor.remainingRecoveryCodes(actor.userId()));
		model.addAttribute("accountSections",
				this.sections.orderedStream().flatMap((s) -> s.section(actor).stream()).toList());
		return "account/account";
	}

	@PostMapping("/account/language")
	String language(@RequestParam("language") String language, HttpServletRequest request,
			HttpServletResponse response) {
		Locale locale = "en".equals(language) ? Locale.ENGLISH : Locale.JAPANESE;
		this.users.preferLocale(CurrentActor.require(), locale);
		this.locales.setLocale(request, response, locale);
		return "redirect:/account";
	}

	@GetMapping("/account/password")
	String passwordForm(Model model) {
		model.addAttribute("required", isStep(SignInStep.PASSWORD_CHANGE));
		return "account/password";
	}

	@PostMapping("/account/password")
	@Nullable String changePassword(@RequestParam(name = "currentPassword", required = false) String currentPassword,
			@RequestParam(name = "newPassword", required = false) String newPassword,
			@RequestParam(name = "confirmPassword", required = false) String confirmPassword, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) throws IOException {
		model.addAttribute("required", isStep(SignInStep.PASSWORD_CHANGE));
		try {
			if (newPassword == null || !newPassword.equals(confirmPassword)) {
				throw new InvalidInputProblem("confirmPassword", "password.mismatch");
			}
			HttpSession session = request.getSession(false);
			this.users.changeOwnPassword(principalActor().userId(), currentPassword, newPassword,
					(session != null) ? session.getId() : null);
		}
		catch (InvalidInputProblem problem) {
			this.formErrors.addTo(model, problem);
			return "account/password";
		}
		return continueSignIn(request, response, redirect, "account.password.changed");
	}

	@GetMapping("/account/totp")
	String totpForm(Model model, HttpSession session) {
		Actor actor = principalActor();
		TwoFactor.Enrolment enrolment = this.twoFactor.start(actor.username());
		session.setAttribute(PENDING_SECRET, enrolment.secret());
		model.addAttribute("enrolment", enrolment);
		totpFormModel(model, actor);
		return "account/totp";
	}

	/**
	 * Completes an enrolment: in the sign-in's enrolment step with the new app's code
	 * alone, otherwise also with the password and, when enrolled, a current code or a
	 * recovery code.
	 */
	@PostMapping("/account/totp")
	String enrol(@RequestParam(name = "code", required = false) String code,
			@RequestParam(name = "currentPassword", required = false) String currentPassword,
			@RequestParam(name = "currentCode", required = false) String currentCode, Model model, HttpSession session,
			HttpServletRequest request) {
		String secret = (String) session.getAttribute(PENDING_SECRET);
		if (secret == null) {
			return "redirect:/account/totp";
		}
		Actor actor = principalActor();
		try {
			List<String> codes = isStep(SignInStep.TOTP_ENROLMENT)
					? this.twoFactor.complete(actor.userId(), secret, code) : this.twoFactor.replace(actor.userId(),
							currentPassword, currentCode, secret, code, request.getRemoteAddr());
			session.removeAttribute(PENDING_SECRET);
			model.addAttribute("recoveryCodes", codes);
			model.addAttribute("continueUrl", "/account/totp/done");
			return "account/recovery-codes";
		}
		catch (InvalidInputProblem problem) {
			this.formErrors.addTo(model, problem);
			model.addAttribute("enrolment", this.twoFactor.resume(actor.username(), secret));
			totpFormModel(model, actor);
			return "account/totp";
		}
	}

	@PostMapping("/account/totp/done")
	@Nullable String enrolled(HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect)
			throws IOException {
		return continueSignIn(request, response, redirect, "account.totp.enrolled");
	}

	@GetMapping("/account/recovery-codes")
	String recoveryCodesForm() {
		return "account/recovery-codes-new";
	}

	@PostMapping("/account/recovery-codes")
	String regenerateRecoveryCodes(@RequestParam(name = "currentPassword", required = false) String currentPassword,
			@RequestParam(name = "currentCode", required = false) String currentCode, Model model,
			HttpServletRequest request) {
		try {
			model.addAttribute("recoveryCodes", this.twoFactor.regenerateRecoveryCodes(CurrentActor.require().userId(),
					currentPassword, currentCode, request.getRemoteAddr()));
		}
		catch (InvalidInputProblem problem) {
			this.formErrors.addTo(model, problem);
			return "account/recovery-codes-new";
		}
		model.addAttribute("continueUrl", "/account/totp/done");
		return "account/recovery-codes";
	}

	@PostMapping("/account/tokens")
	String createToken(@RequestParam(name = "name", required = false) String name,
			@RequestParam(name = "validityDays", required = false) Integer validityDays, Model model,
			RedirectAttributes redirect) {
		Actor actor = CurrentActor.require();
		try {
			ApiTokens.IssuedToken issued = this.tokens.issue(actor, name, validityDays);
			redirect.addFlashAttribute("issuedToken", issued.value());
			redirect.addFlashAttribute("flash", "account.token.created");
		}
		catch (InvalidInputProblem problem) {
			redirect.addFlashAttribute("tokenErrors", this.formErrors.messages(problem));
		}
		return "redirect:/account#tokens";
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revokeToken(@PathVariable("id") UUID id, RedirectAttributes redirect) {
		this.tokens.revoke(CurrentActor.require(), id);
		redirect.addFlashAttribute("flash", "account.token.revoked.done");
		return "redirect:/account#tokens";
	}

	private @Nullable String continueSignIn(HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect, String flashKey) throws IOException {
		var current = SecurityContextHolder.getContext().getAuthentication();
		if (current instanceof StepAuthentication step && step.getStep() != SignInStep.COMPLETE) {
			StepAuthentication next = this.signIn.refresh(step);
			this.handlers.proceed(request, response, next);
			return null;
		}
		redirect.addFlashAttribute("flash", flashKey);
		return "redirect:/account";
	}

	private void totpFormModel(Model model, Actor actor) {
		boolean required = isStep(SignInStep.TOTP_ENROLMENT);
		model.addAttribute("required", required);
		model.addAttribute("proofRequired", !required);
		model.addAttribute("enrolled", !required && this.twoFactor.isEnrolled(actor.userId()));
	}

	private static boolean isStep(SignInStep expected) {
		return SecurityContextHolder.getContext().getAuthentication() instanceof StepAuthentication step
				&& step.getStep() == expected;
	}

	/** The signed-in user, also while still in a sign-in step. */
	// SecurityConfiguration admits only a signed-in user or a sign-in step to these
	// pages, so the context holds an ActorPrincipal
	@SuppressWarnings("NullAway")
	private static Actor principalActor() {
		return ((ActorPrincipal) SecurityContextHolder.getContext().getAuthentication().getPrincipal()).actor();
	}

}
