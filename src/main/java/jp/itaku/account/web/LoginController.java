package jp.itaku.account.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.itaku.account.SignIn;
import jp.itaku.account.SsoProperties;
import jp.itaku.account.StepAuthentication;
import jp.itaku.platform.ActorPrincipal;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page and the second-factor step. A wrong code counts toward the waits and
 * the lock like a wrong password; a source that must wait is told how long, and a user
 * whose account was locked meanwhile is signed out.
 */
@Controller
class LoginController {

	private final SignIn signIn;

	private final SignInHandlers handlers;

	private final boolean demo;

	private final String demoPassword;

	private final ApplicationAvailability availability;

	private final SsoProperties sso;

	LoginController(SignIn signIn, SignInHandlers handlers, @Value("${itaku.demo.enabled:false}") boolean demo,
			@Value("${itaku.demo.password:}") String demoPassword, ApplicationAvailability availability,
			SsoProperties sso) {
		this.sso = sso;
		this.availability = availability;
		this.signIn = signIn;
		this.handlers = handlers;
		this.demo = demo;
		this.demoPassword = demoPassword;
	}

	@GetMapping("/login")
	String login(@RequestParam(name = "wait", required = false) String wait,
			@RequestParam(name = "sso_refused", required = false) String ssoRefused, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		// Single sign-on (issue 22): one button per configured provider; a refused user
		// is
		// told whom to ask; a signed-out one is offered the provider's sign-out.
		model.addAttribute("ssoProviders",
				this.sso.providers()
					.entrySet()
					.stream()
					.map((entry) -> new SsoButton(entry.getKey(),
							(entry.getValue().displayName() != null) ? entry.getValue().displayName() : entry.getKey()))
					.toList());
		if (ssoRefused != null) {
			model.addAttribute("ssoRefusedContact",
					this.sso.provider(ssoRefused).map(SsoProperties.Provider::contact).orElse(""));
		}
		model.addAttribute("ssoEndSession", SsoLogin.takeEndSession(request));
		if (wait != null && wait.matches("[0-9]{1,6}")) {
			model.addAttribute("waitSeconds", Long.parseLong(wait));
		}
		model.addAttribute("demo", this.demo);
		model.addAttribute("demoPassword", this.demo ? this.demoPassword : null);
		// The demo accounts are seeded after the server starts answering; until the node
		// is ready (readiness DOWN while the seeding runs) the page says so and looks
		// again, instead of offering a sign-in that would fail.
		boolean preparing = this.demo && this.availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC;
		model.addAttribute("demoPreparing", preparing);
		if (preparing) {
			response.setHeader("Refresh", "3");
		}
		return "login";
	}

	/**
	 * A sign-in button of an identity provider.
	 *
	 * @param id the provider's id
	 * @param name the provider's name on the button
	 */
	record SsoButton(String id, String name) {
	}

	@GetMapping("/login/totp")
	String totpForm() {
		return "login-totp";
	}

	// SecurityConfiguration admits only a sign-in step with the TOTP authority to
	// /login/totp, so the context holds its StepAuthentication
	@SuppressWarnings("NullAway")
	@PostMapping("/login/totp")
	@Nullable String verifyTotp(@RequestParam(name = "code", required = false) String code, HttpServletRequest request,
			HttpServletResponse response, Model model) throws IOException {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		SignIn.Attempt attempt = this.signIn.withSecondFactor((StepAuthentication) current, code,
				request.getRemoteAddr());
		if (attempt instanceof SignIn.Attempt.Accepted accepted) {
			this.handlers.proceed(request, response, accepted.authentication());
			return null;
		}
		if (attempt instanceof SignIn.Attempt.Throttled throttled) {
			model.addAttribute("waitSeconds", Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000));
			return "login-totp";
		}
		var principal = (ActorPrincipal) current.getPrincipal();
		if (!this.signIn.isActive(principal.actor().userId())) {
			request.getSession().invalidate();
			SecurityContextHolder.clearContext();
			return "redirect:/login?error";
		}
		model.addAttribute("codeError", true);
		return "login-totp";
	}

}
