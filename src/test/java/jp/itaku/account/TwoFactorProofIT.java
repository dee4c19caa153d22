package jp.itaku.account;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A signed-in session alone cannot replace the authenticator app or the recovery codes:
 * both need the password and a current code or recovery code; a failed proof changes
 * nothing, counts toward the waits and the lock, and is audited.
 */
@IntegrationTest
class TwoFactorProofIT {

	private static final String SECRET_ATTRIBUTE = "jp.itaku.account.web.AccountController.pendingSecret";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	UserAccountRepository users;

	@Autowired
	AuditTrail audit;

	Organisation contractor;

	UserAccount lead;

	Fixtures.Enrolled enrolled;

	MockHttpSession session;

	@BeforeEach
	void signedIn() throws Exception {
		this.contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.lead = this.fixtures.user(this.contractor, Role.CONTRACTOR_LEAD);
		this.enrolled = this.fixtures.enrolTotp(this.lead);
		this.session = Fixtures.session(this.fixtures.formLogin(this.mvc, this.lead.getUsername(), Fixtures.PASSWORD));
		this.mvc
			.perform(post("/login/totp").session(this.session)
				.param("code", this.enrolled.recoveryCodes().get(0))
				.with(csrf()))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void replacingTheAuthenticatorNeedsThePasswordAndACurrentCode() throws Exception {
		String before = ciphertext();
		this.mvc.perform(get("/account/totp").session(this.session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"currentPassword\"")))
			.andExpect(content().string(containsString("name=\"currentCode\"")));
		String newSecret = (String) this.session.getAttribute(SECRET_ATTRIBUTE);
		this.mvc
			.perform(post("/account/totp").session(this.session)
				.param("code", this.fixtures.code(newSecret, 0))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("本人確認ができませんでした")))
			.andExpect(content().string(not(containsString("id=\"recovery-codes\""))));
		this.mvc
			.perform(post("/account/totp").session(this.session)
				.param("code", this.fixtures.code(newSecret, 0))
				.param("currentPassword", Fixtures.PASSWORD)
				.param("currentCode", "000000")
				.with(csrf()))
			.andExpect(content().string(containsString("本人確認ができませんでした")));
		assertThat(ciphertext()).isEqualTo(before);

		this.mvc
			.perform(post("/account/totp").session(this.session)
				.param("code", this.fixtures.code(newSecret, 0))
				.param("currentPassword", Fixtures.PASSWORD)
				.param("currentCode", this.enrolled.recoveryCodes().get(1))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"recovery-codes\"")));
		assertThat(ciphertext()).isNotEqualTo(before);
		assertThat(count("REAUTHENTICATION_FAILED")).isEqualTo(2);
		assertThat(count("REAUTHENTICATED")).isEqualTo(1);
		assertThat(count("TOTP_ENROLLED")).isEqualTo(2);
	}

	@Test
	void newRecoveryCodesNeedThePasswordAndACurrentCode() throws Exception {
		this.mvc.perform(post("/account/recovery-codes").session(this.session).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("本人確認ができませんでした")))
			.andExpect(content().string(not(containsString("id=\"recovery-codes\""))));
		this.mvc
			.perform(post("/account/recovery-codes").session(this.session)
				.param("currentPassword", "Wrong-Password-99")
				.param("currentCode", this.fixtures.code(this.enrolled.secret(), 1))
				.with(csrf()))
			.andExpect(content().string(containsString("本人確認ができませんでした")));
		assertThat(count("RECOVERY_CODES_REGENERATED")).isZero();
		this.mvc
			.perform(post("/account/recovery-codes").session(this.session)
				.param("currentPassword", Fixtures.PASSWORD)
				.param("currentCode", this.fixtures.code(this.enrolled.secret(), 1))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"recovery-codes\"")));
		assertThat(count("RECOVERY_CODES_REGENERATED")).isEqualTo(1);
		// The failed proofs count like failed sign-ins.
		assertThat(count("SIGN_IN_FAILED")).isEqualTo(2);
	}

	private String ciphertext() {
		return this.users.findById(this.lead.getId()).orElseThrow().getTotpSecretCiphertext();
	}

	private long count(String action) {
		UserAccount admin = this.fixtures.user(this.fixtures.organisation(OrganisationKind.CLIENT), Role.SYSTEM_ADMIN);
		return this.audit
			.search(this.fixtures.actor(admin),
					new AuditSearch(null, null, this.lead.getUsername(), action, null, null), 0, 1)
			.total();
	}

}
