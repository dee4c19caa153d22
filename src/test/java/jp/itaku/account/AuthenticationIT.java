package jp.itaku.account;

import java.time.Duration;
import java.time.Instant;

import jp.itaku.audit.AuditSearch;
import jp.itaku.audit.AuditTrail;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sign-in through the form: waits after failures, one message for every failure, required
 * two-factor enrolment, second-factor codes used once, password rules.
 */
@IntegrationTest
class AuthenticationIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	UserAccountRepository users;

	@Autowired
	AuditTrail audit;

	Organisation client;

	Organisation contractor;

	@BeforeEach
	void organisations() {
		this.client = this.fixtures.organisation(OrganisationKind.CLIENT);
		this.contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
	}

	@Test
	void aContractorWithoutRequiredTwoFactorLandsOnTheHomePage() throws Exception {
		UserAccount worker = this.fixtures.user(this.contractor, Role.CONTRACTOR_WORKER);
		MvcResult login = this.fixtures.formLogin(this.mvc, worker.getUsername(), Fixtures.PASSWORD);
		assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/");
		this.mvc.perform(get("/").session(Fixtures.session(login)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(this.contractor.getName())))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("受託者 従事者")));
	}

	@Test
	void fiveWrongPasswordsMakeThatAddressWaitEvenForTheRightPasswordButLockNothing() throws Exception {
		UserAccount worker = this.fixtures.user(this.contractor, Role.CONTRACTOR_WORKER);
		for (int i = 0; i < 5; i++) {
			assertThat(this.fixtures.formLogin(this.mvc, worker.getUsername(), "wrong-password-" + i, "192.0.2.10")
				.getResponse()
				.getRedirectedUrl()).isEqualTo("/login?error");
		}
		assertThat(this.fixtures.formLogin(this.mvc, worker.getUsername(), Fixtures.PASSWORD, "192.0.2.10")
			.getResponse()
			.getRedirectedUrl()).startsWith("/login?wait=");
		this.mvc.perform(get("/login").param("wait", "1"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("1秒後にもう一度お試しください")));
		assertThat(this.users.findById(worker.getId()).orElseThrow().getLockedUntil()).isNull();
		assertThat(this.fixtures.formLogin(this.mvc, worker.getUsername(), Fixtures.PASSWORD, "192.0.2.11")
			.getResponse()
			.getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void theLoginErrorIsTheSameWhetherOrNotTheUserExists() throws Exception {
		UserAccount worker = this.fixtures.user(this.contractor, Role.CONTRACTOR_WORKER);
		String known = this.fixtures.formLogin(this.mvc, worker.getUsername(), "wrong-password")
			.getResponse()
			.getRedirectedUrl();
		String unknown = this.fixtures.formLogin(this.mvc, "nobody-" + worker.getUsername(), "wrong-password")
			.getResponse()
			.getRedirectedUrl();
		assertThat(known).isEqualTo(unknown).isEqualTo("/login?error");
		this.mvc.perform(get("/login").param("error", ""))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("ログインできませんでした")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("存在"))));
	}

	@Test
	void aClientOfficerMustEnrolTwoFactorBeforeAnyOtherPage() throws Exception {
		UserAccount officer = this.fixtures.user(this.client, Role.CLIENT_OFFICER);
		MvcResult login = this.fixtures.formLogin(this.mvc, officer.getUsername(), Fixtures.PASSWORD);
		assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/account/totp");
		MockHttpSession session = Fixtures.session(login);
		this.mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/totp"));
		this.mvc.perform(get("/users").session(session)).andExpect(redirectedUrl("/account/totp"));

		this.mvc.perform(get("/account/totp").session(session)).andExpect(status().isOk());
		String secret = (String) session.getAttribute("jp.itaku.account.web.AccountController.pendingSecret");
		this.mvc.perform(post("/account/totp").session(session).param("code", "000000").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("確認コードが正しくありません")));
		this.mvc
			.perform(post("/account/totp").session(session).param("code", this.fixtures.code(secret, 0)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("recovery-codes")));
		this.mvc.perform(post("/account/totp/done").session(session).with(csrf())).andExpect(redirectedUrl("/"));
		this.mvc.perform(get("/").session(session)).andExpect(status().isOk());
		assertThat(this.users.findById(officer.getId()).orElseThrow().isTotpEnabled()).isTrue();
	}

	@Test
	void anEnrolledUserGivesACodeAtSignInAndACodeWorksOnce() throws Exception {
		UserAccount lead = this.fixtures.user(this.contractor, Role.CONTRACTOR_LEAD);
		Fixtures.Enrolled enrolled = this.fixtures.enrolTotp(lead);
		MvcResult login = this.fixtures.formLogin(this.mvc, lead.getUsername(), Fixtures.PASSWORD);
		assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/login/totp");
		MockHttpSession session = Fixtures.session(login);
		this.mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login/totp"));
		String code = this.fixtures.code(enrolled.secret(), 1);
		this.mvc.perform(post("/login/totp").session(session).param("code", code).with(csrf()))
			.andExpect(redirectedUrl("/"));
		this.mvc.perform(get("/").session(session)).andExpect(status().isOk());

		MockHttpSession second = Fixtures
			.session(this.fixtures.formLogin(this.mvc, lead.getUsername(), Fixtures.PASSWORD));
		this.mvc.perform(post("/login/totp").session(second).param("code", code).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("確認コードが正しくありません")));
		String recovery = enrolled.recoveryCodes().get(0);
		this.mvc.perform(post("/login/totp").session(second).param("code", recovery.toUpperCase()).with(csrf()))
			.andExpect(redirectedUrl("/"));

		MockHttpSession third = Fixtures
			.session(this.fixtures.formLogin(this.mvc, lead.getUsername(), Fixtures.PASSWORD));
		this.mvc.perform(post("/login/totp").session(third).param("code", recovery).with(csrf()))
			.andExpect(status().isOk());
		this.mvc.perform(get("/").session(third)).andExpect(redirectedUrl("/login/totp"));
	}

	@Test
	void wrongSecondFactorCodesMakeTheAddressWaitAndACorrectPasswordDoesNotForgetThem() throws Exception {
		UserAccount lead = this.fixtures.user(this.contractor, Role.CONTRACTOR_LEAD);
		Fixtures.Enrolled enrolled = this.fixtures.enrolTotp(lead);
		MockHttpSession session = Fixtures
			.session(this.fixtures.formLogin(this.mvc, lead.getUsername(), Fixtures.PASSWORD, "192.0.2.20"));
		for (int i = 0; i < 4; i++) {
			this.mvc
				.perform(post("/login/totp").session(session)
					.param("code", wrongCode(enrolled))
					.with(Fixtures.from("192.0.2.20"))
					.with(csrf()))
				.andExpect(status().isOk());
		}
		// A correct password again from the same address does not clear the four.
		session = Fixtures
			.session(this.fixtures.formLogin(this.mvc, lead.getUsername(), Fixtures.PASSWORD, "192.0.2.20"));
		this.mvc
			.perform(post("/login/totp").session(session)
				.param("code", wrongCode(enrolled))
				.with(Fixtures.from("192.0.2.20"))
				.with(csrf()))
			.andExpect(status().isOk());
		this.mvc
			.perform(post("/login/totp").session(session)
				.param("code", this.fixtures.code(enrolled.secret(), 1))
				.with(Fixtures.from("192.0.2.20"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"sign-in-wait\"")));
		this.mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login/totp"));
	}

	private String wrongCode(Fixtures.Enrolled enrolled) {
		java.util.Set<String> valid = java.util.Set.of(this.fixtures.code(enrolled.secret(), -1),
				this.fixtures.code(enrolled.secret(), 0), this.fixtures.code(enrolled.secret(), 1),
				this.fixtures.code(enrolled.secret(), 2));
		String code;
		do {
			code = String.format(java.util.Locale.ROOT, "%06d",
					java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000));
		}
		while (valid.contains(code));
		return code;
	}

	@Test
	void aWeakNewPasswordIsRejectedWithAJapaneseExplanationNextToTheField() throws Exception {
		UserAccount worker = this.fixtures.user(this.contractor, Role.CONTRACTOR_WORKER);
		MockHttpSession session = Fixtures
			.session(this.fixtures.formLogin(this.mvc, worker.getUsername(), Fixtures.PASSWORD));
		this.mvc
			.perform(post("/account/password").session(session)
				.param("currentPassword", Fixtures.PASSWORD)
				.param("newPassword", "password1234")
				.param("confirmPassword", "password1234")
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("推測されやすい")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"newPassword-error\"")));
		this.mvc
			.perform(post("/account/password").session(session)
				.param("currentPassword", Fixtures.PASSWORD)
				.param("newPassword", "Short-1!")
				.param("confirmPassword", "Short-1!")
				.with(csrf()))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("12文字以上")));
		this.mvc
			.perform(post("/account/password").session(session)
				.param("currentPassword", Fixtures.PASSWORD)
				.param("newPassword", "Tsuki-Kakeru-Usagi-83")
				.param("confirmPassword", "Tsuki-Kakeru-Usagi-83")
				.with(csrf()))
			.andExpect(redirectedUrl("/account"));
		assertThat(this.fixtures.formLogin(this.mvc, worker.getUsername(), "Tsuki-Kakeru-Usagi-83")
			.getResponse()
			.getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void aOneTimePasswordMustBeChangedBeforeAnythingElse() throws Exception {
		UserAccount admin = this.fixtures.user(this.client, Role.SYSTEM_ADMIN);
		this.fixtures.enrolTotp(admin);
		CreatedUser created = this.fixtures.createWithOneTimePassword(admin, this.contractor, Role.CONTRACTOR_WORKER);
		MvcResult login = this.fixtures.formLogin(this.mvc, created.user().getUsername(), created.oneTimePassword());
		assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/account/password");
		this.mvc.perform(get("/").session(Fixtures.session(login))).andExpect(redirectedUrl("/account/password"));
	}

	@Test
	void signOutEndsTheSession() throws Exception {
		UserAccount worker = this.fixtures.user(this.contractor, Role.CONTRACTOR_WORKER);
		MockHttpSession session = Fixtures
			.session(this.fixtures.formLogin(this.mvc, worker.getUsername(), Fixtures.PASSWORD));
		this.mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));
		this.mvc.perform(get("/").session(session)).andExpect(status().is3xxRedirection());
	}

	@Test
	void pagesSendAStrictContentSecurityPolicy() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(
					org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
						.string("Content-Security-Policy", org.hamcrest.Matchers.allOf(
								org.hamcrest.Matchers.containsString("script-src 'self'"),
								org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("unsafe-inline")))));
	}

}
