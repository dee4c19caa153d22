package jp.itaku.clientid;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jp.itaku.account.AccountSystemReads;
import jp.itaku.account.UserAccount;
import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractRoles;
import jp.itaku.contract.ContractSystemReads;
import jp.itaku.contract.Contracts;
import jp.itaku.platform.BaseUrl;
import jp.itaku.platform.Dates;
import jp.itaku.platform.mail.MailDeliveries;
import jp.itaku.platform.mail.Mailer;
import jp.itaku.roster.RosterEvents;
import jp.itaku.roster.RosterMember;
import jp.itaku.roster.RosterSystemReads;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Reacts to a worker leaving a contract (門真市 4(3)): in the roster's transaction, an audit
 * entry names the IDs the client must now revoke; once that is committed, and when a mail
 * server is configured, the client's officers and security administrators are told by
 * e-mail, asynchronously, each mail in a transaction of its own. A mail that fails is
 * logged without address or content and leaves the event's publication incomplete, so
 * that it is sent when the publication is resubmitted, to the recipients not reached yet
 * ({@link MailDeliveries}); the finding stays on the contract's IDs page until the IDs
 * are revoked either way.
 */
@Component
class Departures {

	private final ClientIssuedIdRepository ids;

	private final RosterSystemReads rosterReads;

	private final Contracts contracts;

	private final ContractSystemReads contractReads;

	private final AccountSystemReads accountReads;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final Mailer mailer;

	private final BaseUrl baseUrl;

	private final MailDeliveries deliveries;

	Departures(ClientIssuedIdRepository ids, Contracts contracts, AuditTrail audit, MessageSource messages,
			Mailer mailer, BaseUrl baseUrl, MailDeliveries deliveries, AccountSystemReads accountReads,
			ContractSystemReads contractReads, RosterSystemReads rosterReads) {
		this.rosterReads = rosterReads;
		this.contractReads = contractReads;
		this.accountReads = accountReads;
		this.ids = ids;
		this.contracts = contracts;
		this.audit = audit;
		this.messages = messages;
		this.mailer = mailer;
		this.baseUrl = baseUrl;
		this.deliveries = deliveries;
	}

	/**
	 * Records, with the departure, which IDs must now be revoked.
	 * @param event the departure
	 */
	@EventListener
	void recordIdsToRevoke(RosterEvents.WorkerLeft event) {
		List<ClientIssuedId> active = this.ids.findByContractIdAndMemberIdAndRevokedOnIsNull(event.contractId(),
				event.memberId());
		if (active.isEmpty()) {
			return;
		}
		this.audit.record(AuditRecord.of("CLIENT_IDS_TO_REVOKE")
			.target("RosterMember", event.memberId())
			.detail("contract", event.contractId())
			.detail("lastDay", event.lastDay())
			.detail("ids", active.stream().map((i) -> i.getKind() + ":" + i.getValue()).toList()));
	}

	/**
	 * Tells the client's officers by e-mail, after the departure is committed, of the IDs
	 * still active then.
	 * @param event the departure
	 * @throws MailDeliveries.MailNotDelivered when a mail failed
	 */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void mailClient(RosterEvents.WorkerLeft event) {
		List<ClientIssuedId> active = this.ids.findByContractIdAndMemberIdAndRevokedOnIsNull(event.contractId(),
				event.memberId());
		Contract contract = this.contractReads.findUnscoped(event.contractId()).orElse(null);
		RosterMember member = this.rosterReads.findUnscoped(event.memberId()).orElse(null);
		if (active.isEmpty() || contract == null || member == null) {
			return;
		}
		List<UserAccount> recipients = this.accountReads.enabledUsersUnscoped(contract.getClientOrganisationId(),
				ContractRoles.CLIENT_DECIDERS);
		this.deliveries.deliver("worker-left:" + member.getId() + ":" + event.lastDay(), recipients, UserAccount::getId,
				(recipient) -> {
					Mail mail = compose(contract, member, event.lastDay(), active, recipient);
					this.mailer.send(recipient.getId(), recipient.getEmail(), mail.subject(), mail.body());
					this.audit.record(AuditRecord.of("CLIENT_ID_DEPARTURE_MAIL_SENT")
						.target("RosterMember", member.getId())
						.detail("contract", contract.getId())
						.detail("recipient", recipient.getId()));
				});
	}

	/**
	 * Writes the departure mail for one recipient, in their language.
	 * @param contract the contract
	 * @param member the worker who left
	 * @param lastDay the last day of work
	 * @param active the IDs still active
	 * @param recipient the recipient
	 * @return the subject and the plain-text body
	 */
	// RosterMember.leave refuses a missing last day before WorkerLeft is published
	@SuppressWarnings("NullAway")
	Mail compose(Contract contract, RosterMember member, @Nullable LocalDate lastDay, List<ClientIssuedId> active,
			UserAccount recipient) {
		Locale locale = Mailer.localeOf(recipient.getPreferredLocale());
		String day = locale.equals(Locale.JAPANESE) ? Dates.wareki(lastDay)
				: DateTimeFormatter.ISO_LOCAL_DATE.format(lastDay);
		StringBuilder body = new StringBuilder();
		body.append(text(locale, "clientid.mail.greeting", recipient.getDisplayName())).append("\n\n");
		body.append(text(locale, "clientid.mail.lead", day)).append("\n\n");
		body.append(text(locale, "clientid.mail.contract", contract.getNumber(), contract.getTitle())).append('\n');
		body.append(text(locale, "clientid.mail.worker", member.getName(), member.getAffiliation())).append("\n\n");
		body.append(text(locale, "clientid.mail.ids")).append('\n');
		for (ClientIssuedId id : active) {
			body.append(text(locale, "clientid.mail.id", id.getValue(), text(locale, "clientid.kind." + id.getKind()),
					id.getSystemName()))
				.append('\n');
		}
		body.append('\n').append(text(locale, "clientid.mail.link")).append('\n');
		body.append(this.baseUrl.of("/contracts/" + contract.getId() + "/ids")).append("\n\n");
		body.append(text(locale, "clientid.mail.footer")).append('\n');
		return new Mail(text(locale, "clientid.mail.subject", contract.getNumber(), member.getName()), body.toString());
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

}
