package jp.itaku.account;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jp.itaku.catalog.ContractAttribute;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
import jp.itaku.contract.Contracts;
import jp.itaku.organisation.Organisation;
import jp.itaku.organisation.OrganisationForm;
import jp.itaku.organisation.OrganisationSystemReads;
import jp.itaku.organisation.Organisations;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Single sign-on of the client's staff (issue 22) against a real OpenID Connect provider
 * in the test JVM (mock-oauth2-server, on the port of {@code itaku.test.oidc-port}, which
 * the test profile configures as provider {@code test} bound to "SSO Test City"): the
 * authorization code flow with PKCE, provisioning by {@code sub} from mapped groups, the
 * refusal naming whom to ask, {@code amr} with and without multi-factor, a role change
 * that ends the old sessions, sign-out with the provider's end-session offer,
 * back-channel logout, the organisation's ban on local passwords, and the SSO officer
 * scoped as any officer. Each step is audited.
 */
@IntegrationTest
class SsoSignInIT {

	static final String ORGANISATION = "SSO Test City";

	static final String LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";

	static MockOAuth2Server provider;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Organisations organisations;

	@Autowired
	OrganisationSystemReads organisationReads;

	@Autowired
	UserAccountRepository users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Contracts contracts;

	@Autowired
	Clock clock;

	Organisation city;

	@BeforeAll
	static void startProvider(@Value("${itaku.test.oidc-port}") int port) throws Exception {
		provider = new MockOAuth2Server();
		provider.start(InetAddress.getByName("localhost"), port);
	}

	@AfterAll
	static void stopProvider() {
		provider.shutdown();
	}

	@BeforeEach
	void city() {
		this.city = this.organisationReads.findByNameUnscoped(ORGANISATION)
			.orElseGet(() -> this.organisations.create(null,
					new OrganisationForm(ORGANISATION, OrganisationKind.CLIENT, null)));
	}

