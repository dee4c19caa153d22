package jp.itaku.account;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.organisation.Organisation;
import jp.itaku.organisation.OrganisationSystemReads;
import jp.itaku.organisation.Organisations;
import jp.itaku.platform.BaseUrl;
import jp.itaku.platform.DataScope;
import jp.itaku.platform.Dates;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.platform.mail.MailDeliveries;
import jp.itaku.platform.mail.Mailer;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Tells the security administrators of the clients the locked user works with (the user's
 * own organisation when it is a client) and every system administrator that an account
 * was locked after many failed sign-ins, once the lock is committed, when a mail server
 * is configured. The mail names the account, how many failures, until when and the last
 * source address; it never carries what was typed. A mail that fails is logged without
 * address or content and leaves the event's publication incomplete, so that it is sent
 * when the publication is resubmitted, to the recipients not reached yet
 * ({@link MailDeliveries}); the lock is in the audit trail either way.
 */
@Component
class LockoutMails {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final UserAccountRepository users;

	private final Organisations organisations;

	private final OrganisationSystemReads organisationReads;

	private final DataScope scope;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final Mailer mailer;

	private final BaseUrl baseUrl;

	private final MailDeliveries deliveries;

	LockoutMails(UserAccountRepository users, Organisations organisations, DataScope scope, AuditTrail audit,
			MessageSource messages, Mailer mailer, BaseUrl baseUrl, MailDeliveries deliveries,
			OrganisationSystemReads organisationReads) {
		this.organisationReads = organisationReads;
		this.users = users;
		this.organisations = organisations;
		this.scope = scope;
		this.audit = audit;
		this.messages = messages;
		this.mailer = mailer;
		this.baseUrl = baseUrl;
		this.deliveries = deliveries;
	}

	/**
	 * Mails the lock, after it is committed.
	 * @param event the lock
	 * @throws MailDeliveries.MailNotDelivered when a mail failed
	 */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void mailLock(AccountLocked event) {
		UserAccount locked = this.users.findById(event.userId()).orElse(null);
		if (locked == null) {
			return;
		}
		Organisation organisation = this.organisationReads.findUnscoped(locked.getOrganisationId()).orElse(null);
		List<UserAccount> recipients = List.copyOf(recipients(locked).values());
		this.deliveries.deliver("account-locked:" + locked.getId() + ":" + event.until(), recipients,
				UserAccount::getId, (recipient) -> {
					Locale locale = Mailer.localeOf(recipient.getPreferredLocale());
					this.mailer.send(recipient.getId(), recipient.getEmail(),
							text(locale, "account.lockMail.subject", locked.getUsername()),
							body(locale, recipient, locked, organisation, event));
					this.audit.record(AuditRecord.of("ACCOUNT_LOCK_MAIL_SENT")
						.target("UserAccount", locked.getId())
						.detail("recipient", recipient.getId()));
				});
	}

	/** The client security administrators concerned, then every system administrator. */
	private Map<UUID, UserAccount> recipients(UserAccount locked) {
		Map<UUID, UserAccount> recipients = new LinkedHashMap<>();
		for (UUID organisationId : this.scope.visibleOrganisationIds(SignIn.actorOf(locked, this.organisationReads))) {
			boolean client = this.organisationReads.findUnscoped(organisationId)
				.map((o) -> o.getKind() == OrganisationKind.CLIENT)
				.orElse(false);
			if (client) {
				this.users.findByOrganisationIdOrderByUsernameAsc(organisationId)
					.stream()
					.filter((user) -> user.isEnabled() && user.getRole() == Role.CLIENT_SECURITY_ADMIN)
					.forEach((user) -> recipients.put(user.getId(), user));
			}
		}
		this.users.findByRoleOrderByUsernameAsc(Role.SYSTEM_ADMIN)
			.stream()
			.filter(UserAccount::isEnabled)
			.forEach((user) -> recipients.put(user.getId(), user));
		return recipients;
	}

	private String body(Locale locale, UserAccount recipient, UserAccount locked, @Nullable Organisation organisation,
			AccountLocked event) {
		var until = ItakuTime.inTokyo(event.until());
		String when = (locale.equals(Locale.JAPANESE) ? Dates.wareki(until.toLocalDate())
				: DateTimeFormatter.ISO_LOCAL_DATE.format(until.toLocalDate())) + " " + TIME.format(until);
		return text(locale, "account.lockMail.greeting", recipient.getDisplayName()) + "\n\n"
				+ text(locale, "account.lockMail.lead", event.failures()) + "\n\n"
				+ text(locale, "account.lockMail.user", locked.getDisplayName(), locked.getUsername(),
						(organisation != null) ? organisation.getName() : "")
				+ "\n" + text(locale, "account.lockMail.until", when) + "\n"
				+ text(locale, "account.lockMail.source", event.source()) + "\n\n"
				+ text(locale, "account.lockMail.action") + "\n" + this.baseUrl.of("/audit") + "\n\n"
				+ text(locale, "account.lockMail.footer") + "\n";
	}

	private String text(Locale locale, String key, @Nullable Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

}
