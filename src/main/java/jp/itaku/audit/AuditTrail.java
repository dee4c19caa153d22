package jp.itaku.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import javax.crypto.Mac;

import jakarta.servlet.http.HttpServletRequest;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.DataScope;
import jp.itaku.platform.Role;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit trail's API. {@link #record} joins the caller's transaction, so an entry
 * exists exactly when the change it describes was committed.
 */
@Service
@EnableConfigurationProperties(AuditProperties.class)
public class AuditTrail {

	/**
	 * Entries per COPY when the chain is verified: a window bounds what is read in vain
	 * after a broken entry, and what is kept of suspect entries until they are settled.
	 */
	static final int VERIFY_WINDOW = 100_000;

	private final AuditRepository repository;

	private final JsonMapper json;

	private final DataScope scope;

	private final Clock clock;

	private final AuditProperties properties;

	private final AuditChainKey key;

	private final CheckpointStore checkpoints;

	AuditTrail(AuditRepository repository, JsonMapper json, DataScope scope, Clock clock, AuditProperties properties,
			AuditChainKey key, CheckpointStore checkpoints) {
		this.repository = repository;
		this.json = json;
		this.scope = scope;
		this.clock = clock;
		this.properties = properties;
		this.key = key;
		this.checkpoints = checkpoints;
	}

	/**
	 * Appends an entry for an action, in the caller's transaction: the entry exists
	 * exactly when the change it records was committed. There must be one
	 * ({@code MANDATORY}); a caller without a transaction fails at once instead of
	 * writing the entry apart from its change.
	 * @param record what happened
	 * @return the stored entry
	 * @throws org.springframework.transaction.IllegalTransactionStateException when no
	 * transaction is active
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public AuditEntry record(AuditRecord record) {
		Actor actor = (record.actor() != null) ? record.actor() : CurrentActor.find().orElse(null);
		AuditRepository.ChainHead head = this.repository.lockHead();
		long seq = head.seq() + 1;
		AuditEntry draft = new AuditEntry(seq, AuditChain.storable(Instant.now(this.clock)),
				(actor != null) ? actor.userId() : null,
				(actor != null) ? actor.username() : record.attemptedUsername(),
				(actor != null) ? actor.organisationId() : null, record.action(), record.targetType(),
				record.targetId(), clientIp(), record.outcome(), this.json.writeValueAsString(record.details()),
				head.hash(), null);
		// without its primary key, hmac threw a NullPointerException before; now it names
		// the key
		AuditEntry entry = withHash(draft, Objects.requireNonNull(this.key.mac(), "audit chain key"));
		this.repository.insert(entry);
		return entry;
	}

	/**
	 * Verifies the chain for a reader of the audit trail.
	 * @param actor the reader: system administrator, client security administrator or
	 * auditor
	 * @return the verification's result
	 * @throws AccessDeniedProblem for any other role
	 */
	@Transactional(readOnly = true)
	public ChainVerification verify(Actor actor) {
		readableOrganisations(actor);
		return verify();
	}

	/**
	 * Checks every entry's hash and its link to the previous entry, from the purge anchor
	 * (or the beginning) to the end: plain SHA-256 up to the switch entry, HMAC-SHA256
	 * with the chain key after it; then compares the chain with its newest checkpoint in
	 * the document store, which reveals removed last rows and a chain rewritten with
	 * recomputed hashes.
	 * @return "intact" with the number of entries, or the first entry that does not hold
	 */
	@Transactional(readOnly = true)
	public ChainVerification verify() {
		List<AuditRepository.ChainKeyRecord> switches = this.repository.chainKeys();
		AuditRepository.ChainHead start = this.repository.anchor()
			.orElse(new AuditRepository.ChainHead(0, AuditChain.GENESIS));
		ChainWalk.Broken broken = walk(start, switches);
		Long keyedAfter = switches.isEmpty() ? null : switches.get(0).seq();
		ChainVerification.CheckpointCheck checkpoint = switches.isEmpty()
				? new ChainVerification.CheckpointCheck(ChainVerification.CheckpointCheck.Status.NONE, null, null, null,
						0)
				: this.checkpoints.compare(switches.get(switches.size() - 1).chainId(), this.repository.head().seq(),
						start.seq(), (seq) -> this.repository.hashAt(seq).orElse(null));
		if (broken.problem() != null) {
			return new ChainVerification(false, broken.checked(), broken.seq(), broken.reason(), broken.problem(),
					keyedAfter, checkpoint);
		}
		return switch (checkpoint.status()) {
			case TRUNCATED -> new ChainVerification(false, broken.checked(), broken.seq(),
					"the chain ends at entry " + (broken.seq() - 1) + ", but the checkpoint of "
							+ checkpoint.writtenAt() + " saw entry " + checkpoint.seq()
							+ ": the last rows were removed",
					ChainVerification.Problem.TRUNCATED, keyedAfter, checkpoint);
			case REWRITTEN -> new ChainVerification(false, broken.checked(), checkpoint.seq(),
					"the entry's hash is not the one the checkpoint of " + checkpoint.writtenAt()
							+ " recorded: the chain was rewritten",
					ChainVerification.Problem.REWRITTEN, keyedAfter, checkpoint);
			case FORGED -> new ChainVerification(false, broken.checked(), null,
					"the newest checkpoint " + checkpoint.name() + " does not carry the chain key's MAC",
					ChainVerification.Problem.CHECKPOINT_FORGED, keyedAfter, checkpoint);
			case UNREADABLE -> new ChainVerification(false, broken.checked(), null,
					"the document store could not be read: the chain is not compared with its checkpoints",
					ChainVerification.Problem.CHECKPOINT_UNREADABLE, keyedAfter, checkpoint);
			default -> new ChainVerification(true, broken.checked(), null, null, null, keyedAfter, checkpoint);
		};
	}