	@Test
	void firstSignInProvisionsByGroupAndARoleChangedInTheDirectoryEndsTheOldSessions() throws Exception {
		String subject = "officer-" + UUID.randomUUID();
		MvcResult first = signInAtProvider(subject, List.of("itaku-officers", "all-staff"), List.of("pwd", "mfa"));
		assertThat(first.getResponse().getRedirectedUrl()).isEqualTo("/");
		MockHttpSession officerSession = Fixtures.session(first);
		this.mvc.perform(get("/").session(officerSession)).andExpect(status().isOk());
		// Scoped as any officer: the city's own, not another client's contract, no
		// administration.
		Contract otherClients = otherClientsContract();
		this.mvc.perform(get("/contracts/" + otherClients.getId()).session(officerSession))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/admin/users").session(officerSession)).andExpect(status().isForbidden());

		UserAccount user = linked(subject);
		assertThat(user.getRole()).isEqualTo(Role.CLIENT_OFFICER);
		assertThat(user.getOrganisationId()).isEqualTo(this.city.getId());
		assertThat(user.getUsername()).startsWith("test.");
		assertThat(user.isPasswordChangeRequired()).isFalse();
		assertThat(detail("SSO_USER_PROVISIONED", user, "groupsMapped")).containsExactly("itaku-officers");
		assertThat(detail("SSO_SIGN_IN", user, "providerMultiFactor")).containsExactly("true");
		assertThat(detail("SSO_SIGN_IN", user, "subject")).containsExactly(subject);

		// Moved to the security group in the directory: the next sign-in gives the new
		// role to the same account and ends the session opened with the old one.
		MvcResult second = signInAtProvider(subject, List.of("itaku-security"), List.of("mfa"));
		assertThat(second.getResponse().getRedirectedUrl()).isEqualTo("/");
		assertThat(linked(subject).getId()).isEqualTo(user.getId());
		assertThat(linked(subject).getRole()).isEqualTo(Role.CLIENT_SECURITY_ADMIN);
		this.mvc.perform(get("/").session(officerSession)).andExpect(redirectedUrl("/login?expired"));
		this.mvc.perform(get("/").session(Fixtures.session(second))).andExpect(status().isOk());
		assertThat(detail("SSO_ROLE_CHANGED", user, "to")).containsExactly("CLIENT_SECURITY_ADMIN");
		assertThat(detail("USER_ACCESS_REVOKED", user, "reason")).containsExactly("sso_role_changed");
		assertThat(this.jdbc.sql("select count(*) from sso_identity where subject = ?")
			.param(subject)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void withoutMultiFactorAtTheProviderAnOfficerGoesThroughItakusOwnTotpRule() throws Exception {
		String subject = "no-mfa-" + UUID.randomUUID();
		MvcResult result = signInAtProvider(subject, List.of("itaku-staff"), List.of("pwd"));
		// Officers must use two factors: without "mfa" in amr, they enrol Itaku's own.
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/account/totp");
		this.mvc.perform(get("/").session(Fixtures.session(result))).andExpect(redirectedUrl("/account/totp"));
		assertThat(detail("SSO_SIGN_IN", linked(subject), "providerMultiFactor")).containsExactly("false");
	}

	@Test
	void aUserWithoutAMappedGroupIsRefusedAndToldWhomToAsk() throws Exception {
		String subject = "outsider-" + UUID.randomUUID();
		MvcResult result = signInAtProvider(subject, List.of("all-staff"), List.of("mfa"));
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login?sso_refused=test");
		String page = this.mvc.perform(get("/login?sso_refused=test"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("SSO Test City IT Officeに利用権限の付与を依頼してください");
		assertThat(this.jdbc.sql("select count(*) from sso_identity where subject = ?")
			.param(subject)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc
			.sql("select details::jsonb ->> 'reason' from audit_entry where action = 'SSO_SIGN_IN_REFUSED'"
					+ " and details::jsonb ->> 'subject' = ?")
			.param(subject)
			.query(String.class)
			.list()).containsExactly("no_mapped_group");
	}

	@Test
	void signingOutOffersTheProvidersSignOutAndTheProvidersBackChannelLogoutEndsSessions() throws Exception {
		String subject = "leaver-" + UUID.randomUUID();
		MockHttpSession session = Fixtures
			.session(signInAtProvider(subject, List.of("itaku-officers"), List.of("mfa")));
		MvcResult logout = this.mvc.perform(post("/logout").session(session).with(csrf()))
			.andExpect(redirectedUrl("/login?logout"))
			.andReturn();
		this.mvc.perform(get("/").session(session)).andExpect(status().is3xxRedirection());
		String page = this.mvc.perform(get("/login?logout").session(Fixtures.session(logout)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(provider.endSessionEndpointUrl("itaku").toString() + "?id_token_hint=")
			.contains("post_logout_redirect_uri=http://localhost:8080/login?logout");

		// The provider signs the user out (a leaver disabled in the directory): every
		// Itaku session of theirs ends.
		MockHttpSession again = Fixtures.session(signInAtProvider(subject, List.of("itaku-officers"), List.of("mfa")));
		this.mvc.perform(get("/").session(again)).andExpect(status().isOk());
		String notForUs = logoutToken(subject, "someone-else", Map.of());
		this.mvc.perform(post("/login/sso/test/backchannel-logout").param("logout_token", notForUs))
			.andExpect(status().isBadRequest());
		String withNonce = logoutToken(subject, "itaku-test", Map.of("nonce", "n"));
		this.mvc.perform(post("/login/sso/test/backchannel-logout").param("logout_token", withNonce))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/").session(again)).andExpect(status().isOk());
		this.mvc
			.perform(post("/login/sso/test/backchannel-logout").param("logout_token",
					logoutToken(subject, "itaku-test", Map.of())))
			.andExpect(status().isOk());
		this.mvc.perform(get("/").session(again)).andExpect(redirectedUrl("/login?expired"));
		assertThat(detail("SSO_BACK_CHANNEL_LOGOUT", linked(subject), "sessionsEnded")).containsExactly("1");
	}

	@Test
	void theCitysStaffMayNotUseLocalPasswordsButItsSystemAdministratorMay() throws Exception {
		UserAccount officer = this.fixtures.user(this.city, Role.CLIENT_OFFICER);
		assertThat(this.fixtures.formLogin(this.mvc, officer.getUsername(), Fixtures.PASSWORD)
			.getResponse()
			.getRedirectedUrl()).isEqualTo("/login?error");
		assertThat(detail("SIGN_IN_FAILED", officer, "reason")).contains("local_password_forbidden");
		UserAccount admin = this.fixtures.user(this.city, Role.SYSTEM_ADMIN);
		assertThat(this.fixtures.formLogin(this.mvc, admin.getUsername(), Fixtures.PASSWORD)
			.getResponse()
			.getRedirectedUrl()).isEqualTo("/account/totp");
		// The sign-in page offers the provider's button.
		assertThat(this.mvc.perform(get("/login")).andReturn().getResponse().getContentAsString())
			.contains("href=\"/login/sso/test\"");
	}

	/**
	 * Goes through the authorization code flow: Itaku's button, Itaku's authorization
	 * request (with PKCE), the provider's authorization endpoint (which issues the given
	 * claims), and Itaku's redirect endpoint.
	 * @return the result of Itaku's redirect endpoint
	 */
	private MvcResult signInAtProvider(String subject, List<String> groups, List<String> amr) throws Exception {
		provider.enqueueCallback(
				new DefaultOAuth2TokenCallback("itaku", subject, "JWT", List.of("itaku-test"), Map.of("groups", groups,
						"amr", amr, "name", "職員 " + subject.substring(0, 6), "preferred_username", subject), 3600));
		this.mvc.perform(get("/login/sso/test")).andExpect(redirectedUrl("/oauth2/authorization/test"));
		MvcResult authorization = this.mvc.perform(get("/oauth2/authorization/test"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String location = authorization.getResponse().getRedirectedUrl();
		assertThat(location).startsWith(provider.authorizationEndpointUrl("itaku").toString())
			.contains("code_challenge_method=S256")
			.contains("code_challenge=")
			.contains("nonce=");
		HttpResponse<Void> atProvider = this.http.send(HttpRequest.newBuilder(URI.create(location)).GET().build(),
				HttpResponse.BodyHandlers.discarding());
		String callback = atProvider.headers().firstValue("Location").orElseThrow();
		assertThat(callback).startsWith("http://localhost:8080/login/oauth2/code/test?");
		return this.mvc.perform(get(URI.create(callback)).session(Fixtures.session(authorization))).andReturn();
	}

	private Contract otherClientsContract() {
		Organisation otherClient = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		UserAccount officer = this.fixtures.user(otherClient, Role.CLIENT_OFFICER);
		ContractForm form = this.fixtures.contractForm(contractor, "setagaya",
				ItakuTime.today(this.clock).minusMonths(1), Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION));
		return this.contracts.register(this.fixtures.actor(officer), form);
	}

	private String logoutToken(String subject, String audience, Map<String, Object> extra) {
		Map<String, Object> claims = new HashMap<>(extra);
		claims.put("events", Map.of(LOGOUT_EVENT, Map.of()));
		return provider
			.issueToken("itaku", audience,
					new DefaultOAuth2TokenCallback("itaku", subject, "logout+jwt", List.of(audience), claims, 120))
			.serialize();
	}

	private UserAccount linked(String subject) {
		UUID id = this.jdbc.sql("select user_id from sso_identity where provider = 'test' and subject = ?")
			.param(subject)
			.query(UUID.class)
			.single();
		return this.users.findById(id).orElseThrow();
	}

	private List<String> detail(String action, UserAccount user, String key) {
		return this.jdbc
			.sql("select details::jsonb ->> ? from audit_entry where action = ? and target_id = ? order by seq")
			.param(key)
			.param(action)
			.param(user.getId().toString())
			.query(String.class)
			.list();
	}

}
