package jp.itaku.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import jp.itaku.account.AccountSystemReads;
import jp.itaku.account.UserAccount;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person does, in a real browser (Debian's chromium driven by Playwright): sign
 * in, enrol an authenticator, see who they are, sign out, and be made to wait after five
 * wrong passwords.
 */
class SignInBrowserIT extends BrowserTest {

	@Autowired
	Fixtures fixtures;

	@Autowired
	AccountSystemReads accountReads;

	@Test
	void anOfficerSignsInEnrolsAnAuthenticatorSignsOutAndWaitsAfterFiveWrongPasswords() throws Exception {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		UserAccount officer = this.fixtures.user(client, Role.CLIENT_OFFICER);
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("ja-JP"))) {
			Page page = context.newPage();
			page.navigate(url("/login"));
			assertThat(page.locator("h1")).hasText("ログイン");
			signIn(page, officer.getUsername(), Fixtures.PASSWORD);

			// Two-factor sign-in is required for a client officer: enrol before anything
			// else.
			assertThat(page).hasURL(url("/account/totp"));
			String secret = page.locator("#totp-secret").textContent().strip();
			page.locator("#code").fill("000000");
			page.locator("form[action='/account/totp'] button[type=submit]").click();
			assertThat(page.locator(".error-summary")).containsText("確認コードが正しくありません");
			page.locator("#code").fill(this.fixtures.code(secret, 0));
			page.locator("form[action='/account/totp'] button[type=submit]").click();
			assertThat(page.locator("#recovery-codes li")).hasCount(10);
			page.locator("main form button[type=submit]").click();

			// The home page says who they are and which organisation they belong to.
			assertThat(page).hasURL(url("/"));
			assertThat(page.locator("#who-am-i")).containsText(client.getName());
			assertThat(page.locator("#who-am-i")).containsText("委託者 担当職員");
			screenshot(page, "home");

			page.locator("header form[action='/logout'] button").click();
			assertThat(page).hasURL(url("/login?logout"));
			assertThat(page.locator("main")).containsText("ログアウトしました");

			// Five wrong passwords make this address wait; then even the right one is
			// refused from here, and the page says for how long. The account itself is
			// not
			// locked: its owner could still sign in from elsewhere.
			for (int i = 0; i < 5; i++) {
				signIn(page, officer.getUsername(), "wrong-password-" + i);
				assertThat(page.locator(".error-summary")).containsText("ログインできませんでした");
			}
			signIn(page, officer.getUsername(), Fixtures.PASSWORD);
			assertThat(page.locator("#sign-in-wait")).containsText("秒後にもう一度お試しください");
			screenshot(page, "waiting");
		}
		UserAccount waiting = this.accountReads.findByUsernameUnscoped(officer.getUsername()).orElseThrow();
		assertThat(waiting.getLockedUntil()).isNull();
		assertThat(waiting.isTotpEnabled()).isTrue();
	}

	@Test
	void theSignInPageSpeaksEnglishOnRequest() {
		try (BrowserContext context = browser.newContext()) {
			Page page = context.newPage();
			page.navigate(url("/login?lang=en"));
			assertThat(page.locator("h1")).hasText("Sign in");
			page.navigate(url("/login"));
			assertThat(page.locator("h1")).hasText("Sign in");
			assertThat(page.locator("html")).hasAttribute("lang", "en");
		}
	}

}
