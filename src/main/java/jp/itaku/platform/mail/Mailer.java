package jp.itaku.platform.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Sends the application's plain-text mails in UTF-8 from the configured sender, when a
 * mail server is configured ({@code spring.mail.host}). Modules write the text in the
 * recipient's language ({@link #localeOf}) and decide what a failure means for them.
 * Without a mail server, or for a user without an address, a mail to a user
 * ({@link #send(UUID, String, String, String)}) is kept in the user's in-app
 * {@link Mailbox} instead (お知らせ).
 */
@Component
public class Mailer {

	private final ObjectProvider<JavaMailSender> sender;

	private final String from;

	private final Mailbox mailbox;

	Mailer(ObjectProvider<JavaMailSender> sender, @Value("${itaku.reminders.from:itaku@localhost}") String from,
			Mailbox mailbox) {
		this.sender = sender;
		this.from = from;
		this.mailbox = mailbox;
	}

	/**
	 * Tells a user: by mail when a mail server is configured and the user has an address
	 * (as {@link #send(String, String, String)}), otherwise as a message in their in-app
	 * {@link Mailbox}, written in the caller's transaction — a worker registered without
	 * an address is told all the same.
	 * @param recipientId the user
	 * @param to the user's address, or {@code null} (or blank) when the user has none
	 * @param subject the subject line
	 * @param body the text
	 * @throws MailException when the mail server refuses the mail or cannot be reached
	 */
	public void send(UUID recipientId, @Nullable String to, String subject, String body) {
		if (mails(to)) {
			send(to, subject, body);
		}
		else {
			this.mailbox.keep(recipientId, subject, body);
		}
	}

	/**
	 * Returns whether {@link #send(UUID, String, String, String)} mails to an address
	 * rather than keeping the message in the in-app mailbox.
	 * @param to the user's address, or {@code null}
	 * @return {@code true} when a mail server is configured and the address is not blank
	 */
	public boolean mails(@Nullable String to) {
		return configured() && to != null && !to.isBlank();
	}

	/**
	 * Returns whether a mail server is configured.
	 * @return {@code true} when mails can be sent
	 */
	public boolean configured() {
		return this.sender.getIfAvailable() != null;
	}

	/**
	 * Sends one plain-text mail.
	 * @param to the recipient's address
	 * @param subject the subject line
	 * @param body the text
	 * @throws MailException when the server refuses it or cannot be reached
	 * @throws IllegalStateException when no mail server is configured
	 */
	public void send(@Nullable String to, String subject, String body) {
		JavaMailSender mail = this.sender.getIfAvailable();
		if (mail == null) {
			throw new IllegalStateException("No mail server is configured (spring.mail.host)");
		}
		mail.send((MimeMessage message) -> {
			MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
			helper.setFrom(this.from);
			// a recipient without an address fails here as before
			// (MimeMessageHelper.setTo refuses null)
			Assert.notNull(to, "To address must not be null");
			helper.setTo(to);
			helper.setSubject(subject);
			helper.setText(body);
		});
	}

	/**
	 * Sends several plain-text mails over one connection to the mail server, each to its
	 * own recipient (nobody sees another's address). A mail the server refuses does not
	 * stop the others.
	 * @param mails the mails
	 * @return how many the server accepted
	 * @throws MailException when the server cannot be reached at all
	 * @throws IllegalStateException when no mail server is configured
	 */
	public int sendEach(List<Mail> mails) {
		JavaMailSender mail = this.sender.getIfAvailable();
		if (mail == null) {
			throw new IllegalStateException("No mail server is configured (spring.mail.host)");
		}
		if (mails.isEmpty()) {
			return 0;
		}
		List<MimeMessage> messages = new ArrayList<>(mails.size());
		for (Mail each : mails) {
			MimeMessage message = mail.createMimeMessage();
			try {
				MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
				helper.setFrom(this.from);
				helper.setTo(each.to());
				helper.setSubject(each.subject());
				helper.setText(each.body());
			}
			catch (MessagingException ex) {
				throw new MailSendException("Mail could not be prepared", ex);
			}
			messages.add(message);
		}
		try {
			mail.send(messages.toArray(MimeMessage[]::new));
			return messages.size();
		}
		catch (MailSendException ex) {
			if (ex.getFailedMessages().isEmpty()) {
				throw ex;
			}
			return messages.size() - ex.getFailedMessages().size();
		}
	}

	/**
	 * One plain-text mail of {@link #sendEach}.
	 *
	 * @param to the recipient's address
	 * @param subject the subject line
	 * @param body the text
	 */
	public record Mail(String to, String subject, String body) {
	}

	/**
	 * Returns the language a user reads mail in: English when they chose it, else
	 * Japanese.
	 * @param preferredLocale the user's preference, may be {@code null}
	 * @return the locale
	 */
	public static Locale localeOf(@Nullable String preferredLocale) {
		return Locale.ENGLISH.getLanguage().equals(preferredLocale) ? Locale.ENGLISH : Locale.JAPANESE;
	}

}
