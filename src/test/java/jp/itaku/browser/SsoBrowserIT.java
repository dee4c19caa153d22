package jp.itaku.browser;

import java.net.InetAddress;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import jp.itaku.organisation.OrganisationForm;
import jp.itaku.organisation.OrganisationSystemReads;
import jp.itaku.organisation.Organisations;
import jp.itaku.platform.OrganisationKind;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Single sign-on in a real browser (issue 22): an officer of "SSO Test City" presses the
 * provider's button on Itaku's sign-in page, signs in on the provider's own login page
 * (mock-oauth2-server with its interactive login, in the test JVM) and arrives in Itaku's
 * inbox with the role of their group. Itaku's redirect URI is {@code itaku.base-url}
 * (port 8080) while this server runs on a random port: the browser is sent on from the
 * one to the other, as a reverse proxy would.
 */
class SsoBrowserIT extends BrowserTest {

	static MockOAuth2Server provider;

	@Autowired
	Organisations organisations;

	@Autowired
	OrganisationSystemReads organisationReads;

	@BeforeAll
	static void startProvider(@Value("${itaku.test.oidc-port}") int port) throws Exception {
		provider = new MockOAuth2Server(new OAuth2Config(true));
		provider.start(InetAddress.getByName("localhost"), port);
	}

	@AfterAll
	static void stopProvider() {
		provider.shutdown();
	}

	@Test
	void anOfficerSignsInAtTheProvidersLoginPageAndArrivesInTheInbox() {
		if (this.organisationReads.findByNameUnscoped("SSO Test City").isEmpty()) {
			this.organisations.create(null, new OrganisationForm("SSO Test City", OrganisationKind.CLIENT, null));
		}
		String subject = "browser-" + UUID.randomUUID();
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("ja-JP"))) {
			context.route("http://localhost:8080/**", (route) -> route.fulfill(new Route.FulfillOptions().setStatus(302)
				.setHeaders(Map.of("Location", route.request().url().replace("http://localhost:8080", url(""))))));
			Page page = context.newPage();
			page.navigate(url("/login"));
			page.locator("#sso-test").click();

			// The provider's own login page.
			assertThat(page.locator("h2.title")).hasText("Mock OAuth2 Server Sign-in");
			page.locator("input[name=username]").fill(subject);
			page.locator("textarea[name=claims]")
				.fill("{\"groups\": [\"itaku-officers\"], \"amr\": [\"pwd\", \"mfa\"], \"name\": \"職員 花子\"}");
			page.locator("input[type=submit]").click();

			// Back in Itaku, signed in as an officer of the city, on the inbox.
			assertThat(page).hasURL(url("/"));
			assertThat(page.locator("#who-am-i")).containsText("SSO Test City");
			assertThat(page.locator("#who-am-i")).containsText("委託者 担当職員");
			assertThat(page.locator("#home-inbox")).isVisible();
			screenshot(page, "sso-home");

			page.locator("header form[action='/logout'] button").click();
			assertThat(page).hasURL(url("/login?logout"));
			assertThat(page.locator("#sso-end-session a")).hasAttribute("href",
					Pattern.compile("^http://localhost:[0-9]+/itaku/endsession\\?id_token_hint="));
		}
	}

}
