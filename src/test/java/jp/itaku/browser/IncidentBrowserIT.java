package jp.itaku.browser;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jp.itaku.account.UserAccount;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
import jp.itaku.contract.Contracts;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import jp.itaku.support.TestMailServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reporting an incident from a phone (390 pixels wide): the short form fits the screen
 * with large touch targets; the report reaches the client's security administrator's
 * inbox within seconds; the page shows the measured time from detection to report; the
 * banner appears on the security administrator's pages until they acknowledge the report.
 */
class IncidentBrowserIT extends BrowserTest {

	static final ServerSetup SMTP = TestMailServer.freeSmtp();

	@RegisterExtension
	static final GreenMailExtension mailServer = TestMailServer.greenMail(SMTP);

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	Clock clock;

	@DynamicPropertySource
	static void pointMailAtTheTestServer(DynamicPropertyRegistry registry) {
		TestMailServer.pointAt(registry, SMTP);
	}

	@Test
	void aWorkerReportsFromAPhoneTheSecurityAdministratorIsMailedAndSeesTheBannerUntilAcknowledging() throws Exception {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		UserAccount officer = this.fixtures.user(client, Role.CLIENT_OFFICER);
		UserAccount secadmin = this.fixtures.user(client, Role.CLIENT_SECURITY_ADMIN);
		Fixtures.Enrolled enrolled = this.fixtures.enrolTotp(secadmin);
		UserAccount worker = this.fixtures.user(contractor, Role.CONTRACTOR_WORKER);
		ContractForm form = this.fixtures.contractForm(contractor, "setagaya",
				ItakuTime.today(this.clock).minusMonths(1), Set.of());
		form.setTitle("ブラウザ試験の事故報告");
		Contract contract = this.contracts.register(this.fixtures.actor(officer), form);
		String detected = ItakuTime.inTokyo(Instant.now(this.clock).minusSeconds(20 * 60))
			.toLocalDateTime()
			.withSecond(0)
			.withNano(0)
			.toString();

		try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setLocale("ja-JP")
			.setViewportSize(390, 844)
			.setIsMobile(true)
			.setHasTouch(true));
				BrowserContext desk = browser.newContext(new Browser.NewContextOptions().setLocale("ja-JP"))) {
			Page p = phone.newPage();
			p.navigate(url("/login"));
			signIn(p, worker.getUsername(), Fixtures.PASSWORD);
			// the header's action is on the landing page, which fits the phone
			assertThat(p.locator("#header-report-incident")).isVisible();
			assertThat((Integer) p.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
			p.navigate(url("/contracts/" + contract.getId()));
			p.locator("#incidents-link").click();
			p.locator("#report-incident").click();
			assertThat(p.locator("h1")).hasText("事故・インシデントの報告");
			// The detection time starts at now (Tokyo), ready to be corrected.
			assertThat(p.locator("#detectedAt").inputValue()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
			// The form fits the phone: nothing wider than the screen, large touch
			// targets.
			assertThat((Integer) p.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
			assertThat(p.locator("#incident-submit").boundingBox().height).isGreaterThanOrEqualTo(44);
			assertThat(p.locator("#incident-submit").boundingBox().width).isGreaterThan(300);
			assertThat(p.locator(".incident-choice").first().boundingBox().height).isGreaterThanOrEqualTo(44);
			screenshot(p, "incident-report-phone");

			p.locator("#incident-submit").click();
			assertThat(p.locator("#category-error")).hasText("事象の種類を選んでください。");
			assertThat(p.locator("#location-error")).hasText("発生場所を入力してください。");

			p.locator("label", new Page.LocatorOptions().setHasText("漏えい")).click();
			p.locator("#detectedAt").fill(detected);
			p.locator("#location").fill("受託者作業室");
			p.locator("#description").fill("住民票の写し1枚を別の申請者に誤って交付した。");
			p.locator("#recordCount").fill("1");
			long submittedAt = System.currentTimeMillis();
			p.locator("#incident-submit").click();
			assertThat(p.locator(".notice--success")).containsText("委託者の情報セキュリティ管理者に通知しました");
			assertThat(p.locator("#detection-to-report .incident-time"))
				.hasText(java.util.regex.Pattern.compile("(19|20|21)分"));
			assertThat(p.locator("#report-timeliness")).hasText("期限内");
			assertThat(p.locator("#report-term")).containsText("の「直ちに」（1時間）: 期限 ");
			assertThat((Integer) p.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
			screenshot(p, "incident-detail-phone");

			// The security administrator's inbox, within seconds.
			MimeMessage mail = null;
			while (mail == null && System.currentTimeMillis() - submittedAt < 10_000) {
				mail = Arrays.stream(mailServer.getReceivedMessages()).filter((m) -> {
					try {
						return ((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress()
							.equals(secadmin.getEmail());
					}
					catch (jakarta.mail.MessagingException ex) {
						return false;
					}
				}).findFirst().orElse(null);
				if (mail == null) {
					Thread.sleep(100);
				}
			}
			assertThat(mail).as("mail to the security administrator within 10 s").isNotNull();
			assertThat(mail.getSubject()).contains(contract.getNumber(), "INC-1", "漏えい");
			assertThat(mail.getContent().toString()).contains("/incidents/", "受託者作業室");
			assertThat(Arrays.stream(mailServer.getReceivedMessages()).filter((m) -> {
				try {
					return ((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress()
						.equals(officer.getEmail());
				}
				catch (jakarta.mail.MessagingException ex) {
					return true;
				}
			})).isEmpty();

			// The banner on the security administrator's pages until acknowledged.
			Page s = desk.newPage();
			s.navigate(url("/login"));
			signIn(s, secadmin.getUsername(), Fixtures.PASSWORD);
			s.locator("#code").fill(this.fixtures.code(enrolled.secret(), 1));
			s.locator("form[action='/login/totp'] button[type=submit]").click();
			s.navigate(url("/dashboard"));
			assertThat(s.locator("#incident-banner")).containsText("確認されていない事故・インシデントの報告が1件");
			s.navigate(url("/catalog"));
			assertThat(s.locator("#incident-banner")).isVisible();
			s.locator("#incident-banner a").click();
			assertThat(s.locator("h1")).containsText("INC-1");
			s.locator("#acknowledge-form button").click();
			assertThat(s.locator(".notice--success")).hasText("報告を確認しました。");
			assertThat(s.locator("#incident-banner")).hasCount(0);
			assertThat(s.locator("#report-to-acknowledgement")).containsText("直ちに（期限内）");
			s.navigate(url("/dashboard"));
			assertThat(s.locator("#incident-banner")).hasCount(0);
		}
	}

}
