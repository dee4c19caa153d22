package jp.itaku.account;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import jp.itaku.audit.AuditSearch;
import jp.itaku.audit.AuditTrail;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The second factor cannot be guessed without limit (issue 17, item 1): every wrong code
 * counts toward the account's lock, a correct password never clears the count, and 50
 * wrong codes in rounds of 4 — each round after signing in again with the right password,
 * each from an address of its own so that no wait slows the attacker down — lock the
 * account, through the sign-in form and through the API token endpoint alike.
 */
@IntegrationTest
class SecondFactorLockoutIT {

	private static final int LOCK_AT = 50;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	UserAccountRepository users;

	@Autowired
	AuditTrail audit;

	@Autowired
	JsonMapper json;

	Organisation client;

	@BeforeEach
	void organisation() {
		this.client = this.fixtures.organisation(OrganisationKind.CLIENT);
	}

	@Test
	void fiftyWrongCodesInRoundsOfFourLockTheAccountThroughTheSignInForm() throws Exception {
		UserAccount officer = this.fixtures.user(this.client, Role.CLIENT_OFFICER);
		Fixtures.Enrolled enrolled = this.fixtures.enrolTotp(officer);
		int wrong = 0;
		for (int round = 0; wrong < LOCK_AT; round++) {
			String source = "198.51.100." + round;
			MvcResult login = this.fixtures.formLogin(this.mvc, officer.getUsername(), Fixtures.PASSWORD, source);
			assertThat(login.getResponse().getRedirectedUrl()).as("round %d", round).isEqualTo("/login/totp");
			MockHttpSession session = Fixtures.session(login);
			for (int i = 0; i < 4 && wrong < LOCK_AT; i++) {
				MvcResult answer = this.mvc
					.perform(post("/login/totp").session(session)
						.param("code", wrongCode(enrolled))
						.with(Fixtures.from(source))
						.with(csrf()))
					.andReturn();
				wrong++;
				if (wrong < LOCK_AT) {
					assertThat(answer.getResponse().getStatus()).as("code %d", wrong).isEqualTo(200);
					assertThat(answer.getResponse().getContentAsString()).contains("確認コードが正しくありません");
				}
				else {
					// The fiftieth locks the account and ends the half-signed-in session.
					assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
				}
			}
		}
		assertThat(this.users.findById(officer.getId()).orElseThrow().getLockedUntil()).isInTheFuture();
		// Locked for every source: the right password from a fresh address is refused.
		assertThat(this.fixtures.formLogin(this.mvc, officer.getUsername(), Fixtures.PASSWORD, "203.0.113.99")
			.getResponse()
			.getRedirectedUrl()).isEqualTo("/login?error");
		assertThat(count(officer, "SIGN_IN_FAILED")).isGreaterThanOrEqualTo(LOCK_AT);
		assertThat(count(officer, "ACCOUNT_LOCKED")).isEqualTo(1);
	}

	@Test
	void fiftyWrongCodesInRoundsOfFourLockTheAccountThroughTheTokenEndpoint() throws Exception {
		UserAccount officer = this.fixtures.user(this.client, Role.CLIENT_OFFICER);
		Fixtures.Enrolled enrolled = this.fixtures.enrolTotp(officer);
		for (int wrong = 0; wrong < LOCK_AT; wrong++) {
			String source = "198.51.100." + (100 + wrong / 4);
			this.mvc
				.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
					.content(body(officer, wrongCode(enrolled)))
					.with(Fixtures.from(source)))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isUnauthorized());
		}
		assertThat(this.users.findById(officer.getId()).orElseThrow().getLockedUntil()).isInTheFuture();
		this.mvc
			.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
				.content(body(officer, this.fixtures.code(enrolled.secret(), 1)))
				.with(Fixtures.from("203.0.113.98")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isUnauthorized());
		assertThat(count(officer, "ACCOUNT_LOCKED")).isEqualTo(1);
	}

	private long count(UserAccount user, String action) {
		UserAccount admin = this.fixtures.user(this.client, Role.SYSTEM_ADMIN);
		return this.audit
			.search(this.fixtures.actor(admin), new AuditSearch(null, null, user.getUsername(), action, null, null), 0,
					1)
			.total();
	}

	private String body(UserAccount user, String code) {
		return this.json.writeValueAsString(
				Map.of("username", user.getUsername(), "password", Fixtures.PASSWORD, "name", "推測", "totpCode", code));
	}

	/** A code that none of the steps around now accepts. */
	private String wrongCode(Fixtures.Enrolled enrolled) {
		Set<String> valid = Set.of(this.fixtures.code(enrolled.secret(), -1), this.fixtures.code(enrolled.secret(), 0),
				this.fixtures.code(enrolled.secret(), 1), this.fixtures.code(enrolled.secret(), 2));
		String code;
		do {
			code = String.format(Locale.ROOT, "%06d", ThreadLocalRandom.current().nextInt(1_000_000));
		}
		while (valid.contains(code));
		return code;
	}

}
