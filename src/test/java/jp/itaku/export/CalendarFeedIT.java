package jp.itaku.export;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jp.itaku.account.UserAccount;
import jp.itaku.catalog.ClauseCatalog;
import jp.itaku.catalog.Deliverable;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
import jp.itaku.contract.Contracts;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.Obligations;
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
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The personal calendar feed through the application: issued on the account page and
 * shown once, fetched without sign-in at its secret URL, listing the due dates the user's
 * organisation must still meet or have reviewed and nobody else's, in valid RFC 5545
 * (folded lines, escaped text); regenerated and revoked tokens stop working; only the
 * token's hash is stored; issuing and revoking are audited.
 */
@IntegrationTest
class CalendarFeedIT {

	private static final String TITLE = "窓口受付システム保守業務委託, 第2期; 再委託あり";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	Obligations obligations;

	@Autowired
	ClauseCatalog catalog;

	@Autowired
	CalendarFeeds feeds;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	Actor officer;

	Actor lead;

	UserAccount leadUser;

	UserAccount otherLeadUser;

	Contract contract;

	Contract otherContract;

	@BeforeEach
	void contracts() {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		Organisation other = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.officer = this.fixtures.actor(this.fixtures.user(client, Role.CLIENT_OFFICER));
		this.leadUser = this.fixtures.user(contractor, Role.CONTRACTOR_LEAD);
		this.lead = this.fixtures.actor(this.leadUser);
		this.otherLeadUser = this.fixtures.user(other, Role.CONTRACTOR_LEAD);
		this.contract = register(contractor, TITLE);
		this.otherContract = register(other, "別の受託者の業務委託");
	}

	private Contract register(Organisation contractor, String title) {
		LocalDate start = ItakuTime.today(this.clock).plusMonths(1);
		ContractForm form = this.fixtures.contractForm(contractor, "setagaya", start, Set.of());
		form.setNumber("C-" + UUID.randomUUID().toString().substring(0, 8));
		form.setTitle(title);
		return this.contracts.register(this.officer, form);
	}

	private Obligation obligation(Deliverable deliverable) {
		return this.obligations.forContract(this.lead, this.contract.getId())
			.stream()
			.filter((o) -> o.getDeliverable() == deliverable)
			.findFirst()
			.orElseThrow();
	}

	private static List<Obligations.Upload> pdf() {
		return List.of(new Obligations.Upload("提出.pdf", "application/pdf", new ByteArrayResource(
				("%PDF-1.4\n% " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII))));
	}

	/** Issues a feed through the account page and returns the URL shown once. */
	private String issueThroughAccountPage() throws Exception {
		MvcResult result = this.mvc
			.perform(post("/account/calendar-feed").with(authentication(this.fixtures.signedIn(this.leadUser)))
				.with(csrf()))
			.andExpect(redirectedUrl("/account#calendar-feed"))
			.andReturn();
		String url = (String) result.getFlashMap().get("calendarFeedUrl");
		assertThat(url).matches("http://localhost:8080/calendar/icf_[A-Za-z0-9_-]{43}\\.ics");
		return url;
	}

	private static String path(String url) {
		return url.substring("http://localhost:8080".length());
	}

	private static String token(String url) {
		return url.replaceAll(".*/calendar/(.*)\\.ics", "$1");
	}

	private MockHttpServletResponse fetch(String path) throws Exception {
		return this.mvc.perform(get(path)).andReturn().getResponse();
	}

