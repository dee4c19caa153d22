package jp.itaku.subcontract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jp.itaku.account.AccountSystemReads;
import jp.itaku.account.UserAccount;
import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractRoles;
import jp.itaku.contract.ContractSystemReads;
import jp.itaku.contract.Contracts;
import jp.itaku.organisation.Organisation;
import jp.itaku.organisation.OrganisationSystemReads;
import jp.itaku.platform.BaseUrl;
import jp.itaku.platform.mail.MailDeliveries;
import jp.itaku.platform.mail.Mailer;

import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Tells every organisation upstream of an application that it was made (Nerima 15③⑶): the
 * leads of each subcontractor above the applicant and of the contractor, and the client's
 * officers and security administrators who decide. Sent after the application is
 * committed, asynchronously, when a mail server is configured; each mail is sent and
 * audited in a transaction of its own, a failure is logged without address or content,
 * does not undo the application and leaves the event's publication incomplete, so that
 * the mail is sent when the publication is resubmitted, to the recipients not reached yet
 * ({@link MailDeliveries}).
 */
@Component
class UpstreamNotices {

	private final Subcontracts subcontracts;

	private final SubcontractSystemReads subcontractReads;

	private final Contracts contracts;

	private final ContractSystemReads contractReads;

	private final OrganisationSystemReads organisationReads;

	private final AccountSystemReads accountReads;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final Mailer mailer;

	private final BaseUrl baseUrl;

	private final MailDeliveries deliveries;

	UpstreamNotices(Subcontracts subcontracts, Contracts contracts, AuditTrail audit, MessageSource messages,
			Mailer mailer, BaseUrl baseUrl, MailDeliveries deliveries, AccountSystemReads accountReads,
			ContractSystemReads contractReads, OrganisationSystemReads organisationReads,
			SubcontractSystemReads subcontractReads) {
		this.subcontractReads = subcontractReads;
		this.organisationReads = organisationReads;
		this.contractReads = contractReads;
		this.accountReads = accountReads;
		this.subcontracts = subcontracts;
		this.contracts = contracts;
		this.audit = audit;
		this.messages = messages;
		this.mailer = mailer;
		this.baseUrl = baseUrl;
		this.deliveries = deliveries;
	}

	/**
	 * Mails every organisation upstream of the applicant, after the application is
	 * committed.
	 * @param event the application
	 * @throws MailDeliveries.MailNotDelivered when a mail failed
	 */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void notifyUpstream(SubcontractEvents.SubcontractApplied event) {
		Contract contract = this.contractReads.findUnscoped(event.contractId()).orElse(null);
		Subcontract s = this.subcontractReads.allUnscoped(event.contractId())
			.stream()
			.filter((x) -> x.getId().equals(event.subcontractId()))
			.findFirst()
			.orElse(null);
		if (contract == null || s == null) {
			return;
		}
		List<UserAccount> recipients = new ArrayList<>();
		for (UUID organisation : this.subcontracts.upstreamOfApplicantUnscoped(s.getId())) {
			recipients.addAll(this.accountReads.enabledUsersUnscoped(organisation, ContractRoles.CONTRACTOR_LEADS));
		}
		recipients.addAll(this.accountReads.enabledUsersUnscoped(contract.getClientOrganisationId(),
				ContractRoles.CLIENT_DECIDERS));
		String applicant = this.organisationReads.findUnscoped(s.getApplicantOrganisationId())
			.map(Organisation::getName)
			.orElse("");
		this.deliveries.deliver("subcontract-applied:" + s.getId(), recipients, UserAccount::getId, (recipient) -> {
			send(recipient, contract, s, applicant);
			this.audit.record(AuditRecord.of("SUBCONTRACT_UPSTREAM_NOTICE_SENT")
				.target("Subcontract", s.getId())
				.detail("contract", contract.getId())
				.detail("recipient", recipient.getId()));
		});
	}

	private void send(UserAccount recipient, Contract contract, Subcontract s, String applicant) {
		Locale locale = Mailer.localeOf(recipient.getPreferredLocale());
		String body = text(locale, "subcontract.mail.greeting", recipient.getDisplayName()) + "\n\n"
				+ text(locale, "subcontract.mail.lead", applicant, s.getSubcontractorName(), s.getDepth()) + "\n\n"
				+ text(locale, "subcontract.mail.contract", contract.getNumber(), contract.getTitle()) + "\n"
				+ text(locale, "subcontract.mail.work", s.getWorkContent()) + "\n\n"
				+ text(locale, "subcontract.mail.link") + "\n" + this.baseUrl.of("/contracts/" + contract.getId())
				+ "/subcontracts\n\n" + text(locale, "subcontract.mail.footer") + "\n";
		this.mailer.send(recipient.getId(), recipient.getEmail(),
				text(locale, "subcontract.mail.subject", contract.getNumber(), s.getSubcontractorName()), body);
	}

	private String text(Locale locale, String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

}
