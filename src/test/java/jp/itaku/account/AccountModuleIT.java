package jp.itaku.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import jp.itaku.support.Publications;
import jp.itaku.support.TestMailServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account module on its own (with the modules it depends on): an
 * {@link AccountLocked} (published by {@link SignIn} when the failures reach the lockout
 * threshold, see {@code SignInThrottlingIT}) mails the security administrators of the
 * locked user's client and the system administrators once its publication is handled, and
 * never the locked user.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "catalog")
@ActiveProfiles("test")
@Import(Fixtures.class)
@DirtiesContext
class AccountModuleIT {

	static final ServerSetup SMTP = TestMailServer.freeSmtp();

	@RegisterExtension
	static final GreenMailExtension mailServer = TestMailServer.greenMail(SMTP);

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@DynamicPropertySource
	static void pointMailAtTheTestServer(DynamicPropertyRegistry registry) {
		TestMailServer.pointAt(registry, SMTP);
	}

	@Test
	void aLockIsMailedToTheSecurityAdministratorsAfterItIsCommitted(Scenario scenario) {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		UserAccount officer = this.fixtures.user(client, Role.CLIENT_OFFICER);
		UserAccount securityAdmin = this.fixtures.user(client, Role.CLIENT_SECURITY_ADMIN);
		UserAccount systemAdmin = this.fixtures.user(this.fixtures.organisation(OrganisationKind.CLIENT),
				Role.SYSTEM_ADMIN);
		UserAccount otherClientsAdmin = this.fixtures.user(this.fixtures.organisation(OrganisationKind.CLIENT),
				Role.CLIENT_SECURITY_ADMIN);
		Instant until = Instant.now(this.clock).plus(Duration.ofMinutes(15));

		scenario.publish(new AccountLocked(officer.getId(), until, 50, "198.51.100.7"))
			.andWaitAtMost(Duration.ofSeconds(30))
			.andWaitForStateChange(
					() -> Publications.completed(this.jdbc, AccountLocked.class, officer.getId().toString()),
					(completed) -> completed == 1)
			.andVerify((completed) -> {
				var mails = TestMailServer.awaitMails(mailServer, 2, (message) -> about(message, officer));
				assertThat(mails).extracting(TestMailServer::to)
					.contains(securityAdmin.getEmail(), systemAdmin.getEmail())
					.doesNotContain(otherClientsAdmin.getEmail(), officer.getEmail());
				assertThat(mails)
					.allSatisfy((message) -> assertThat(TestMailServer.body(message)).contains("198.51.100.7", "50"));
			});
	}

	private static boolean about(MimeMessage message, UserAccount user) {
		try {
			return message.getSubject().contains(user.getUsername());
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
