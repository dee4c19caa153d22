package jp.itaku.subcontract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import jp.itaku.account.UserAccount;
import jp.itaku.account.UserAccounts;
import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.organisation.Organisation;
import jp.itaku.organisation.Organisations;
import jp.itaku.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells every organisation upstream of an application that it was made (Nerima 15③⑶): the
 * leads of each subcontractor above the applicant and of the contractor, and the client's
 * officers and security administrators who decide. Sent after the application is
 * committed, when a mail server is configured; each mail sent is audited, a failure is
 * logged without address or content and does not undo the application.
 */
@Component
class UpstreamNotices {

	private static final Logger log = LoggerFactory.getLogger(UpstreamNotices.class);

	private static final Set<Role> CONTRACTOR_SIDE = Set.of(Role.CONTRACTOR_LEAD);

	private static final Set<Role> CLIENT_SIDE = Set.of(Role.CLIENT_OFFICER, Role.CLIENT_SECURITY_ADMIN);

	private final Subcontracts subcontracts;

	private final Contracts contracts;

	private final Organisations organisations;

	private final UserAccounts users;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final String from;

	private final String baseUrl;

	UpstreamNotices(Subcontracts subcontracts, Contracts contracts, Organisations organisations, UserAccounts users,
			AuditTrail audit, MessageSource messages, ObjectProvider<JavaMailSender> mailSender,
			@Value("${itaku.reminders.from:itaku@localhost}") String from,
			@Value("${itaku.base-url:http://localhost:8080}") String baseUrl) {
		this.subcontracts = subcontracts;
		this.contracts = contracts;
		this.organisations = organisations;
		this.users = users;
		this.audit = audit;
		this.messages = messages;
		this.mailSender = mailSender;
		this.from = from;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void notifyUpstream(SubcontractEvents.SubcontractApplied event) {
		JavaMailSender sender = this.mailSender.getIfAvailable();
		if (sender == null) {
			return;
		}
		try {
			Contract contract = this.contracts.findUnscoped(event.contractId()).orElse(null);
			Subcontract s = this.subcontracts.allUnscoped(event.contractId())
				.stream()
				.filter((x) -> x.getId().equals(event.subcontractId()))
				.findFirst()
				.orElse(null);
			if (contract == null || s == null) {
				return;
			}
			List<UserAccount> recipients = new ArrayList<>();
			for (UUID organisation : this.subcontracts.upstreamOfApplicantUnscoped(s.getId())) {
				recipients.addAll(this.users.enabledUsersUnscoped(organisation, CONTRACTOR_SIDE));
			}
			recipients.addAll(this.users.enabledUsersUnscoped(contract.getClientOrganisationId(), CLIENT_SIDE));
			String applicant = this.organisations.findUnscoped(s.getApplicantOrganisationId())
				.map(Organisation::getName)
				.orElse("");
			for (UserAccount recipient : recipients) {
				if (recipient.getEmail() == null || recipient.getEmail().isBlank()) {
					continue;
				}
				send(sender, recipient, contract, s, applicant);
				this.audit.record(AuditRecord.of("SUBCONTRACT_UPSTREAM_NOTICE_SENT")
					.target("Subcontract", s.getId())
					.detail("contract", contract.getId())
					.detail("recipient", recipient.getId()));
			}
		}
		catch (MailException | IllegalStateException ex) {
			log.warn("Upstream notice for subcontract {} not sent ({})", event.subcontractId(),
					ex.getClass().getSimpleName());
		}
	}

	private void send(JavaMailSender sender, UserAccount recipient, Contract contract, Subcontract s,
			String applicant) {
		Locale locale = Locale.ENGLISH.getLanguage().equals(recipient.getPreferredLocale()) ? Locale.ENGLISH
				: Locale.JAPANESE;
		String body = text(locale, "subcontract.mail.greeting", recipient.getDisplayName()) + "\n\n"
				+ text(locale, "subcontract.mail.lead", applicant, s.getSubcontractorName(), s.getDepth()) + "\n\n"
				+ text(locale, "subcontract.mail.contract", contract.getNumber(), contract.getTitle()) + "\n"
				+ text(locale, "subcontract.mail.work", s.getWorkContent()) + "\n\n"
				+ text(locale, "subcontract.mail.link") + "\n" + this.baseUrl + "/contracts/" + contract.getId()
				+ "/subcontracts\n\n" + text(locale, "subcontract.mail.footer") + "\n";
		sender.send((MimeMessage message) -> {
			MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
			helper.setFrom(this.from);
			helper.setTo(recipient.getEmail());
			helper.setSubject(text(locale, "subcontract.mail.subject", contract.getNumber(), s.getSubcontractorName()));
			helper.setText(body);
		});
	}

	private String text(Locale locale, String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

}
