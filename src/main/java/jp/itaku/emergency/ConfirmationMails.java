package jp.itaku.emergency;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jp.itaku.platform.BaseUrl;
import jp.itaku.account.UserAccount;
import jp.itaku.platform.Dates;
import org.jspecify.annotations.Nullable;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes the confirmation reminder for one lead: in Japanese (English for a lead who
 * prefers it), naming the contract, the day the list was last submitted or confirmed, the
 * day the confirmation fell due, and the link to the list. Words from
 * {@code emergency-labels}; layout {@code templates/mail/emergency-confirmation.txt}.
 */
@Component
class ConfirmationMails {

	private final MessageSource messages;

	private final SpringTemplateEngine templates;

	private final BaseUrl baseUrl;

	ConfirmationMails(MessageSource messages, BaseUrl baseUrl) {
		this.messages = messages;
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
	 * Writes the reminder of a due list for a lead.
	 * @param due the due list
	 * @param every how long a confirmation lasts
	 * @param recipient the lead
	 * @return the subject and body
	 */
	Mail compose(EmergencyContacts.Due due, Period every, UserAccount recipient) {
		Locale locale = Locale.ENGLISH.getLanguage().equals(recipient.getPreferredLocale()) ? Locale.ENGLISH
				: Locale.JAPANESE;
		boolean japanese = locale.equals(Locale.JAPANESE);
		Context context = new Context(locale);
		context.setVariable("name", recipient.getDisplayName());
		context.setVariable("period", period(every, locale));
		context.setVariable("contractNumber", due.contract().getNumber());
		context.setVariable("contractTitle", due.contract().getTitle());
		context.setVariable("asOf", date(due.currentAsOf(), japanese));
		context.setVariable("dueOn", date(due.dueOn(), japanese));
		context.setVariable("link", this.baseUrl.of("/contracts/" + due.contract().getId() + "/emergency-contacts"));
		String subject = this.messages.getMessage("emergency.mail.subject", new Object[] { due.contract().getNumber() },
				locale);
		return new Mail(subject, this.templates.process("emergency-confirmation", context));
	}

	private String period(Period every, Locale locale) {
		StringBuilder text = new StringBuilder();
		if (every.getYears() > 0) {
			text.append(this.messages.getMessage("emergency.period.years", new Object[] { every.getYears() }, locale));
		}
		if (every.getMonths() > 0) {
			text.append(
					this.messages.getMessage("emergency.period.months", new Object[] { every.getMonths() }, locale));
		}
		if (every.getDays() > 0) {
			text.append(this.messages.getMessage("emergency.period.days", new Object[] { every.getDays() }, locale));
		}
		return text.toString().strip();
	}

	private static String date(LocalDate date, boolean japanese) {
		return japanese ? Dates.wareki(date) : DateTimeFormatter.ISO_LOCAL_DATE.format(date);
	}

	/**
	 * A written mail.
	 *
	 * @param subject the subject
	 * @param body the plain-text body
	 */
	record Mail(String subject, String body) {
	}

}
