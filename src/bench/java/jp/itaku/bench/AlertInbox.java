package jp.itaku.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.FolderListener;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;

/**
 * The security administrator's inbox for the alert benchmark: a GreenMail SMTP server on
 * a free loopback port, in the benchmark's JVM, that notes the instant each mail lands in
 * the administrator's inbox ({@link System#nanoTime()}, the clock the benchmark reads
 * when it sends a report) and finds the incident each mail is about by the contract's and
 * the incident's numbers in its subject (「【事故報告】BENCH-17 INC-3（…）」).
 */
final class AlertInbox implements AutoCloseable {

	static final String ADDRESS = "secadmin@bench.example";

	/** The contract's number and the incident's, as the mail's subject names them. */
	private static final Pattern SUBJECT = Pattern.compile("(BENCH-\\d+) (INC-\\d+)");

	private final GreenMail server;

	private final MailFolder inbox;

	/** The instant each mail landed, by its message sequence number (1, 2, …). */
	private final Map<Integer, Long> landed = new ConcurrentHashMap<>();

	private AlertInbox(GreenMail server, MailFolder inbox) {
		this.server = server;
		this.inbox = inbox;
		inbox.addListener(new FolderListener() {

			@Override
			public void added(int msn) {
				AlertInbox.this.landed.put(msn, System.nanoTime());
			}

			@Override
			public void expunged(int msn) {
			}

			@Override
			public void flagsUpdated(int msn, Flags flags, Long uid) {
			}

			@Override
			public void mailboxDeleted() {
			}

		});
	}

	static AlertInbox start() {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		GreenMailUser user = server.setUser(ADDRESS, "secadmin", "secadmin");
		try {
			return new AlertInbox(server, server.getManagers().getImapHostManager().getInbox(user));
		}
		catch (FolderException ex) {
			throw new IllegalStateException(ex);
		}
	}

	int port() {
		return this.server.getSmtp().getPort();
	}

	/**
	 * Returns when the mail of each incident landed, by the incident's key
	 * ({@code BENCH-17 INC-3}); the first mail where an incident was mailed twice.
	 * @return nanoTime instants by key
	 */
	Map<String, Long> landedByIncident() {
		Map<String, Long> byIncident = new ConcurrentHashMap<>();
		List<StoredMessage> messages = this.inbox.getMessages();
		for (int i = 0; i < messages.size(); i++) {
			Long at = this.landed.get(i + 1);
			if (at == null) {
				continue;
			}
			try {
				Matcher matcher = SUBJECT.matcher(String.valueOf(messages.get(i).getMimeMessage().getSubject()));
				if (matcher.find()) {
					byIncident.merge(matcher.group(1) + " " + matcher.group(2), at, Math::min);
				}
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return byIncident;
	}

	@Override
	public void close() {
		this.server.stop();
	}

}
