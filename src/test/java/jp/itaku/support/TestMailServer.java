package jp.itaku.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.test.context.DynamicPropertyRegistry;

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
	 * Points the application's mail sender at the test server.
	 * @param registry the test's dynamic properties
	 * @param smtp the setup
	 */
	public static void pointAt(DynamicPropertyRegistry registry, ServerSetup smtp) {
		registry.add("spring.mail.host", smtp::getBindAddress);
		registry.add("spring.mail.port", smtp::getPort);
	}

}
