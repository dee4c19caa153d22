package jp.itaku.browser;

import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import jp.itaku.account.AccountSystemReads;
import jp.itaku.account.UserAccount;
import jp.itaku.organisation.Organisation;
import jp.itaku.organisation.OrganisationForm;
import jp.itaku.organisation.OrganisationSystemReads;
import jp.itaku.organisation.Organisations;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.TestIdentityProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on in a real browser (issue 22): an officer of "SSO Test City" presses the
 * provider's button on Itaku's sign-in page, signs in on the provider's own login page
 * (the test JVM's {@link TestIdentityProvider}, whose interactive login takes a user name
 * and claims), and comes back to Itaku on the address the browser used (this server's
 * random port: the redirect URI follows the request, as Spring Security's
 * {@code {baseUrl}} does) into the inbox, provisioned as an officer of the city from
 * their group. Signing out then offers the provider's own sign-out, which leads back to
 * Itaku's sign-in page on the same address.
 */
class SsoBrowserIT extends BrowserTest {

	static final String CITY = "SSO Test City";

	static TestIdentityProvider provider;

	@Autowired
	Organisations organisations;

	@Autowired
	OrganisationSystemReads organisationReads;

	@Autowired
	AccountSystemReads accountReads;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void startProvider(@Value("${itaku.test.oidc-port}") int port) {
		provider = TestIdentityProvider.on(port);
	}

	@Test
	void anOfficerSignsInAtTheProvidersLoginPageAndArrivesInTheInboxWithTheMappedRole() {
		Organisation city = this.organisationReads.findByNameUnscoped(CITY)
			.orElseGet(
					() -> this.organisations.create(null, new OrganisationForm(CITY, OrganisationKind.CLIENT, null)));
		String subject = "browser-" + UUID.randomUUID();
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("ja-JP"))) {
			// Nothing leaves the machine (the provider's page links a web font).
			context.route(Pattern.compile("^https?://(?!localhost[:/]).*"), Route::abort);
			Page page = context.newPage();
			page.navigate(url("/login"));
			assertThat(page.locator("#sso-test")).hasText("Test IdPの職員認証でログイン");
			page.locator("#sso-test").click();

			// The provider's own login page: a user name (the subject) and the claims
			// the directory would send.
			assertThat(page)
				.hasURL(Pattern.compile("^" + literal(provider.server().authorizationEndpointUrl("itaku").toString())));
			page.locator("input[name=username]").fill(subject);
			page.locator("textarea[name=claims]")
				.fill("{\"groups\": [\"all-staff\", \"itaku-officers\"], \"amr\": [\"pwd\", \"mfa\"],"
						+ " \"name\": \"職員 花子\", \"preferred_username\": \"hanako\"}");
			page.locator("input[type=submit]").click();

			// Back in Itaku on this server's own address, signed in as an officer of the
			// city, on the home page with the inbox.
			assertThat(page).hasURL(url("/"));
			assertThat(page.locator("#home-inbox")).isVisible();
			assertThat(page.locator("#who-am-i")).containsText(CITY);
			assertThat(page.locator("#who-am-i")).containsText("委託者 担当職員");
			assertThat(page.locator(".user-box__name")).hasText("職員 花子");
			screenshot(page, "sso-inbox");

			// Signing out offers the provider's sign-out, which comes back here.
			page.locator("header form[action='/logout'] button").click();
			assertThat(page).hasURL(url("/login?logout"));
			assertThat(page.locator("#sso-end-session a")).hasAttribute("href", Pattern.compile(
					"^" + literal(provider.server().endSessionEndpointUrl("itaku").toString()) + "\\?id_token_hint="));
			page.locator("#sso-end-session a").click();
			assertThat(page).hasURL(url("/login?logout"));
		}
		UserAccount officer = this.accountReads
			.findByUsernameUnscoped(
					this.jdbc
						.sql("select u.username from sso_identity i join user_account u on u.id = i.user_id"
								+ " where i.provider = 'test' and i.subject = ?")
						.param(subject)
						.query(String.class)
						.single())
			.orElseThrow();
		assertThat(officer.getRole()).isEqualTo(Role.CLIENT_OFFICER);
		assertThat(officer.getOrganisationId()).isEqualTo(city.getId());
		assertThat(officer.getUsername()).startsWith("test.hanako");
	}

	/**
	 * Escapes a URL for a regular expression that Playwright evaluates in JavaScript,
	 * which knows no {@code \Q…\E} quoting ({@link Pattern#quote}).
	 */
	private static String literal(String text) {
		return text.replaceAll("[\\\\^$.|?*+()\\[\\]{}/]", "\\\\$0");
	}

}
