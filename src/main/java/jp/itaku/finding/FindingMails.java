package jp.itaku.finding;

import java.util.List;
import java.util.Locale;

import jp.itaku.account.AccountSystemReads;
import jp.itaku.account.UserAccount;
import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractRoles;
import jp.itaku.contract.ContractSystemReads;
import jp.itaku.platform.BaseUrl;
import jp.itaku.platform.Dates;
import jp.itaku.platform.mail.MailDeliveries;
import jp.itaku.platform.mail.Mailer;

import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Tells each side of a finding, of any source, when it is its turn, after the step is
 * committed and when a mail server is configured: the contractor's leads when the client
 * acknowledges a finding (asks for action, e.g. an inspection's improvement instruction
 * with its due date) or returns an explanation (with the comment); the client's officers
 * and security administrators when the contractor explains. Closing mails nobody. A mail
 * names the contract, the source, the finding, its severity and clause, and links the
 * finding's page; each one sent is audited ({@code FINDING_MAIL_SENT}); one that fails is
 * logged, does not keep the others from being sent and leaves the event's publication
 * incomplete, so that it is sent when the publication is resubmitted, to the recipients
 * not reached yet ({@link MailDeliveries}). The finding's state is on the pages either
 * way.
 */
@Component
class FindingMails {

	private final ContractSystemReads contractReads;

	private final AccountSystemReads accountReads;

	private final Mailer mailer;

	private final MessageSource messages;

	private final AuditTrail audit;

	private final BaseUrl baseUrl;

	private final MailDeliveries deliveries;

	FindingMails(Mailer mailer, MessageSource messages, AuditTrail audit, BaseUrl baseUrl, MailDeliveries deliveries,
			AccountSystemReads accountReads, ContractSystemReads contractReads) {
		this.contractReads = contractReads;
		this.accountReads = accountReads;
		this.mailer = mailer;
		this.messages = messages;
		this.audit = audit;
		this.baseUrl = baseUrl;
		this.deliveries = deliveries;
	}

	/**
	 * Mails the side whose turn it is, after the step is committed.
	 * @param event the step
	 * @throws MailDeliveries.MailNotDelivered when a mail failed
	 */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void stepTaken(FindingEvents.StepTaken event) {
		if (event.step() == FindingStep.CLOSE) {
			return;
		}
		Contract contract = this.contractReads.findUnscoped(event.contractId()).orElse(null);
		if (contract == null) {
			return;
		}
		List<UserAccount> recipients = recipients(contract, event.step(), event.finding());
		this.deliveries.deliver("finding-step:" + event.stepId(), recipients, UserAccount::getId, (recipient) -> {
			send(recipient, contract, event);
			this.audit.record(AuditRecord.of("FINDING_MAIL_SENT")
				.target(event.auditTarget(), event.finding().id())
				.detail("contract", contract.getId())
				.detail("source", event.finding().source())
				.detail("turn", event.step().name())
				.detail("recipient", recipient.getId()));
		});
	}

	/**
	 * Returns whose turn it is after the step: the side that did not take it (on the
	 * contractor's side, the leads of the party that answers the finding: the contractor,
	 * or the subcontractor inspected).
	 */
	private List<UserAccount> recipients(Contract contract, FindingStep step, FindingSummary finding) {
		return switch (step.side()) {
			case CLIENT -> this.accountReads.enabledUsersUnscoped(finding.answeringParty(contract),
					ContractRoles.CONTRACTOR_LEADS);
			case CONTRACTOR -> this.accountReads.enabledUsersUnscoped(contract.getClientOrganisationId(),
					ContractRoles.CLIENT_DECIDERS);
		};
	}

	private void send(UserAccount recipient, Contract contract, FindingEvents.StepTaken event) {
		Locale locale = Mailer.localeOf(recipient.getPreferredLocale());
		FindingSummary finding = event.finding();
		String due = (finding.dueOn() == null) ? text(locale, "finding.mail.noDue")
				: locale.equals(Locale.JAPANESE) ? Dates.wareki(finding.dueOn()) : finding.dueOn().toString();
		String title = text(locale, finding.titleKey());
		String reference = (finding.reference() != null) ? finding.reference() : "";
		String turn = event.step().name();
		this.mailer.send(recipient.getId(), recipient.getEmail(),
				text(locale, "finding.mail." + turn + ".subject", contract.getNumber(), title, reference),
				text(locale, "finding.mail." + turn + ".body", recipient.getDisplayName(), contract.getNumber(),
						contract.getTitle(), text(locale, "finding.source." + finding.source()), title, reference,
						text(locale, finding.severityKey()), finding.clause(), due, this.baseUrl.of(finding.path()),
						(event.comment() != null) ? event.comment() : ""));
	}

	private String text(Locale locale, String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

}
