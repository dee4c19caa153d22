package jp.itaku.reminder;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jp.itaku.platform.BaseUrl;
import jp.itaku.account.UserAccount;
import jp.itaku.catalog.ClauseCatalog;
import jp.itaku.catalog.ProfileDefinition;
import jp.itaku.obligation.Obligation;
import jp.itaku.platform.Dates;
import org.jspecify.annotations.Nullable;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes a reminder's e-mail for one recipient: in Japanese, or in English for users who
 * prefer it, naming the contract, the document, the clause, the due date (with the
 * Japanese era in Japanese) and the link to the obligation. Every word comes from
 * {@code reminder-labels} (and {@code catalog-labels} for the document); the layout is
 * the text template {@code templates/mail/reminder.txt}.
 */
@Component
class ReminderMails {

	private static final String TEMPLATE = "reminder";

	private final MessageSource messages;

	private final ClauseCatalog catalog;

	private final SpringTemplateEngine templates;

	private final BaseUrl baseUrl;

	ReminderMails(MessageSource messages, ClauseCatalog catalog, BaseUrl baseUrl) {
		this.messages = messages;
		this.catalog = catalog;
		this.baseUrl = baseUrl;
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setSuffix(".txt");
		resolver.setTemplateMode(TemplateMode.TEXT);
		resolver.setCharacterEncoding("UTF-8");
		this.templates = new SpringTemplateEngine();
		this.templates.setTemplateResolver(resolver);
		this.templates.setTemplateEngineMessageSource(messages);
	}

	/**
	 * Writes the mail of a reminder for one recipient.
	 * @param reminder the reminder
	 * @param recipient the recipient, whose preferred language is used
	 * @return the subject and the plain-text body
	 */
	// a RETURNED reminder carries the reviewed submission (ReviewOutcomes)
	@SuppressWarnings("NullAway")
	Mail compose(Reminder reminder, UserAccount recipient) {
		Locale locale = localeOf(recipient);
		boolean japanese = locale.equals(Locale.JAPANESE);
		Obligation obligation = reminder.obligation();
		ProfileDefinition profile = this.catalog.get(reminder.contract().getProfileId()).definition();
		String document = this.messages.getMessage("deliverable." + obligation.getDeliverable().name(), null, locale);
		String kind = reminder.kind().name();
		int number = (reminder.submission() != null) ? reminder.submission().getNumber() : 0;
		String subject = this.messages.getMessage("reminder.subject." + kind,
				new Object[] { document, reminder.contract().getNumber(), reminder.daysLeft() }, locale);
		String lead = this.messages.getMessage("reminder.lead." + kind,
				new Object[] { (reminder.kind() == ReminderKind.BEFORE_DUE) ? reminder.daysLeft() : number }, locale);
		String issuer = (japanese || profile.issuerEn() == null) ? profile.issuer() : profile.issuerEn();
		String summary = (japanese || obligation.getSummaryEn() == null) ? obligation.getSummary()
				: obligation.getSummaryEn();
		Context context = new Context(locale);
		context.setVariable("name", recipient.getDisplayName());
		context.setVariable("lead", lead);
		context.setVariable("contractNumber", reminder.contract().getNumber());
		context.setVariable("contractTitle", reminder.contract().getTitle());
		context.setVariable("document", document);
		context.setVariable("summary", summary);
		context.setVariable("clause", issuer + " " + obligation.getClauseRef());
		context.setVariable("dueDate", date(obligation.getDueDate(), japanese));
		context.setVariable("comment",
				(reminder.kind() == ReminderKind.RETURNED) ? reminder.submission().getReviewComment() : null);
		context.setVariable("link", this.baseUrl.of("/obligations/" + obligation.getId()));
		return new Mail(subject, this.templates.process(TEMPLATE, context));
	}

	private static Locale localeOf(UserAccount recipient) {
		return Locale.ENGLISH.getLanguage().equals(recipient.getPreferredLocale()) ? Locale.ENGLISH : Locale.JAPANESE;
	}

	private static @Nullable String date(@Nullable LocalDate date, boolean japanese) {
		if (date == null) {
			return null;
		}
		return japanese ? Dates.wareki(date) : DateTimeFormatter.ISO_LOCAL_DATE.format(date);
	}

	/**
	 * A written mail.
	 *
	 * @param subject the subject line
	 * @param body the plain-text body
	 */
	record Mail(String subject, String body) {
	}

}