	/**
	 * Walks the stored chain from a start, streaming it window by window, each through
	 * one binary COPY; after each window, the entries whose bytes as the database
	 * assembled them did not give their hash are read again and hashed the Java way.
	 * @return the first entry that does not hold (problem {@code null} when all hold:
	 * then {@code seq} is the entry after the last)
	 */
	private ChainWalk.Broken walk(AuditRepository.ChainHead start, List<AuditRepository.ChainKeyRecord> switches) {
		ChainWalk walk = new ChainWalk(start, switches, this.key::mac, this.repository::entryAt);
		long after = start.seq();
		int streamed;
		do {
			streamed = this.repository.streamChain(after, VERIFY_WINDOW, walk);
			after = walk.lastSeq();
		}
		while (walk.settle() && streamed == VERIFY_WINDOW);
		return walk.end();
	}

	/**
	 * Finds entries the actor may read, newest first.
	 * @param actor the reader: system administrator, client security administrator or
	 * auditor
	 * @param search the filters
	 * @param page the page, from 0
	 * @param size entries per page
	 * @return the page of entries
	 * @throws AccessDeniedProblem for any other role
	 */
	@Transactional(readOnly = true)
	public AuditPage search(Actor actor, AuditSearch search, int page, int size) {
		Set<UUID> organisations = readableOrganisations(actor);
		long total = this.repository.countMatching(search, organisations);
		List<AuditEntry> entries = this.repository.find(search, organisations, (long) page * size, size);
		return new AuditPage(entries, page, size, total);
	}

	/**
	 * Reads all entries the actor may read for an export, newest first, and records the
	 * export.
	 * @param actor the reader
	 * @param search the filters
	 * @param limit at most this many entries
	 * @return the entries
	 */
	@Transactional
	public List<AuditEntry> export(Actor actor, AuditSearch search, int limit) {
		Set<UUID> organisations = readableOrganisations(actor);
		List<AuditEntry> entries = this.repository.find(search, organisations, 0, limit);
		record(AuditRecord.of("AUDIT_EXPORTED").actor(actor).detail("entries", entries.size()));
		return entries;
	}

	/**
	 * Deletes the entries older than the configured retention and anchors the chain on
	 * the last one deleted, recording the purge itself.
	 * @param actor who purges, {@code null} for the operator command
	 * @return how many entries were deleted
	 */
	@Transactional
	public long purgeExpired(@Nullable Actor actor) {
		if (actor != null && !actor.is(Role.SYSTEM_ADMIN)) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		Instant now = Instant.now(this.clock);
		Instant horizon = now.minus(this.properties.retention());
		long deleted = this.repository.purgeBefore(horizon, now);
		record(AuditRecord.of("AUDIT_PURGED")
			.actor(actor)
			.detail("deleted", deleted)
			.detail("horizon", horizon.toString()));
		return deleted;
	}

	private @Nullable Set<UUID> readableOrganisations(Actor actor) {
		if (!actor.role().readsAuditTrail()) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		return this.scope.isUnrestricted(actor) ? null : this.scope.visibleOrganisationIds(actor);
	}

	private static AuditEntry withHash(AuditEntry e, Mac mac) {
		String hash = AuditChain.hmac(mac, e.previousHash(), e.canonicalContent());
		return new AuditEntry(e.seq(), e.occurredAt(), e.userId(), e.username(), e.organisationId(), e.action(),
				e.targetType(), e.targetId(), e.clientIp(), e.outcome(), e.details(), e.previousHash(), hash);
	}

	private static @Nullable String clientIp() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
