package jp.itaku.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.test.context.DynamicPropertyRegistry;

import static org.awaitility.Awaitility.await;

/**
 * A real SMTP server (GreenMail) for the tests that read what the application mails: on a
 * free loopback port, started once per test class. A test class holds <pre>
 * static final ServerSetup SMTP = TestMailServer.freeSmtp();
 * &#64;RegisterExtension
 * static final GreenMailExtension mailServer = TestMailServer.greenMail(SMTP);
 * &#64;DynamicPropertySource
 * static void pointMailAtTheTestServer(DynamicPropertyRegistry registry) {
 *     TestMailServer.pointAt(registry, SMTP);
 * }
 * </pre>
 */
public final class TestMailServer {

	private TestMailServer() {
	}

	/**
	 * Returns an SMTP setup on a loopback port free now.
	 * @return the setup
	 */
	public static ServerSetup freeSmtp() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return new ServerSetup(socket.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Returns the JUnit extension running GreenMail on a setup for the whole test class.
	 * @param smtp the setup
	 * @return the extension
	 */
	public static GreenMailExtension greenMail(ServerSetup smtp) {
		return new GreenMailExtension(smtp).withPerMethodLifecycle(false);
	}

	/**
	 * Returns the mails the server received that match, waiting (at most 30 s) until at
	 * least {@code expected} match: the application mails after the change is committed,
	 * from a listener that runs asynchronously. With {@code expected} 0 it does not wait.
	 * @param server the test server
	 * @param expected how many matching mails to wait for
	 * @param matching which mails count
	 * @return the matching mails received by then
	 */
	public static List<MimeMessage> awaitMails(GreenMailExtension server, int expected,
			Predicate<MimeMessage> matching) {
		if (expected > 0) {
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> matches(server, matching).size() >= expected);
		}
		return matches(server, matching);
	}

	private static List<MimeMessage> matches(GreenMailExtension server, Predicate<MimeMessage> matching) {
		return Arrays.stream(server.getReceivedMessages()).filter(matching).toList();
	}

	/**
	 * Returns the body of a plain-text mail.
	 * @param message the mail
	 * @return its text
	 */
	public static String body(MimeMessage message) {
		try {
			return message.getContent().toString();
		}
		catch (IOException | MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Returns the (first) recipient of a mail.
	 * @param message the mail
	 * @return the address
	 */
	public static String to(MimeMessage message) {
		try {
			return ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Points the application's mail sender at the test server.
	 * @param registry the test's dynamic properties
	 * @param smtp the setup
	 */
	public static void pointAt(DynamicPropertyRegistry registry, ServerSetup smtp) {
		registry.add("spring.mail.host", smtp::getBindAddress);
		registry.add("spring.mail.port", smtp::getPort);
	}

}
