package jp.itaku.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import jp.itaku.account.UserAccount;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A reader of the special clauses in a real browser: picks a profile, reads a clause in
 * its original wording with what it requires, compares the bodies by category, and
 * searches.
 */
class CatalogBrowserIT extends BrowserTest {

	@Autowired
	Fixtures fixtures;

	@Test
	void aLeadReadsComparesAndSearchesTheClauses() {
		UserAccount lead = this.fixtures.user(this.fixtures.organisation(OrganisationKind.CONTRACTOR),
				Role.CONTRACTOR_LEAD);
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("ja-JP"))) {
			Page page = context.newPage();
			page.navigate(url("/login"));
			signIn(page, lead.getUsername(), Fixtures.PASSWORD);
			page.locator("nav.site-nav a[href='/catalog']").click();
			assertThat(page.locator("#profile-table")).containsText("世田谷区");
			assertThat(page.locator("#profile-table")).containsText("門真市");
			assertThat(page.locator("#profile-table")).containsText("練馬区");
			assertThat(page.locator("#profile-table")).containsText("群馬県");

			page.locator("#profile-table a", new Page.LocatorOptions().setHasText("門真市")).click();
			var roster = page.locator("[id='clause-2(4)']");
			assertThat(roster).containsText("国籍");
			assertThat(roster.locator(".requirement-table")).containsText("従事者名簿");
			assertThat(page.locator("[id='clause-2(2)'] .requirement-table")).containsText("前月の20日まで");
			// The articles are closed until opened; a link to a clause opens its article.
			assertThat(page.locator("[id='clause-2(2)']")).isHidden();
			page.locator("[id='article-2'] > summary").click();
			assertThat(page.locator("[id='clause-2(2)']")).isVisible();
			page.locator("[id='clause-2(2)']").scrollIntoViewIfNeeded();
			page.screenshot(new Page.ScreenshotOptions()
				.setPath(java.nio.file.Path.of("target/screenshots/catalog-kadoma-2-2.png")));

			page.navigate(url("/catalog/compare"));
			assertThat(page.locator("#compare-table")).containsText("規定なし");
			assertThat(page.locator("#compare-table")).containsText("再委託に関する制限事項の遵守");
			screenshot(page, "catalog-compare");

			page.navigate(url("/catalog"));
			page.locator("#q").fill("住民票コード");
			page.locator("form[role=search] button").click();
			assertThat(page.locator("#hits")).containsText("門真市 14(8)");
			screenshot(page, "catalog-search");
		}
	}

}
