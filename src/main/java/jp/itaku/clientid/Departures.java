package jp.itaku.clientid;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jp.itaku.account.UserAccount;
import jp.itaku.account.UserAccounts;
import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractRoles;
import jp.itaku.contract.Contracts;
import jp.itaku.platform.BaseUrl;
import jp.itaku.platform.Dates;
import jp.itaku.platform.mail.Mailer;
import jp.itaku.roster.RosterEvents;
import jp.itaku.roster.RosterMember;
import jp.itaku.roster.Rosters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Reacts to a worker leaving a contract (門真市 4(3)): in the roster's transaction, an audit
 * entry names the IDs the client must now revoke; once that is committed, and when a mail
 * server is configured, the client's officers and security administrators are told by
 * e-mail. A mail that fails is logged without address or content and not retried: the
 * finding stays on the contract's IDs page until the IDs are revoked.
 */
@Component
class Departures {

	private static final Logger log = LoggerFactory.getLogger(Departures.class);

	private final ClientIssuedIdRepository ids;

	private final Rosters rosters;

	private final Contracts contracts;

	private final UserAccounts users;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final Mailer mailer;

	private final BaseUrl baseUrl;

	Departures(ClientIssuedIdRepository ids, Rosters rosters, Contracts contracts, UserAccounts users, AuditTrail audit,
			MessageSource messages, Mailer mailer, BaseUrl baseUrl) {
		this.ids = ids;
		this.rosters = rosters;
		this.contracts = contracts;
		this.users = users;
		this.audit = audit;
		this.messages = messages;
		this.mailer = mailer;
		this.baseUrl = baseUrl;
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
	 * Tells the client's officers by e-mail, after the departure is committed. Nothing
	 * here may fail the departure.
	 * @param event the departure
	 */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void mailClient(RosterEvents.WorkerLeft event) {
		if (!this.mailer.configured()) {
			return;
		}
		try {
			List<ClientIssuedId> active = this.ids.findByContractIdAndMemberIdAndRevokedOnIsNull(event.contractId(),
					event.memberId());
			Contract contract = this.contracts.findUnscoped(event.contractId()).orElse(null);
			RosterMember member = this.rosters.findUnscoped(event.memberId()).orElse(null);
			if (active.isEmpty() || contract == null || member == null) {
				return;
			}
			for (UserAccount recipient : this.users.enabledUsersUnscoped(contract.getClientOrganisationId(),
					ContractRoles.CLIENT_DECIDERS)) {
				if (recipient.getEmail() == null || recipient.getEmail().isBlank()) {
					continue;
				}
				Mail mail = compose(contract, member, event.lastDay(), active, recipient);
				this.mailer.send(recipient.getEmail(), mail.subject(), mail.body());
				this.audit.record(AuditRecord.of("CLIENT_ID_DEPARTURE_MAIL_SENT")
					.target("RosterMember", member.getId())
					.detail("contract", contract.getId())
					.detail("recipient", recipient.getId()));
			}
		}
		catch (MailException | IllegalStateException ex) {
			log.warn("Departure mail for roster member {} not sent ({})", event.memberId(),
					ex.getClass().getSimpleName());
		}
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
	Mail compose(Contract contract, RosterMember member, LocalDate lastDay, List<ClientIssuedId> active,
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
