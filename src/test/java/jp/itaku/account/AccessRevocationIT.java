package jp.itaku.account;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jp.itaku.catalog.ContractAttribute;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
import jp.itaku.contract.Contracts;
import jp.itaku.export.CalendarFeeds;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Rights change, sessions end (issue 17): disabling a user, changing their role,
 * resetting or changing their password and signing them out everywhere end their
 * sessions, stored in the database for every node, at once, and revoke their API tokens
 * and calendar feeds; their own password change keeps only the session that made it.
 * Every revocation is audited.
 */
@IntegrationTest
class AccessRevocationIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	UserAccounts users;

	@Autowired
	ApiTokens tokens;

	@Autowired
	CalendarFeeds feeds;

	@Autowired
	Contracts contracts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	Organisation client;

	Organisation contractor;

	UserAccount adminUser;

	Actor admin;

	@BeforeEach
	void parties() {
		this.client = this.fixtures.organisation(OrganisationKind.CLIENT);
		this.contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.adminUser = this.fixtures.user(this.client, Role.SYSTEM_ADMIN);
		this.admin = this.fixtures.actor(this.adminUser);
	}

	@Test
	void aSignedInSessionLivesInTheDatabaseUnderItsUserName() throws Exception {
		UserAccount worker = this.fixtures.user(this.contractor, Role.CONTRACTOR_WORKER);
		MockHttpSession session = signIn(worker);
		this.mvc.perform(get("/").session(session)).andExpect(status().isOk());
		assertThat(this.jdbc.sql("select count(*) from spring_session where principal_name = ?")
			.param(worker.getUsername())
			.query(Long.class)
			.single()).isOne();
		// Its attributes (the signed-in user among them) rest encrypted.
		List<byte[]> attributes = this.jdbc
			.sql("select a.attribute_bytes from spring_session_attributes a "
					+ "join spring_session s on s.primary_id = a.session_primary_id where s.principal_name = ?")
			.param(worker.getUsername())
			.query(byte[].class)
			.list();
		assertThat(attributes).isNotEmpty()
			.allSatisfy((bytes) -> assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
				.doesNotContain(worker.getUsername())
				.doesNotContain("jp.itaku"));
	}

	@Test
	void aDisabledUsersOpenSessionGoesToTheSignInPageAndTheirTokenGets401() throws Exception {
		UserAccount worker = this.fixtures.user(this.contractor, Role.CONTRACTOR_WORKER);
		MockHttpSession session = signIn(worker);
		String token = this.tokens.issue(this.fixtures.actor(worker), "集計", null).value();
		this.mvc.perform(get("/").session(session)).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andExpect(status().isOk());

		UserForm disabled = UserForm.of(worker);
		disabled.setEnabled(false);
		this.users.update(this.admin, worker.getId(), disabled);

		this.mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login?expired"));
		this.mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andExpect(status().isUnauthorized());
		assertThat(revocations(worker)).containsExactly("disabled");
		assertThat(sessionsOf(worker)).isZero();
	}

	@Test
	void aLeadDemotedToWorkerCannotAddARosterMemberWithTheOldSession() throws Exception {
		UserAccount lead = this.fixtures.user(this.contractor, Role.CONTRACTOR_LEAD);
		Contract contract = contract();
		String path = "/contracts/" + contract.getId() + "/roster";
		MockHttpSession session = signIn(lead);
		addMember(session, path, "山田 太郎").andExpect(redirectedUrl(path));

		UserForm demoted = UserForm.of(lead);
		demoted.setRole(Role.CONTRACTOR_WORKER);
		this.users.update(this.admin, lead.getId(), demoted);

		addMember(session, path, "佐藤 次郎").andExpect(redirectedUrl("/login?expired"));
		assertThat(this.jdbc.sql("select name from roster_member where contract_id = ?")
			.param(contract.getId())
			.query(String.class)
			.list()).containsExactly("山田 太郎");
		assertThat(revocations(lead)).containsExactly("role_changed");
	}

	@Test
	void aPasswordResetEndsEverySessionAndRevokesTokensAndFeeds() throws Exception {
		UserAccount worker = this.fixtures.user(this.contractor, Role.CONTRACTOR_WORKER);
		MockHttpSession office = signIn(worker);
		MockHttpSession phone = signIn(worker);
		Actor actor = this.fixtures.actor(worker);
		String token = this.tokens.issue(actor, "集計", null).value();
		String feed = this.feeds.issue(actor).value();
		assertThat(this.feeds.feed(feed)).isPresent();

		this.users.resetPassword(this.admin, worker.getId());

		this.mvc.perform(get("/").session(office)).andExpect(redirectedUrl("/login?expired"));
		this.mvc.perform(get("/").session(phone)).andExpect(redirectedUrl("/login?expired"));
		this.mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andExpect(status().isUnauthorized());
		assertThat(this.feeds.feed(feed)).isEmpty();
		assertThat(revocations(worker)).containsExactly("password_reset");
		assertThat(audited("API_TOKEN_REVOKED", worker)).isOne();
		assertThat(audited("CALENDAR_FEED_TOKEN_REVOKED", worker)).isOne();
	}

	@Test
	void anOwnPasswordChangeKeepsOnlyTheSessionThatMadeIt() throws Exception {
		UserAccount worker = this.fixtures.user(this.contractor, Role.CONTRACTOR_WORKER);
		MockHttpSession here = signIn(worker);
		MockHttpSession elsewhere = signIn(worker);
		String token = this.tokens.issue(this.fixtures.actor(worker), "集計", null).value();

		this.mvc
			.perform(post("/account/password").session(here)
				.with(csrf())
				.param("currentPassword", Fixtures.PASSWORD)
				.param("newPassword", "Yama-Nobori-Kitsune-83")
				.param("confirmPassword", "Yama-Nobori-Kitsune-83"))
			.andExpect(redirectedUrl("/account"));

		this.mvc.perform(get("/").session(here)).andExpect(status().isOk());
		this.mvc.perform(get("/").session(elsewhere)).andExpect(redirectedUrl("/login?expired"));
		this.mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andExpect(status().isUnauthorized());
		assertThat(revocations(worker)).containsExactly("password_changed");
		assertThat(sessionsOf(worker)).isOne();
	}

	@Test
	void aSystemAdministratorSignsAUserOutEverywhereOnThePageAndThroughTheApi() throws Exception {
		UserAccount worker = this.fixtures.user(this.contractor, Role.CONTRACTOR_WORKER);
		MockHttpSession first = signIn(worker);
		signIn(worker);
		this.tokens.issue(this.fixtures.actor(worker), "集計", null);

		this.mvc
			.perform(get("/admin/users/" + worker.getId()).with(authentication(this.fixtures.signedIn(this.adminUser))))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("すべての端末からログアウトさせる")));
		this.mvc
			.perform(post("/admin/users/" + worker.getId() + "/sign-out-everywhere")
				.with(authentication(this.fixtures.signedIn(this.adminUser)))
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/users/" + worker.getId()))
			.andExpect(flash().attribute("signedOutEverywhere", java.util.List.of(2, 1)));
		this.mvc.perform(get("/").session(first)).andExpect(redirectedUrl("/login?expired"));

		MockHttpSession again = signIn(worker);
		String adminToken = this.tokens.issue(this.admin, "運用", null).value();
		this.mvc
			.perform(post("/api/v1/users/" + worker.getId() + "/sign-out-everywhere").header(HttpHeaders.AUTHORIZATION,
					"Bearer " + adminToken))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sessionsEnded").value(1))
			.andExpect(jsonPath("$.apiTokensRevoked").value(0));
		this.mvc.perform(get("/").session(again)).andExpect(redirectedUrl("/login?expired"));
		assertThat(revocations(worker)).containsExactly("signed_out_everywhere", "signed_out_everywhere");

		UserAccount lead = this.fixtures.user(this.contractor, Role.CONTRACTOR_LEAD);
		String leadToken = this.tokens.issue(this.fixtures.actor(lead), "集計", null).value();
		this.mvc.perform(post("/api/v1/users/" + worker.getId() + "/sign-out-everywhere")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + leadToken)).andExpect(status().isForbidden());
	}

	@Test
	void changingOnlyANameEndsNothing() throws Exception {
		UserAccount worker = this.fixtures.user(this.contractor, Role.CONTRACTOR_WORKER);
		MockHttpSession session = signIn(worker);
		UserForm renamed = UserForm.of(worker);
		renamed.setDisplayName("改名 後子");
		this.users.update(this.admin, worker.getId(), renamed);
		this.mvc.perform(get("/").session(session)).andExpect(status().isOk());
		assertThat(revocations(worker)).isEmpty();
	}

	private MockHttpSession signIn(UserAccount user) throws Exception {
		var login = this.fixtures.formLogin(this.mvc, user.getUsername(), Fixtures.PASSWORD);
		assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/");
		return Fixtures.session(login);
	}

	private org.springframework.test.web.servlet.ResultActions addMember(MockHttpSession session, String path,
			String name) throws Exception {
		return this.mvc.perform(post(path + "/new").session(session)
			.with(csrf())
			.param("name", name)
			.param("affiliation", "データ入力課")
			.param("role", "WORKER")
			.param("workLocation", "本社 5階")
			.param("handlesPersonalInformation", "true")
			.param("periodStart", ItakuTime.today(this.clock).toString()));
	}

	private Contract contract() {
		UserAccount officer = this.fixtures.user(this.client, Role.CLIENT_OFFICER);
		LocalDate today = ItakuTime.today(this.clock);
		ContractForm form = this.fixtures.contractForm(this.contractor, "setagaya", today.minusMonths(1),
				Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION));
		return this.contracts.register(this.fixtures.actor(officer), form);
	}

	private long sessionsOf(UserAccount user) {
		return this.jdbc.sql("select count(*) from spring_session where principal_name = ?")
			.param(user.getUsername())
			.query(Long.class)
			.single();
	}

	private java.util.List<String> revocations(UserAccount user) {
		return this.jdbc
			.sql("select details::jsonb ->> 'reason' from audit_entry where action = 'USER_ACCESS_REVOKED' "
					+ "and target_id = ? order by seq")
			.param(user.getId().toString())
			.query(String.class)
			.list();
	}

	private long audited(String action, UserAccount user) {
		return this.jdbc
			.sql("select count(*) from audit_entry where action = ? and details::jsonb ->> 'reason' = 'password_reset' "
					+ "and target_id in (select id::text from api_token where user_id = ? "
					+ "union select id::text from calendar_feed_token where user_id = ?)")
			.param(action)
			.param(user.getId())
			.param(user.getId())
			.query(Long.class)
			.single();
	}

}
