package jp.itaku.inspection;

import java.util.Locale;
import java.util.Set;

import jp.itaku.account.UserAccount;
import jp.itaku.account.UserAccounts;
import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.platform.Dates;
import jp.itaku.platform.Role;
import jp.itaku.platform.mail.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells each side of a finding when it is its turn, after the change is committed and
 * when a mail server is configured: the contractor's leads when the client instructs an
 * improvement (with its due date; the AUDIT_FINDING obligation's reminders follow), the
 * client's officers and security administrators when the contractor responds. The mails
 * name the inspection, the finding, its severity and clause, and link the inspection;
 * each is audited. A mail that fails is logged; the finding's state is on the pages
 * either way.
 */
@Component
class InspectionMails {

	private static final Logger log = LoggerFactory.getLogger(InspectionMails.class);

	private final InspectionRepository inspections;

	private final FindingRepository findings;

	private final Contracts contracts;

	private final UserAccounts users;

	private final Mailer mailer;

	private final MessageSource messages;

	private final AuditTrail audit;

	private final String baseUrl;

	InspectionMails(InspectionRepository inspections, FindingRepository findings, Contracts contracts,
			UserAccounts users, Mailer mailer, MessageSource messages, AuditTrail audit,
			@Value("${itaku.base-url:http://localhost:8080}") String baseUrl) {
		this.inspections = inspections;
		this.findings = findings;
		this.contracts = contracts;
		this.users = users;
		this.mailer = mailer;
		this.messages = messages;
		this.audit = audit;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void instructed(InspectionEvents.FindingInstructed event) {
		tell(event.findingId(), "instructed", (contract) -> this.users
			.enabledUsersUnscoped(contract.getContractorOrganisationId(), Set.of(Role.CONTRACTOR_LEAD)));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void responded(InspectionEvents.FindingResponded event) {
		tell(event.findingId(), "responded",
				(contract) -> this.users.enabledUsersUnscoped(contract.getClientOrganisationId(),
						Set.of(Role.CLIENT_OFFICER, Role.CLIENT_SECURITY_ADMIN)));
	}

	private void tell(java.util.UUID findingId, String turn,
			java.util.function.Function<Contract, java.util.List<UserAccount>> recipients) {
		if (!this.mailer.configured()) {
			return;
		}
		Finding finding = this.findings.findById(findingId).orElse(null);
		Inspection inspection = (finding != null) ? this.inspections.findById(finding.getInspectionId()).orElse(null)
				: null;
		Contract contract = (inspection != null) ? this.contracts.findUnscoped(inspection.getContractId()).orElse(null)
				: null;
		if (contract == null) {
			return;
		}
		for (UserAccount recipient : recipients.apply(contract)) {
			if (recipient.getEmail() == null || recipient.getEmail().isBlank()) {
				continue;
			}
			Locale locale = Mailer.localeOf(recipient.getPreferredLocale());
			String due = (finding.getDueOn() == null) ? ""
					: locale.equals(Locale.JAPANESE) ? Dates.wareki(finding.getDueOn()) : finding.getDueOn().toString();
			try {
				this.mailer.send(recipient.getEmail(),
						text(locale, "inspection.mail." + turn + ".subject", contract.getNumber(),
								finding.keyIn(inspection)),
						text(locale, "inspection.mail." + turn + ".body", recipient.getDisplayName(),
								contract.getNumber(), contract.getTitle(), inspection.getNumber(),
								finding.keyIn(inspection),
								text(locale, "inspection.severity." + finding.getSeverity().name()),
								finding.getClauseRef(), due, this.baseUrl + "/inspections/" + inspection.getId()));
				this.audit.record(AuditRecord.of("FINDING_MAIL_SENT")
					.target("Finding", finding.getId())
					.detail("contract", contract.getId())
					.detail("turn", turn)
					.detail("recipient", recipient.getId()));
			}
			catch (MailException | IllegalStateException ex) {
				log.warn("Finding mail for finding {} not sent ({})", finding.getId(), ex.getClass().getSimpleName());
			}
		}
	}

	private String text(Locale locale, String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

}
