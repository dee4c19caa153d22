package jp.itaku.asset;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
import jp.itaku.platform.mail.Mailer;
import net.javacrumbs.shedlock.core.LockAssert;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the contractor's lead and the client's officers when a take-out is past its
 * planned return without a return on record (Setagaya 8, Nerima 18⑵): once per take-out,
 * by e-mail, audited. The dashboards show the same take-outs for as long as they are out.
 */
@Component
class OverdueTakeOutJob {

	private static final Logger log = LoggerFactory.getLogger(OverdueTakeOutJob.class);

	private final AssetRequests requests;

	private final ContractSystemReads contractReads;

	private final AccountSystemReads accountReads;

	private final Mailer mailer;

	private final MessageSource messages;

	private final AuditTrail audit;

	private final Clock clock;

	private final Dates dates;

	private final BaseUrl baseUrl;

	private final TransactionTemplate transactions;

	OverdueTakeOutJob(AssetRequests requests, Mailer mailer, MessageSource messages, AuditTrail audit, Clock clock,
			Dates dates, BaseUrl baseUrl, PlatformTransactionManager transactionManager,
			AccountSystemReads accountReads, ContractSystemReads contractReads) {
		this.contractReads = contractReads;
		this.accountReads = accountReads;
		this.transactions = new TransactionTemplate(transactionManager);
		this.requests = requests;
		this.mailer = mailer;
		this.messages = messages;
		this.audit = audit;
		this.clock = clock;
		this.dates = dates;
		this.baseUrl = baseUrl;
	}

	/**
	 * Runs unless another node is running; called by the scheduler every quarter hour.
	 */
	@Scheduled(cron = "${itaku.assets.overdue-cron:0 */15 * * * *}", zone = "Asia/Tokyo")
	@SchedulerLock(name = "itaku-overdue-take-outs", lockAtMostFor = "${itaku.scheduling.lock-at-most-for:PT2M}",
			lockAtLeastFor = "${itaku.reminders.lock-at-least-for:PT1M}")
	public void run() {
		LockAssert.assertLocked();
		notifyOverdue();
	}

	/**
	 * Notifies every overdue take-out nobody was told about yet.
	 * @return how many take-outs were notified
	 */
	public int notifyOverdue() {
		int notified = 0;
		for (AssetRequest request : this.requests.overdueUnnotified()) {
			Contract contract = this.contractReads.findUnscoped(request.getContractId()).orElse(null);
			if (contract == null) {
				continue;
			}
			List<UserAccount> recipients = new ArrayList<>(this.accountReads
				.enabledUsersUnscoped(contract.getContractorOrganisationId(), ContractRoles.CONTRACTOR_LEADS));
			recipients.addAll(this.accountReads.enabledUsersUnscoped(contract.getClientOrganisationId(),
					ContractRoles.CLIENT_DECIDERS));
			int sent = 0;
			for (UserAccount recipient : recipients) {
				try {
					send(contract, request, recipient);
					sent++;
				}
				catch (MailException ex) {
					log.warn("Overdue take-out mail for request {} not sent ({})", request.getId(),
							ex.getClass().getSimpleName());
				}
			}
			if (sent > 0) {
				AuditRecord entry = AuditRecord.of("ASSET_TAKE_OUT_OVERDUE_NOTIFIED")
					.target("AssetRequest", request.getId())
					.detail("contract", contract.getId())
					.detail("number", request.getNumber())
					.detail("recipients", sent)
					.detail("plannedReturn", request.getPlannedEnd());
				// The mark and its audit entry together.
				this.transactions.executeWithoutResult((status) -> {
					this.requests.markOverdueNotified(request.getId());
					this.audit.record(entry);
				});
				notified++;
			}
		}
		log.info("Overdue take-outs notified at {}: {}", Instant.now(this.clock), notified);
		return notified;
	}

	private void send(Contract contract, AssetRequest request, UserAccount recipient) {
		Locale locale = Mailer.localeOf(recipient.getPreferredLocale());
		String subject = this.messages.getMessage("asset.overdue.mail.subject",
				new Object[] { contract.getNumber(), request.getNumber() }, locale);
		String body = this.messages.getMessage("asset.overdue.mail.body",
				new Object[] { recipient.getDisplayName(), contract.getNumber(), contract.getTitle(),
						request.getNumber(), this.dates.dateTime(request.getPlannedEnd()), request.getPersonName(),
						request.getDestination(), this.baseUrl.of("/asset-requests/" + request.getId()) },
				locale);
		this.mailer.send(recipient.getId(), recipient.getEmail(), subject, body);
	}

}
