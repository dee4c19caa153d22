package jp.itaku.account;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import jp.itaku.support.TestMailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sign-in throttling without a lock anyone can trigger (issue 17, item 6): failures slow
 * down the address they come from while the owner signs in from another; only many
 * failures from every source lock the account, and then the security administrators are
 * mailed; and a refused sign-in takes as long whether the user exists, is locked or typed
 * a wrong password.
 */
@IntegrationTest
class SignInThrottlingIT {

	static final ServerSetup SMTP = TestMailServer.freeSmtp();

	@RegisterExtension
	static final GreenMailExtension mailServer = TestMailServer.greenMail(SMTP);

	@DynamicPropertySource
	static void pointMailAtTheTestServer(DynamicPropertyRegistry registry) {
		TestMailServer.pointAt(registry, SMTP);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	UserAccountRepository users;

	@Autowired
	JsonMapper json;

	@Autowired
	ThrottleProperties throttle;

	@Autowired
	SecurityProperties security;

	Organisation client;

	@BeforeEach
	void organisation() {
		this.client = this.fixtures.organisation(OrganisationKind.CLIENT);
	}

	@Test
	void anAddressThatFailsWaitsWhileTheOwnerGetsAToken() throws Exception {
		UserAccount worker = this.fixtures.user(this.fixtures.organisation(OrganisationKind.CONTRACTOR),
				Role.CONTRACTOR_WORKER);
		for (int i = 0; i < this.throttle.freeAttempts(); i++) {
			this.mvc.perform(token(worker, "wrong-password-" + i).with(Fixtures.from("192.0.2.30")))
				.andExpect(status().isUnauthorized());
		}
		this.mvc.perform(token(worker, Fixtures.PASSWORD).with(Fixtures.from("192.0.2.30")))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("秒後にもう一度お試しください")));
		this.mvc.perform(token(worker, Fixtures.PASSWORD).with(Fixtures.from("192.0.2.31")))
			.andExpect(status().isCreated());
		assertThat(this.users.findById(worker.getId()).orElseThrow().getLockedUntil()).isNull();
	}

	@Test
	void manyFailuresFromEverySourceLockTheAccountAndMailItsSecurityAdministrators() throws Exception {
		UserAccount officer = this.fixtures.user(this.client, Role.CLIENT_OFFICER);
		UserAccount securityAdmin = this.fixtures.user(this.client, Role.CLIENT_SECURITY_ADMIN);
		UserAccount systemAdmin = this.fixtures.user(this.fixtures.organisation(OrganisationKind.CLIENT),
				Role.SYSTEM_ADMIN);
		UserAccount otherClientsAdmin = this.fixtures.user(this.fixtures.organisation(OrganisationKind.CLIENT),
				Role.CLIENT_SECURITY_ADMIN);
		int perSource = this.throttle.freeAttempts() - 1;
		for (int i = 0; i < this.security.lockout().maxAttempts(); i++) {
			String source = "198.51.100." + (200 + i / perSource);
			assertThat(this.fixtures.formLogin(this.mvc, officer.getUsername(), "wrong-password-" + i, source)
				.getResponse()
				.getRedirectedUrl()).as("attempt %d", i).isEqualTo("/login?error");
			if (i == this.security.lockout().maxAttempts() - 2) {
				assertThat(this.users.findById(officer.getId()).orElseThrow().getLockedUntil()).isNull();
			}
		}
		assertThat(this.users.findById(officer.getId()).orElseThrow().getLockedUntil()).isInTheFuture();
		assertThat(this.fixtures.formLogin(this.mvc, officer.getUsername(), Fixtures.PASSWORD, "203.0.113.50")
			.getResponse()
			.getRedirectedUrl()).isEqualTo("/login?error");

		// The lock is mailed after it is committed, asynchronously.
		await().atMost(Duration.ofSeconds(30))
			.until(() -> recipients(mailsAbout(officer))
				.containsAll(List.of(securityAdmin.getEmail(), systemAdmin.getEmail())));
		List<MimeMessage> mails = mailsAbout(officer);
		assertThat(recipients(mails)).contains(securityAdmin.getEmail(), systemAdmin.getEmail())
			.doesNotContain(otherClientsAdmin.getEmail(), officer.getEmail());
		MimeMessage toSecurityAdmin = mails.stream()
			.filter((m) -> recipientsOf(m).contains(securityAdmin.getEmail()))
			.findFirst()
			.orElseThrow();
		assertThat(toSecurityAdmin.getSubject()).contains("アカウントをロックしました");
		assertThat((String) toSecurityAdmin.getContent()).contains(officer.getUsername(), "50 回", "198.51.100.")
			.doesNotContain("wrong-password");
	}

	/**
	 * An unknown user name, a locked account and a wrong password are answered after the
	 * same time: the medians of interleaved tries, each from an address of its own so
	 * that no wait intervenes, lie within a tolerance of each other and none is quicker
	 * than the configured floor.
	 */
	@Test
	void unknownLockedAndWrongPasswordAnswersTakeTheSameTime() throws Exception {
		UserAccount known = this.fixtures.user(this.client, Role.CLIENT_OFFICER);
		UserAccount locked = this.fixtures.user(this.client, Role.CLIENT_OFFICER);
		UserAccount entity = this.users.findById(locked.getId()).orElseThrow();
		entity.lockUntil(java.time.Instant.now().plusSeconds(3600), java.time.Instant.now());
		this.users.save(entity);
		Map<Kind, List<Long>> millis = new EnumMap<>(Kind.class);
		List<Kind> order = new ArrayList<>(List.of(Kind.values()));
		int tries = 9;
		for (int round = -1; round < tries; round++) {
			Collections.shuffle(order);
			for (Kind kind : order) {
				String username = switch (kind) {
					case UNKNOWN -> "nobody-" + known.getUsername() + round;
					case LOCKED -> locked.getUsername();
					case WRONG_PASSWORD -> known.getUsername();
				};
				String source = "198.18." + (kind.ordinal() + 1) + "." + (round + 2);
				long started = System.nanoTime();
				String target = this.fixtures.formLogin(this.mvc, username, "Wrong-Password-1", source)
					.getResponse()
					.getRedirectedUrl();
				long elapsed = (System.nanoTime() - started) / 1_000_000;
				assertThat(target).isEqualTo("/login?error");
				if (round >= 0) {
					millis.computeIfAbsent(kind, (k) -> new ArrayList<>()).add(elapsed);
				}
			}
		}
		Map<Kind, Long> medians = new EnumMap<>(Kind.class);
		millis.forEach((kind, values) -> medians.put(kind, median(values)));
		long floor = this.throttle.minAnswerTime().toMillis();
		assertThat(medians.values()).as("medians %s", medians)
			.allSatisfy((m) -> assertThat(m).isGreaterThanOrEqualTo(floor));
		long spread = Collections.max(medians.values()) - Collections.min(medians.values());
		assertThat(spread).as("medians %s", medians).isLessThanOrEqualTo(60);
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder token(UserAccount user,
			String password) {
		return post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(Map.of("username", user.getUsername(), "password", password, "name",
					"throttling", "totpCode", "")));
	}

	private static long median(List<Long> values) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	private static List<MimeMessage> mailsAbout(UserAccount user) throws Exception {
		List<MimeMessage> mine = new ArrayList<>();
		for (MimeMessage message : mailServer.getReceivedMessages()) {
			if (message.getSubject().contains(user.getUsername())) {
				mine.add(message);
			}
		}
		return mine;
	}

	private static List<String> recipients(List<MimeMessage> mails) {
		return mails.stream().map(SignInThrottlingIT::recipientsOf).toList();
	}

	private static String recipientsOf(MimeMessage message) {
		try {
			return message.getRecipients(Message.RecipientType.TO)[0].toString();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private enum Kind {

		UNKNOWN, LOCKED, WRONG_PASSWORD

	}

}
