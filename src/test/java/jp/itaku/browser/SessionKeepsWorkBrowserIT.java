package jp.itaku.browser;

import java.time.Clock;
import java.util.Set;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import jp.itaku.account.UserAccount;
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
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A half-written form survives the idle timeout (issue 20, item 8): the warning's 「延長する」
 * extends the server session without reloading the page; a form posted after the session
 * ended is not saved, and after signing in again the user is back on the form with what
 * they typed, to send it again; a page asked for after the session ended opens after
 * sign-in. The session is ended the way the idle timeout ends it: its row is gone from
 * the session table.
 */
class SessionKeepsWorkBrowserIT extends BrowserTest {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void theWarningExtendsTheSessionAndAFormPostedAfterItEndedComesBackWithItsValues() {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		UserAccount officer = this.fixtures.user(client, Role.CLIENT_OFFICER);
		UserAccount worker = this.fixtures.user(contractor, Role.CONTRACTOR_WORKER);
		ContractForm form = this.fixtures.contractForm(contractor, "setagaya",
				ItakuTime.today(this.clock).minusMonths(1), Set.of());
		Contract contract = this.contracts.register(this.fixtures.actor(officer), form);
		String formPage = "/contracts/" + contract.getId() + "/incidents/new";

		try (BrowserContext desk = browser.newContext(new Browser.NewContextOptions().setLocale("ja-JP"))) {
			Page p = desk.newPage();
			p.navigate(url("/login"));
			signIn(p, worker.getUsername(), Fixtures.PASSWORD);
			p.navigate(url(formPage));
			p.locator("#location").fill("受託者作業室");
			p.locator("#description").fill("書きかけの報告: 鍵のかかる書庫の前で気づいた。");

			// 延長する: the warning (shown a minute before the end) extends the session on
			// the server, and the page keeps what was typed.
			long expiryBefore = expiryOf(worker);
			p.evaluate("document.getElementById('idle-warning').hidden = false");
			assertThat(p.locator("#idle-extend-button")).hasText("延長する");
			p.waitForTimeout(1100);
			p.locator("#idle-extend-button").click();
			assertThat(p.locator("#idle-warning")).isHidden();
			assertThat(expiryOf(worker)).isGreaterThan(expiryBefore);
			assertThat(p.locator("#location")).hasValue("受託者作業室");

			// The session ends (idle timeout): the post is refused, never saved, and
			// after signing in the form is back with its values.
			endSessionsOf(worker);
			p.locator("label", new Page.LocatorOptions().setHasText("漏えい")).click();
			p.locator("#incident-submit").click();
			assertThat(p.locator("body")).containsText("一定時間操作がなかったため");
			assertThat(incidentsOf(contract)).isZero();
			signIn(p, worker.getUsername(), Fixtures.PASSWORD);
			assertThat(p).hasURL(url(formPage));
			assertThat(p.locator("#form-restored")).containsText("入力内容を復元しました");
			assertThat(p.locator("#location")).hasValue("受託者作業室");
			assertThat(p.locator("#description")).hasValue("書きかけの報告: 鍵のかかる書庫の前で気づいた。");
			assertThat(p.locator("input[name=category][value=LEAK]")).isChecked();
			screenshot(p, "form-restored-after-sign-in");
			// Sent again by the user, it is saved once.
			p.locator("#incident-submit").click();
			assertThat(p.locator(".notice--success")).isVisible();
			assertThat(incidentsOf(contract)).isEqualTo(1);

			// A page asked for after the session ended opens after sign-in.
			endSessionsOf(worker);
			p.navigate(url("/contracts/" + contract.getId() + "/incidents"));
			assertThat(p.locator("body")).containsText("一定時間操作がなかったため");
			signIn(p, worker.getUsername(), Fixtures.PASSWORD);
			assertThat(p).hasURL(url("/contracts/" + contract.getId() + "/incidents"));
			assertThat(p.locator("#form-restored")).hasCount(0);
		}
	}

	private long expiryOf(UserAccount user) {
		return this.jdbc.sql("select max(expiry_time) from spring_session where principal_name = :name")
			.param("name", user.getUsername())
			.query(Long.class)
			.single();
	}

	private void endSessionsOf(UserAccount user) {
		this.jdbc.sql("delete from spring_session where principal_name = :name")
			.param("name", user.getUsername())
			.update();
	}

	private long incidentsOf(Contract contract) {
		return this.jdbc.sql("select count(*) from incident where contract_id = :id")
			.param("id", contract.getId())
			.query(Long.class)
			.single();
	}

}
