package jp.itaku.account;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jp.itaku.account.web.SsoLeaverCheck;
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
import jp.itaku.platform.crypto.FieldEncryptor;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import jp.itaku.support.TestIdentityProvider;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
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
 * in the test JVM ({@link TestIdentityProvider}, on the port of
 * {@code itaku.test.oidc-port}, which the test profile configures as provider
 * {@code test} bound to "SSO Test City"): the authorization code flow with PKCE and a
 * redirect URI that follows the request's address, provisioning by {@code sub} from
 * mapped groups, the refusal naming whom to ask, {@code amr} with and without
 * multi-factor, a role change that ends the old sessions, sign-out with the provider's
 * end-session offer, back-channel logout, the periodic leaver check, the organisation's
 * ban on local passwords, and the SSO officer scoped as any officer. Each step is
 * audited.
 */
@IntegrationTest
class SsoSignInIT {

	static final String ORGANISATION = "SSO Test City";

	static final String LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";

	static TestIdentityProvider provider;

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

	@Autowired
	SsoLeaverCheck leaverCheck;

	@Autowired
	FieldEncryptor encryptor;

	Organisation city;

	@BeforeAll
	static void startProvider(@Value("${itaku.test.oidc-port}") int port) {
		provider = TestIdentityProvider.on(port);
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
		// The way back follows the request's address (MockMvc's http://localhost), as the
		// redirect URI does.
		assertThat(page).contains(provider.server().endSessionEndpointUrl("itaku").toString() + "?id_token_hint=")
			.contains("post_logout_redirect_uri=http://localhost/login?logout");

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
	void theLeaverCheckEndsTheSessionsOfAUserTheDirectoryDisabledButNobodysWhileTheProviderIsAway() throws Exception {
		String leaverSubject = "disabled-" + UUID.randomUUID();
		String stayerSubject = "stays-" + UUID.randomUUID();
		MockHttpSession leaver = Fixtures
			.session(signInAtProvider(leaverSubject, List.of("itaku-officers"), List.of("mfa")));
		MockHttpSession stayer = Fixtures
			.session(signInAtProvider(stayerSubject, List.of("itaku-officers"), List.of("mfa")));
		// The provider's refresh tokens are kept encrypted, each bound to its link.
		String leaverToken = refreshToken(leaverSubject);
		String stayerToken = refreshToken(stayerSubject);
		assertThat(link(leaverSubject, "refresh_token_ciphertext")).doesNotContain(leaverToken);

		// The provider is away: nobody is locked out, the check tries again next time.
		provider.away(true);
		SsoLeaverCheck.Result away;
		try {
			away = this.leaverCheck.check();
		}
		finally {
			provider.away(false);
		}
		assertThat(away.unreachable()).contains("test");
		assertThat(away.refused()).isZero();
		this.mvc.perform(get("/").session(leaver)).andExpect(status().isOk());
		this.mvc.perform(get("/").session(stayer)).andExpect(status().isOk());
		assertThat(link(leaverSubject, "disabled_at")).isNull();

		// The directory disables the leaver: at the next check the provider refuses their
		// grant, and every session of theirs ends; the other officer's grant is renewed.
		provider.disable(leaverToken);
		SsoLeaverCheck.Result checked = this.leaverCheck.check();
		assertThat(checked.refused()).isOne();
		assertThat(checked.unreachable()).isEmpty();
		this.mvc.perform(get("/").session(leaver)).andExpect(redirectedUrl("/login?expired"));
		this.mvc.perform(get("/").session(stayer)).andExpect(status().isOk());
		UserAccount leaverAccount = linked(leaverSubject);
		assertThat(detail("SSO_LINK_DISABLED", leaverAccount, "error")).containsExactly("invalid_grant");
		assertThat(detail("SSO_LINK_DISABLED", leaverAccount, "errorDescription")).containsExactly("Account disabled");
		assertThat(detail("SSO_LINK_DISABLED", leaverAccount, "sessionsEnded")).containsExactly("1");
		assertThat(detail("USER_ACCESS_REVOKED", leaverAccount, "reason")).containsExactly("sso_grant_refused");
		assertThat(link(leaverSubject, "disabled_reason")).isEqualTo("invalid_grant");
		assertThat(link(leaverSubject, "refresh_token_ciphertext")).isNull();
		assertThat(refreshToken(stayerSubject)).isNotEqualTo(stayerToken);
		assertThat(detail("SSO_LINK_DISABLED", linked(stayerSubject), "error")).isEmpty();

		// A disabled link is not checked again; a sign-in at the provider, which a leaver
		// cannot make, enables it again.
		assertThat(this.leaverCheck.check().refused()).isZero();
		MvcResult back = signInAtProvider(leaverSubject, List.of("itaku-officers"), List.of("mfa"));
		assertThat(back.getResponse().getRedirectedUrl()).isEqualTo("/");
		assertThat(link(leaverSubject, "disabled_at")).isNull();
		assertThat(detail("SSO_SIGN_IN", leaverAccount, "linkEnabledAgain")).containsExactly("false", "true");
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
	 * request (with PKCE), the provider's login page (posted with the user name, which
	 * becomes {@code sub}, and the claims), and Itaku's redirect endpoint.
	 * @return the result of Itaku's redirect endpoint
	 */
	private MvcResult signInAtProvider(String subject, List<String> groups, List<String> amr) throws Exception {
		this.mvc.perform(get("/login/sso/test")).andExpect(redirectedUrl("/oauth2/authorization/test"));
		MvcResult authorization = this.mvc.perform(get("/oauth2/authorization/test"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String location = authorization.getResponse().getRedirectedUrl();
		// The redirect URI is the request's own address (MockMvc's http://localhost),
		// not itaku.base-url.
		assertThat(location).startsWith(provider.server().authorizationEndpointUrl("itaku").toString())
			.contains("code_challenge_method=S256")
			.contains("code_challenge=")
			.contains("nonce=");
		assertThat(URLDecoder.decode(location, StandardCharsets.UTF_8))
			.contains("redirect_uri=http://localhost/login/oauth2/code/test&");
		String claims = "{\"groups\": " + json(groups) + ", \"amr\": " + json(amr) + ", \"name\": \"職員 "
				+ subject.substring(0, 6) + "\", \"preferred_username\": \"" + subject + "\"}";
		String callback = provider.signIn(location, subject, claims);
		assertThat(callback).startsWith("http://localhost/login/oauth2/code/test?");
		return this.mvc.perform(get(URI.create(callback)).session(Fixtures.session(authorization))).andReturn();
	}

	private static String json(List<String> values) {
		return values.stream().map((value) -> "\"" + value + "\"").collect(Collectors.joining(", ", "[", "]"));
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
		return provider.server()
			.issueToken("itaku", audience,
					new DefaultOAuth2TokenCallback("itaku", subject, "logout+jwt", List.of(audience), claims, 120))
			.serialize();
	}

	private String link(String subject, String column) {
		List<String> values = this.jdbc
			.sql("select " + column + "::text from sso_identity where provider = 'test' and subject = ?")
			.param(subject)
			.query(String.class)
			.list();
		assertThat(values).hasSize(1);
		return values.get(0);
	}

	private String refreshToken(String subject) {
		UUID id = UUID.fromString(link(subject, "id"));
		return this.encryptor.decrypt(link(subject, "refresh_token_ciphertext"),
				AccountEncryption.SSO_REFRESH_TOKENS.context(id));
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
