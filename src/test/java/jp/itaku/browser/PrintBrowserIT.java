package jp.itaku.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import jp.itaku.account.UserAccount;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
import jp.itaku.contract.Contracts;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages print as documents an officer would file: rendered to PDF by Chromium with the
 * print stylesheet, A4 landscape, their text holds the page's content and none of the
 * navigation, the sign-out button or the language switch.
 */
class PrintBrowserIT extends BrowserTest {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	java.time.Clock clock;

	@Test
	void theObligationListAndTheRosterPrintWithoutNavigation() throws Exception {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		UserAccount officer = this.fixtures.user(client, Role.CLIENT_OFFICER);
		UserAccount lead = this.fixtures.user(contractor, Role.CONTRACTOR_LEAD);
		ContractForm form = this.fixtures.contractForm(contractor, "setagaya",
				ItakuTime.today(this.clock).minusMonths(1), Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION));
		form.setTitle("印刷試験の委託契約");
		Contract contract = this.contracts.register(this.fixtures.actor(officer), form);
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("ja-JP"))) {
			Page page = context.newPage();
			page.navigate(url("/login"));
			signIn(page, lead.getUsername(), Fixtures.PASSWORD);
			for (String path : new String[] { "/contracts/" + contract.getId(),
					"/contracts/" + contract.getId() + "/roster" }) {
				page.navigate(url(path));
				String screen = page.locator("body").innerText();
				assertThat(screen).contains("ログアウト");
				page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
				String text = pdfText(page.pdf(new Page.PdfOptions().setPreferCSSPageSize(true)));
				page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
				assertThat(text).as(path)
					.contains(contract.getNumber())
					.doesNotContain("ログアウト", "監査ログ", "English", "アカウント設定");
			}
		}
	}

	private static String pdfText(byte[] pdf) throws IOException, InterruptedException {
		Path file = Files.createTempFile("print", ".pdf");
		try {
			Files.write(file, pdf);
			Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-")
				.redirectErrorStream(true)
				.start();
			String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor()).isZero();
			return text;
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

}
