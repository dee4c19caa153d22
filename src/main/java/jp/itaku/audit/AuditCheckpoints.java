package jp.itaku.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.Role;
import jp.itaku.platform.mail.Mailer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes checkpoints of the audit chain's head outside the database: to the document
 * store ({@code audit-checkpoints/<chain>/<seq>.json}) and, when a mail server is
 * configured, to the client security administrators. Scheduled
 * ({@link AuditCheckpointJob}: every {@code itaku.audit.checkpoint.interval} when entries
 * were added, mailed every {@code itaku.audit.checkpoint.mail-every}) and on demand (the
 * system administrator's button and API, the operator command {@code audit-checkpoint}:
 * always written and mailed, and audited).
 */
@Service
public class AuditCheckpoints {

	private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

	static final String SCHEDULED = "SCHEDULED";

	static final String ON_DEMAND = "ON_DEMAND";

	private final AuditRepository repository;

	private final AuditChainKey key;

	private final CheckpointStore store;

	private final AuditTrail trail;

	private final Mailer mailer;

	private final List<CheckpointRecipients> recipients;

	private final MessageSource messages;

	private final AuditProperties properties;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	AuditCheckpoints(AuditRepository repository, AuditChainKey key, CheckpointStore store, AuditTrail trail,
			Mailer mailer, List<CheckpointRecipients> recipients, MessageSource messages, AuditProperties properties,
			Clock clock, PlatformTransactionManager transactions) {
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.repository = repository;
		this.key = key;
		this.store = store;
		this.trail = trail;
		this.mailer = mailer;
		this.recipients = recipients;
		this.messages = messages;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Writes the scheduled checkpoint unless no entry was added since the last one; mails
	 * it when the last mailed one is older than {@code mail-every}.
	 * @return the checkpoint written, or empty
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Optional<AuditCheckpoint> writeScheduled() {
		Instant now = Instant.now(this.clock);
		AuditRepository.ChainHead head = this.repository.head();
		Optional<AuditRepository.RecordedCheckpoint> last = this.repository.lastCheckpoint(this.key.chainId(), false);
		if (last.isPresent() && last.get().seq() == head.seq()) {
			return Optional.empty();
		}
		boolean mail = this.repository.lastCheckpoint(this.key.chainId(), true)
			.map((mailed) -> !mailed.writtenAt().isAfter(now.minus(this.properties.checkpoint().mailEvery())))
			.orElse(true);
		return Optional.of(write(head, SCHEDULED, mail));
	}

	/**
	 * Writes and mails a checkpoint now, after recording who asked for it. It runs
	 * outside any transaction of the caller, so that the request's entry is committed
	 * before the checkpoint names it: a checkpoint must never name an entry that a
	 * rollback could still take away (verification would then report the chain as
	 * truncated).
	 * @param actor the system administrator, or {@code null} for the operator command
	 * @return the checkpoint, which covers the entry recording the request
	 * @throws AccessDeniedProblem for any other role
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public AuditCheckpoint writeNow(@Nullable Actor actor) {
		if (actor != null && !actor.is(Role.SYSTEM_ADMIN)) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		this.ownTransaction.executeWithoutResult(
				(status) -> this.trail.record(AuditRecord.of("AUDIT_CHECKPOINT_REQUESTED").actor(actor)));
		return write(this.repository.head(), ON_DEMAND, true);
	}

	private AuditCheckpoint write(AuditRepository.ChainHead head, String trigger, boolean mail) {
		Instant now = AuditChain.storable(Instant.now(this.clock));
		String fingerprint = this.key.fingerprint();
		String mac = this.key.hmacOf(fingerprint,
				AuditCheckpoint.signedText(this.key.chainId(), head.seq(), head.hash(), AuditChain.formatInstant(now)));
		AuditCheckpoint checkpoint = new AuditCheckpoint(this.key.chainId(), head.seq(), head.hash(), now, fingerprint,
				mac);
		this.store.put(checkpoint);
		int mailed = mail ? mail(checkpoint) : 0;
		this.repository.insertCheckpoint(checkpoint, trigger, mailed);
		log.info("Audit checkpoint {} written ({}, mailed to {})", checkpoint.objectName(), trigger, mailed);
		return checkpoint;
	}

	private int mail(AuditCheckpoint checkpoint) {
		if (!this.mailer.configured()) {
			return 0;
		}
		List<Mailer.Mail> mails = new ArrayList<>();
		for (CheckpointRecipients source : this.recipients) {
			for (CheckpointRecipients.Recipient recipient : source.checkpointRecipients()) {
				mails.add(new Mailer.Mail(recipient.email(),
						this.messages.getMessage("audit.checkpoint.mail.subject",
								new Object[] { Long.toString(checkpoint.seq()) }, recipient.locale()),
						this.messages.getMessage("audit.checkpoint.mail.body",
								new Object[] { checkpoint.chain().toString(), Long.toString(checkpoint.seq()),
										checkpoint.entryHash(), AuditChain.formatInstant(checkpoint.writtenAt()),
										checkpoint.mac(), opensslCommand(checkpoint), checkpoint.key(),
										checkpoint.objectName() },
								recipient.locale())));
			}
		}
		try {
			// one connection for all of them: a checkpoint goes to every security
			// administrator
			int sent = this.mailer.sendEach(mails);
			if (sent < mails.size()) {
				log.warn("Audit checkpoint {} not mailed to {} of {} security administrators", checkpoint.objectName(),
						mails.size() - sent, mails.size());
			}
			return sent;
		}
		catch (RuntimeException ex) {
			log.warn("Audit checkpoint {} not mailed to the security administrators ({})", checkpoint.objectName(),
					ex.getClass().getSimpleName());
			return 0;
		}
	}

	/**
	 * Returns the command that recomputes a checkpoint's MAC, given the chain key in hex
	 * as {@code $KEY} (see the README).
	 * @param checkpoint the checkpoint
	 * @return the command line
	 */
	static String opensslCommand(AuditCheckpoint checkpoint) {
		return "printf '%s' '" + checkpoint.signedText()
				+ "' | openssl dgst -sha256 -mac HMAC -macopt \"hexkey:$KEY\" -r";
	}

}
