package jp.itaku.incident;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jp.itaku.account.AccountSystemReads;
import jp.itaku.account.UserAccount;
import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractRoles;
import jp.itaku.contract.ContractSystemReads;
import jp.itaku.organisation.OrganisationSystemReads;
import jp.itaku.platform.BaseUrl;
import jp.itaku.platform.Dates;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.Role;
import jp.itaku.platform.mail.MailDeliveries;
import jp.itaku.platform.mail.Mailer;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Tells the client's security administrators of a reported incident by e-mail at once,
 * after the report is committed, when a mail server is configured (Setagaya 36, Kadoma
 * 12(1)ア, Nerima 24⑴: 直ちに) — and, when a subcontractor reported it, the leads of every
 * level above it (Nerima 24②). The mail names the contract, the number, the category,
 * when it was detected and where, and links the incident; it carries no description,
 * which may hold personal information. The listener runs after the report is committed,
 * asynchronously, each mail sent and audited in a transaction of its own; a mail that
 * fails is logged without address or content and leaves the event's publication
 * incomplete, so that it is sent again when the publication is resubmitted, to the
 * recipients not reached yet ({@link MailDeliveries}). The banner stays on the client's
 * pages until the incident is acknowledged either way.
 */
@Component
class IncidentMails {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final Incidents incidents;

	private final ContractSystemReads contractReads;

	private final AccountSystemReads accountReads;

	private final OrganisationSystemReads organisationReads;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final Mailer mailer;

	private final BaseUrl baseUrl;

	private final MailDeliveries deliveries;

	IncidentMails(Incidents incidents, AuditTrail audit, MessageSource messages, Mailer mailer, BaseUrl baseUrl,
			MailDeliveries deliveries, AccountSystemReads accountReads, ContractSystemReads contractReads,
			OrganisationSystemReads organisationReads) {
		this.organisationReads = organisationReads;
		this.contractReads = contractReads;
		this.accountReads = accountReads;
		this.incidents = incidents;
		this.audit = audit;
		this.messages = messages;
		this.mailer = mailer;
		this.baseUrl = baseUrl;
		this.deliveries = deliveries;
	}

	/**
	 * Mails the client's security administrators once the report is committed and, for an
	 * incident a subcontractor reported, the leads of every level above it up to the
	 * contractor (Nerima 24②: an incident at a subcontractor is reported to the client
	 * and to the contractor). A mail that fails does not keep the others from being sent;
	 * it is sent again when the publication is resubmitted.
	 * @param event the report
	 * @throws MailDeliveries.MailNotDelivered when a mail failed
	 */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void mailReport(IncidentEvents.IncidentReported event) {
		Incident incident = this.incidents.findUnscoped(event.incidentId()).orElse(null);
		Contract contract = this.contractReads.findUnscoped(event.contractId()).orElse(null);
		if (incident == null || contract == null) {
			return;
		}
		List<Recipient> recipients = new ArrayList<>();
		this.accountReads.enabledUsersUnscoped(contract.getClientOrganisationId(), Set.of(Role.CLIENT_SECURITY_ADMIN))
			.forEach((user) -> recipients.add(new Recipient(user, null)));
		UUID reporter = incident.getReporterOrganisationId();
		if (!contract.getContractorOrganisationId().equals(reporter)) {
			String reporterName = this.organisationReads.namesUnscoped(Set.of(reporter)).getOrDefault(reporter, "");
			for (UUID organisationId : this.contractReads.aboveUnscoped(contract.getId(), reporter)) {
				this.accountReads.enabledUsersUnscoped(organisationId, ContractRoles.CONTRACTOR_LEADS)
					.forEach((user) -> recipients.add(new Recipient(user, reporterName)));
			}
		}
		this.deliveries.deliver("incident-reported:" + incident.getId(), recipients, (r) -> r.user().getId(),
				(r) -> send(contract, incident, r.user(), r.subcontractor()));
	}

	private void send(Contract contract, Incident incident, UserAccount recipient, @Nullable String subcontractor) {
		Mail mail = compose(contract, incident, recipient, subcontractor);
		this.mailer.send(recipient.getId(), recipient.getEmail(), mail.subject(), mail.body());
		this.audit.record(AuditRecord.of("INCIDENT_MAIL_SENT")
			.target("Incident", incident.getId())
			.detail("contract", contract.getId())
			.detail("recipient", recipient.getId())
			.detail("upstream", subcontractor != null));
	}

	/**
	 * Writes the mail for one recipient, in their language.
	 * @param contract the contract
	 * @param incident the incident
	 * @param recipient the recipient
	 * @param subcontractor the reporting subcontractor's name when the mail goes to a
	 * level above it, else {@code null}
	 * @return the subject and body
	 */
	Mail compose(Contract contract, Incident incident, UserAccount recipient, @Nullable String subcontractor) {
		Locale locale = Mailer.localeOf(recipient.getPreferredLocale());
		var detected = ItakuTime.inTokyo(incident.getDetectedAt());
		String when = (locale.equals(Locale.JAPANESE) ? Dates.wareki(detected.toLocalDate())
				: DateTimeFormatter.ISO_LOCAL_DATE.format(detected.toLocalDate())) + " " + TIME.format(detected);
		String category = text(locale, "incident.category." + incident.getCategory().name());
		String kind = text(locale, incident.isSuspected() ? "incident.suspected.true" : "incident.suspected.false");
		StringBuilder body = new StringBuilder();
		body.append(text(locale, "incident.mail.greeting", recipient.getDisplayName())).append("\n\n");
		body.append((subcontractor != null) ? text(locale, "incident.mail.leadUpstream", subcontractor)
				: text(locale, "incident.mail.lead"))
			.append("\n\n");
		body.append(text(locale, "incident.mail.contract", contract.getNumber(), contract.getTitle())).append('\n');
		body.append(text(locale, "incident.mail.number", incident.getNumber())).append('\n');
		body.append(text(locale, "incident.mail.category", category, kind)).append('\n');
		body.append(text(locale, "incident.mail.detectedAt", when)).append('\n');
		body.append(text(locale, "incident.mail.location", incident.getLocation())).append('\n');
		body.append(text(locale, "incident.mail.reporter", incident.getReporterName())).append("\n\n");
		body.append(text(locale, "incident.mail.link")).append('\n');
		body.append(this.baseUrl.of("/incidents/" + incident.getId())).append("\n\n");
		body.append(text(locale, "incident.mail.footer")).append('\n');
		return new Mail(text(locale, "incident.mail.subject", contract.getNumber(), incident.getNumber(), category),
				body.toString());
	}

	private String text(Locale locale, String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

	/**
	 * A written mail.
	 *
	 * @param subject the subject line
	 * @param body the plain-text body
	 */
	record Mail(String subject, String body) {
	}

	/**
	 * A recipient, and the reporting subcontractor's name when it is a level above it.
	 */
	private record Recipient(UserAccount user, @Nullable String subcontractor) {
	}

}