	@Test
	void theFeedListsTheDueDatesOfTheUsersContractsAndNoneOfAnotherContractor() throws Exception {
		Obligation roster = obligation(Deliverable.ROSTER);
		this.obligations.submit(this.lead, roster.getId(), null, pdf());
		List<Obligation> own = this.obligations.forContract(this.lead, this.contract.getId());
		Obligation accepted = own.stream()
			.filter((o) -> !o.getId().equals(roster.getId()) && o.getDueDate() != null)
			.findFirst()
			.orElseThrow();
		var submission = this.obligations.submit(this.lead, accepted.getId(), null, pdf());
		this.obligations.review(this.officer, submission.getId(), true, null);
		Obligation waived = own.stream()
			.filter((o) -> !o.getId().equals(roster.getId()) && !o.getId().equals(accepted.getId())
					&& o.getDueDate() != null)
			.findFirst()
			.orElseThrow();
		this.obligations.waive(this.officer, waived.getId(), "試験のため");

		String url = issueThroughAccountPage();
		MockHttpServletResponse response = fetch(path(url));
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(MediaType.parseMediaType(response.getContentType()))
			.isEqualTo(MediaType.parseMediaType("text/calendar; charset=utf-8"));
		byte[] bytes = response.getContentAsByteArray();
		String raw = new String(bytes, StandardCharsets.UTF_8);

		assertThat(raw).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
		assertThat(raw.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
		for (String line : raw.split("\r\n")) {
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
		}
		assertThat(raw.split("\r\n")).anySatisfy((line) -> assertThat(line).startsWith(" "));

		String ics = ICalendarWriter.unfold(raw);
		Set<String> uids = Arrays.stream(ics.split("\r\n"))
			.filter((line) -> line.startsWith("UID:"))
			.map((line) -> line.substring(4))
			.collect(Collectors.toSet());
		Set<String> expected = this.obligations.forContract(this.lead, this.contract.getId())
			.stream()
			.filter((o) -> o.getDueDate() != null && CalendarFeeds.LISTED.contains(o.getStatus()))
			.map((o) -> o.getId() + "@itaku")
			.collect(Collectors.toSet());
		assertThat(expected).contains(roster.getId() + "@itaku")
			.doesNotContain(accepted.getId() + "@itaku", waived.getId() + "@itaku");
		assertThat(uids).isEqualTo(expected);
		assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(expected.size() + 1);
		for (Obligation theirs : this.obligations.forContract(this.officer, this.otherContract.getId())) {
			assertThat(ics).doesNotContain(theirs.getId().toString());
		}
		assertThat(ics).doesNotContain(this.otherContract.getNumber());

		String event = event(ics, roster);
		assertThat(event)
			.contains("\r\nDTSTART;VALUE=DATE:" + DateTimeFormatter.BASIC_ISO_DATE.format(roster.getDueDate()) + "\r\n")
			.contains("\r\nDTEND;VALUE=DATE:" + DateTimeFormatter.BASIC_ISO_DATE.format(roster.getDueDate().plusDays(1))
					+ "\r\n")
			.containsPattern("\r\nDTSTAMP:\\d{8}T\\d{6}Z\r\n")
			.contains("\r\nSUMMARY:従事者名簿（" + this.contract.getNumber() + "）\r\n")
			.contains("\r\nURL:http://localhost:8080/obligations/" + roster.getId() + "\r\n");
		String description = property(event, "DESCRIPTION");
		assertThat(description).isEqualTo(ICalendarWriter.escape(String.join("\n", roster.getSummary(),
				"根拠条項：" + roster.getClauseRef(), "状況：審査待ち", "契約：" + this.contract.getNumber() + " " + TITLE,
				"http://localhost:8080/obligations/" + roster.getId())));
		assertThat(description).contains("第2期\\; 再委託あり").contains("業務委託\\, 第2期").contains("\\n根拠条項：");
		assertThat(ics).contains("\r\nX-WR-CALNAME:Itaku 提出期限（" + this.lead.organisationName() + "）\r\n");
	}

	@Test
	void japaneseTextSurvivesFolding() throws Exception {
		String raw = new String(fetch(path(this.feeds.issue(this.lead).url())).getContentAsByteArray(),
				StandardCharsets.UTF_8);
		byte[] all = raw.getBytes(StandardCharsets.UTF_8);
		int start = 0;
		for (int i = 0; i + 1 < all.length; i++) {
			if (all[i] == '\r' && all[i + 1] == '\n') {
				// every physical line is valid UTF-8 by itself: no character was split
				assertThat(decodes(Arrays.copyOfRange(all, start, i))).isTrue();
				start = i + 2;
			}
		}
		String ics = ICalendarWriter.unfold(raw);
		Obligation roster = obligation(Deliverable.ROSTER);
		String description = property(event(ics, roster), "DESCRIPTION");
		assertThat(description.length()).isGreaterThan(40);
		assertThat(unescape(description)).startsWith(roster.getSummary() + "\n")
			.contains("契約：" + this.contract.getNumber() + " " + TITLE);
		assertThat(("DESCRIPTION:" + description).getBytes(StandardCharsets.UTF_8).length).isGreaterThan(75);
	}

	@Test
	void regeneratedRevokedAndUnknownTokensAreNotFound() throws Exception {
		String first = issueThroughAccountPage();
		assertThat(fetch(path(first)).getStatus()).isEqualTo(200);
		String second = issueThroughAccountPage();
		assertThat(second).isNotEqualTo(first);
		assertThat(fetch(path(first)).getStatus()).isEqualTo(404);
		assertThat(fetch(path(second)).getStatus()).isEqualTo(200);

		this.mvc
			.perform(post("/account/calendar-feed/revoke").with(authentication(this.fixtures.signedIn(this.leadUser)))
				.with(csrf()))
			.andExpect(redirectedUrl("/account#calendar-feed"));
		assertThat(fetch(path(second)).getStatus()).isEqualTo(404);
		assertThat(this.feeds.activeSince(this.lead)).isEmpty();

		assertThat(fetch("/calendar/icf_" + "A".repeat(43) + ".ics").getStatus()).isEqualTo(404);
		assertThat(fetch("/calendar/not-a-token.ics").getStatus()).isEqualTo(404);

		UUID user = this.leadUser.getId();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'CALENDAR_FEED_TOKEN_CREATED' and user_id = ?",
				Long.class, user))
			.isEqualTo(2L);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'CALENDAR_FEED_TOKEN_REVOKED' and user_id = ?",
				Long.class, user))
			.isEqualTo(2L);
	}

	@Test
	void theTokenIsNeverStoredInClear() throws Exception {
		String token = token(issueThroughAccountPage());
		List<String> rows = this.jdbc.query("select * from calendar_feed_token where user_id = ?", (rs, n) -> {
			StringBuilder row = new StringBuilder();
			for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
				row.append(rs.getString(c)).append('|');
			}
			return row.toString();
		}, this.leadUser.getId());
		assertThat(rows).singleElement().satisfies((row) -> assertThat(row).doesNotContain(token.substring(4)));
		assertThat(this.jdbc.queryForObject("select token_hash from calendar_feed_token where user_id = ?",
				String.class, this.leadUser.getId()))
			.isEqualTo(CalendarFeeds.sha256(token));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entry where details like ? or target_id like ? or action like ?",
				Long.class, "%" + token.substring(4) + "%", "%" + token.substring(4) + "%",
				"%" + token.substring(4) + "%"))
			.isZero();
	}

	@Test
	void theAccountPageShowsTheUrlOnceAndTheFeedsState() throws Exception {
		var asLead = authentication(this.fixtures.signedIn(this.leadUser));
		String before = this.mvc.perform(get("/account").with(asLead))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(before).contains("予定表への期限配信").contains("配信URLはまだ発行されていません。");
		MvcResult issued = this.mvc.perform(post("/account/calendar-feed").with(asLead).with(csrf()))
			.andExpect(redirectedUrl("/account#calendar-feed"))
			.andReturn();
		String url = (String) issued.getFlashMap().get("calendarFeedUrl");
		// The redirect's next page, in the same (database) session, shows it once.
		MockHttpSession session = Fixtures.session(issued);
		String shown = this.mvc.perform(get("/account").with(asLead).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(shown).contains(url).contains("配信URLを無効にする");
		String later = this.mvc.perform(get("/account").with(asLead).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(later).doesNotContain(token(url)).contains("配信URLを発行し直す");
	}

	private static String event(String ics, Obligation obligation) {
		int uid = ics.indexOf("\r\nUID:" + obligation.getId() + "@itaku\r\n");
		assertThat(uid).isPositive();
		int begin = ics.lastIndexOf("BEGIN:VEVENT", uid);
		int end = ics.indexOf("END:VEVENT", uid);
		return ics.substring(begin, end);
	}

	private static String property(String event, String name) {
		return Arrays.stream(event.split("\r\n"))
			.filter((line) -> line.startsWith(name + ":"))
			.map((line) -> line.substring(name.length() + 1))
			.findFirst()
			.orElseThrow();
	}

	private static String unescape(String text) {
		return text.replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\");
	}

	private static boolean decodes(byte[] bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

}
