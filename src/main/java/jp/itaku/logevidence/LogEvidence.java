package jp.itaku.logevidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractRoles;
import jp.itaku.contract.Contracts;
import jp.itaku.document.DocumentStore;
import jp.itaku.document.NoSuchDocumentException;
import jp.itaku.finding.FindingParties;
import jp.itaku.finding.FindingStep;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.NotFoundProblem;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ingestion of a contract's log evidence (Setagaya 17, 18, 24; Kadoma 1(7), 4, 14(8);
 * Gunma 3ウ, 9): the contractor's lead configures sources, the client's deciders set what
 * the contract allows, the contractor's lead and workers upload batches (the UI, the API,
 * a watched folder) and the checks run over them; every party reads the page's overview.
 * The checks' findings are {@link LogFindings}', the export of a period is
 * {@link LogExport}'s. A batch is read in one pass and its good lines are streamed with
 * COPY in one transaction, which commits only when the batch is accepted: clean, or with
 * malformed lines when the caller said {@code partial}; otherwise it is rolled back and
 * the batch waits (PENDING) for the user's decision, its bytes kept in the document store
 * as the named object {@code log-spool/<batch id>}, so that any node can accept or reject
 * it (while it is read, the batch is copied to a file of this node's
 * {@code itaku.logs.spool-dir}, sent to the store only if it is to wait). A batch already
 * received (same SHA-256 from the same source) is answered with the batch on record and
 * stores nothing again. Every batch and decision is in the audit trail with its hash.
 */
@Service
public class LogEvidence {

	private static final Logger log = LoggerFactory.getLogger(LogEvidence.class);

	/** The document store's prefix of the copies of batches waiting for a decision. */
	static final String SPOOL = "log-spool/";

	private static final int BATCHES_SHOWN = 50;

	/** The message key naming a batch in "not found". */
	static final String BATCH = "logevidence.batch.entity";

	private static final int NAME_MAX = 100;

	private final LogRecords records;

	private final LogChecks checks;

	private final LogPartitions partitions;

	private final Contracts contracts;

	private final AuditTrail audit;

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final Path spool;

	private final DocumentStore store;

	LogEvidence(LogRecords records, LogChecks checks, LogPartitions partitions, Contracts contracts, AuditTrail audit,
			DataSource dataSource, JdbcClient jdbc, JsonMapper json, Clock clock,
			PlatformTransactionManager transactions,
			@Value("${itaku.logs.spool-dir:${itaku.data-dir:./data}/log-spool}") Path spool, DocumentStore store) {
		this.store = store;
		this.records = records;
		this.checks = checks;
		this.partitions = partitions;
		this.contracts = contracts;
		this.audit = audit;
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.spool = spool;
	}

	// --- who may do what --------------------------------------------------------------

	/**
	 * Returns whether the actor may upload and decide on waiting batches: the
	 * contractor's lead and workers ({@link ContractRoles#worksForContractor}).
	 * @param actor the acting user
	 * @param contract the contract
	 * @return {@code true} when the actor may upload
	 */
	public boolean mayUpload(Actor actor, Contract contract) {
		return ContractRoles.worksForContractor(actor, contract);
	}

	/**
	 * Returns whether the actor may configure sources: the contractor's lead
	 * ({@link ContractRoles#leadsForContractor}).
	 * @param actor the acting user
	 * @param contract the contract
	 * @return {@code true} when the actor may
	 */
	public boolean mayConfigureSources(Actor actor, Contract contract) {
		return ContractRoles.leadsForContractor(actor, contract);
	}

	/**
	 * Returns whether the actor may set what the contract allows: the client's deciders
	 * ({@link ContractRoles#decidesForClient}: officers and security administrators). Not
	 * {@code editsForClient}: the system administrator, who may change the contract's own
	 * data, does not set its log rules; and not only while the contract is open, since
	 * the retention of the lines kept still matters after the end.
	 * @param actor the acting user
	 * @param contract the contract
	 * @return {@code true} when the actor may
	 */
	public boolean mayConfigureRules(Actor actor, Contract contract) {
		return ContractRoles.decidesForClient(actor, contract);
	}

	/**
	 * Returns whether the actor may run the checks again: the client's editors
	 * ({@link ContractRoles#editsForClient}, the system administrator included) and the
	 * contractor's lead; not the auditor, not a worker.
	 * @param actor the acting user
	 * @param contract the contract
	 * @return {@code true} when the actor may
	 */
	static boolean mayRecheck(Actor actor, Contract contract) {
		return ContractRoles.editsForClient(actor, contract) || ContractRoles.leadsForContractor(actor, contract);
	}

	// --- reading ----------------------------------------------------------------------

	/**
	 * Returns a contract's log evidence as its page shows it.
	 * @param actor a party to the contract
	 * @param contractId the contract
	 * @return the overview
	 * @throws NotFoundProblem when the actor is no party to the contract
	 */
	@Transactional(readOnly = true)
	public Overview overview(Actor actor, UUID contractId) {
		Contract contract = this.contracts.get(actor, contractId);
		return new Overview(contract, this.records.settings(contractId), this.records.sources(contractId),
				this.records.batches(contractId, BATCHES_SHOWN), this.records.findings(contractId, LogFindings.SHOWN),
				this.records.openCounts(contractId), mayUpload(actor, contract), mayConfigureSources(actor, contract),
				mayConfigureRules(actor, contract), LogExport.mayExport(actor, contract),
				FindingParties.mayTake(actor, contract, FindingStep.CLOSE),
				FindingParties.mayTake(actor, contract, FindingStep.EXPLAIN),
				mayConfigureSources(actor, contract) || ContractRoles.decidesForClient(actor, contract));
	}

	/**
	 * Returns one batch.
	 * @param actor a party to its contract
	 * @param batchId the batch
	 * @return the batch
	 * @throws NotFoundProblem when there is none the actor may see
	 */
	@Transactional(readOnly = true)
	public LogBatch batch(Actor actor, UUID batchId) {
		LogBatch batch = this.records.batch(batchId).orElseThrow(() -> new NotFoundProblem(BATCH));
		try {
			this.contracts.get(actor, batch.getContractId());
		}
		catch (NotFoundProblem ex) {
			throw new NotFoundProblem(BATCH);
		}
		return batch;
	}

	// --- configuring ------------------------------------------------------------------

	/**
	 * Adds a source with its mapping.
	 * @param actor the contractor's lead
	 * @param contractId the contract
	 * @param name the source's name
	 * @param format its format
	 * @param mapping its mapping
	 * @param zone the zone of timestamps without offset ({@code Asia/Tokyo} when blank)
	 * @return the source
	 * @throws InvalidInputProblem naming the field at fault
	 */
	@Transactional
	public LogSource addSource(Actor actor, UUID contractId, String name, LogFormat format, LogMapping mapping,
			String zone) {
		Contract contract = this.contracts.get(actor, contractId);
		ContractRoles.require(mayConfigureSources(actor, contract));
		String n = (name != null) ? name.strip() : "";
		if (n.isEmpty() || n.length() > NAME_MAX) {
			throw new InvalidInputProblem("name", "logevidence.error.sourceName", String.valueOf(NAME_MAX));
		}
		if (this.records.sourceNameTaken(contractId, n)) {
			throw new InvalidInputProblem("name", "logevidence.error.sourceNameTaken");
		}
		if (format == null) {
			throw new InvalidInputProblem("format", "logevidence.error.format");
		}
		if (format != LogFormat.SYSLOG) {
			if (mapping.timestamp() == null) {
				throw new InvalidInputProblem("timestamp", "logevidence.error.mappingRequired");
			}
			if (mapping.user() == null) {
				throw new InvalidInputProblem("user", "logevidence.error.mappingRequired");
			}
			if (mapping.action() == null) {
				throw new InvalidInputProblem("action", "logevidence.error.mappingRequired");
			}
		}
		ZoneId zoneId;
		try {
			zoneId = (zone == null || zone.isBlank()) ? ItakuTime.ZONE : ZoneId.of(zone.strip());
		}
		catch (DateTimeException ex) {
			throw new InvalidInputProblem("zone", "logevidence.error.zone");
		}
		LogSource source = new LogSource(UUID.randomUUID(), contractId, n, format, mapping, zoneId,
				Instant.now(this.clock));
		this.records.insertSource(source, actor.userId());
		this.audit.record(AuditRecord.of("LOG_SOURCE_CREATED")
			.actor(actor)
			.target("Contract", contractId)
			.detail("source", n)
			.detail("format", format.name())
			.detail("mapping", this.json.writeValueAsString(mapping)));
		return source;
	}

	/**
	 * Sets what a contract allows and how long its lines are kept.
	 * @param actor the client's officer or security administrator
	 * @param contractId the contract
	 * @param settings the settings
	 * @throws InvalidInputProblem naming the field at fault
	 */
	@Transactional
	public void saveSettings(Actor actor, UUID contractId, LogSettings settings) {
		Contract contract = this.contracts.get(actor, contractId);
		ContractRoles.require(mayConfigureRules(actor, contract));
		if (settings.retentionMonths() < LogSettings.MIN_RETENTION_MONTHS || settings.retentionMonths() > 120) {
			throw new InvalidInputProblem("retentionMonths", "logevidence.error.retention",
					String.valueOf(LogSettings.MIN_RETENTION_MONTHS));
		}
		if ((settings.allowedFrom() == null) != (settings.allowedTo() == null)
				|| (settings.allowedFrom() != null && !settings.allowedTo().isAfter(settings.allowedFrom()))) {
			throw new InvalidInputProblem("allowedTo", "logevidence.error.hours");
		}
		if (settings.bulkPerHour() < 1) {
			throw new InvalidInputProblem("bulkPerHour", "logevidence.error.positive");
		}
		if (settings.failedLoginBurst() < 1) {
			throw new InvalidInputProblem("failedLoginBurst", "logevidence.error.positive");
		}
		if (settings.failedLoginMinutes() < 1) {
			throw new InvalidInputProblem("failedLoginMinutes", "logevidence.error.positive");
		}
		if (settings.skewToleranceSeconds() < 0) {
			throw new InvalidInputProblem("skewToleranceSeconds", "logevidence.error.positive");
		}
		LogSettings before = this.records.settings(contractId);
		this.records.saveSettings(contractId, settings, Instant.now(this.clock));
		this.audit.record(AuditRecord.of("LOG_SETTINGS_UPDATED")
			.actor(actor)
			.target("Contract", contractId)
			.detail("before", before.toString())
			.detail("after", settings.toString()));
	}

	// --- ingesting --------------------------------------------------------------------

	/**
	 * Receives a batch of a source.
	 * @param actor the contractor's lead or a worker
	 * @param contractId the contract
	 * @param sourceId the source
	 * @param fileName the file's name (may be {@code null})
	 * @param content the batch, read once
	 * @param partial whether the good lines are kept even when some are malformed
	 * @return the batch on record and whether it had been received before
	 * @throws InvalidInputProblem when the CSV header lacks a mapped column
	 */
	public Received ingest(Actor actor, UUID contractId, UUID sourceId, @Nullable String fileName, InputStream content,
			boolean partial) {
		Contract contract = this.transaction.execute((s) -> this.contracts.get(actor, contractId));
		ContractRoles.require(mayUpload(actor, contract));
		LogSource source = this.records.source(sourceId)
			.filter((s) -> s.contractId().equals(contractId))
			.orElseThrow(() -> new InvalidInputProblem("source", "logevidence.error.source"));
		String name = (fileName != null && !fileName.isBlank()) ? trim(fileName, 255) : null;
		UUID batchId = UUID.randomUUID();
		Path copy = partial ? null : scratchFile(batchId);
		Instant arrival = Instant.now(this.clock);
		LogSettings settings = this.records.settings(contractId);
		Attempt attempt;
		try {
			attempt = this.transaction.execute((status) -> {
				Ingestion.Result result;
				try (OutputStream out = (copy != null) ? Files.newOutputStream(copy)
						: OutputStream.nullOutputStream()) {
					long started = System.nanoTime();
					result = store(source, batchId, content, (copy != null) ? out : null, arrival, settings);
					LAST_TIMING.get()[0] = (System.nanoTime() - started) / 1_000_000;
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				Optional<LogBatch> existing = this.records.liveBatch(contractId, sourceId, result.sha256);
				if (existing.isPresent()) {
					status.setRollbackOnly();
					return new Attempt(result, existing.get(), null);
				}
				if (result.malformedCount > 0 && !partial) {
					status.setRollbackOnly();
					return new Attempt(result, null, null);
				}
				LogBatch batch = batch(batchId, source, name, result, LogBatch.Status.ACCEPTED, arrival, actor);
				CheckOutcome outcome = accepted(actor, batch, result, settings, arrival, partial);
				return new Attempt(result, batch, outcome);
			});
		}
		catch (RuntimeException ex) {
			deleteQuietly(copy);
			throw ex;
		}
		LogBatch known = attempt.batch();
		if (known != null && attempt.outcome() == null) {
			deleteQuietly(copy);
			this.transaction.executeWithoutResult((s) -> this.audit.record(AuditRecord.of("LOG_BATCH_RESENT")
				.actor(actor)
				.target("LogBatch", known.getId())
				.detail("contract", contractId)
				.detail("sha256", attempt.result().sha256)));
			return new Received(known, true, null);
		}
		if (known != null) {
			deleteQuietly(copy);
			return new Received(known, false, attempt.outcome());
		}
		LogBatch pending = batch(batchId, source, name, attempt.result(), LogBatch.Status.PENDING, arrival, actor);
		try {
			keep(batchId, copy);
		}
		finally {
			deleteQuietly(copy);
		}
		this.transaction.executeWithoutResult((s) -> {
			this.records.insertBatch(pending);
			this.audit.record(AuditRecord.of("LOG_BATCH_RECEIVED")
				.actor(actor)
				.target("LogBatch", batchId)
				.detail("contract", contractId)
				.detail("source", source.name())
				.detail("sha256", pending.getSha256())
				.detail("lines", pending.getTotalLines())
				.detail("malformed", pending.getMalformedLines()));
		});
		return new Received(pending, false, null);
	}

	/**
	 * Accepts a waiting batch: its good lines are stored and checked.
	 * @param actor the contractor's lead or a worker
	 * @param batchId the batch
	 * @return the batch and what the checks found
	 * @throws InvalidInputProblem when the batch does not wait, or its kept bytes are
	 * gone or changed
	 */
	public Received accept(Actor actor, UUID batchId) {
		LogBatch batch = this.transaction.execute((s) -> batch(actor, batchId));
		Contract contract = this.transaction.execute((s) -> this.contracts.get(actor, batch.getContractId()));
		ContractRoles.require(mayUpload(actor, contract));
		if (batch.getStatus() != LogBatch.Status.PENDING) {
			throw new InvalidInputProblem("status", "logevidence.error.batchDecided");
		}
		LogSource source = this.records.source(batch.getSourceId()).orElseThrow();
		LogSettings settings = this.records.settings(batch.getContractId());
		// uploaded_at is not null in log_batch
		Instant arrival = Objects.requireNonNull(batch.getUploadedAt());
		CheckOutcome outcome = this.transaction.execute((status) -> {
			Ingestion.Result result;
			try (InputStream in = kept(batchId)) {
				result = store(source, batchId, in, null, arrival, settings);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			// Ingestion.read sets the digest once it has read the whole stream
			if (!Objects.requireNonNull(result.sha256).equals(batch.getSha256())) {
				throw new InvalidInputProblem("status", "logevidence.error.spoolMissing");
			}
			batch.accept(actor.userId(), Instant.now(this.clock));
			this.records.updateBatchStatus(batch);
			return accepted(actor, batch, result, settings, arrival, true);
		});
		discard(batchId);
		return new Received(batch, false, outcome);
	}

	/**
	 * Rejects a waiting batch: nothing of it is stored.
	 * @param actor the contractor's lead or a worker
	 * @param batchId the batch
	 * @return the batch
	 */
	public LogBatch reject(Actor actor, UUID batchId) {
		LogBatch batch = this.transaction.execute((status) -> {
			LogBatch b = batch(actor, batchId);
			Contract contract = this.contracts.get(actor, b.getContractId());
			ContractRoles.require(mayUpload(actor, contract));
			b.reject(actor.userId(), Instant.now(this.clock));
			this.records.updateBatchStatus(b);
			this.audit.record(AuditRecord.of("LOG_BATCH_REJECTED")
				.actor(actor)
				.target("LogBatch", batchId)
				.detail("contract", b.getContractId())
				.detail("sha256", b.getSha256()));
			return b;
		});
		discard(batchId);
		return batch;
	}

	private Ingestion.Result store(LogSource source, UUID batchId, InputStream in, @Nullable OutputStream copy,
			Instant arrival, LogSettings settings) {
		LineParser parser = LineParser.of(source.format(), source.mapping(), source.zone(), this.json);
		CopySink sink = new CopySink(this.dataSource, this.partitions, source.contractId(), batchId);
		try {
			Ingestion.Result result = Ingestion.read(in, parser, sink, copy, arrival, settings.skewToleranceSeconds(),
					LogChecks.candidates(settings));
			sink.close();
			return result;
		}
		catch (RuntimeException | Error ex) {
			// The sink's writer thread lets go of the connection before the rollback.
			sink.cancel();
			throw ex;
		}
	}

	private CheckOutcome accepted(Actor actor, LogBatch batch, Ingestion.Result result, LogSettings settings,
			@Nullable Instant arrival, boolean insertedAlready) {
		if (batch.getStatus() == LogBatch.Status.ACCEPTED && batch.getDecidedAt() == null) {
			this.records.insertBatch(batch);
		}
		this.records.insertMonths(batch.getId(), batch.getContractId(), result.months);
		UUID contractId = batch.getContractId();
		Instant now = Instant.now(this.clock);
		if (result.future.count > 0) {
			this.records.insertBatchFinding(contractId, LogRule.CLOCK_FUTURE, batch.getId(),
					ItakuTime.today(this.clock), result.future.count, withBatch(result.future, batch.getId()), now);
		}
		if (result.backwards.count > 0) {
			this.records.insertBatchFinding(contractId, LogRule.CLOCK_ORDER, batch.getId(), ItakuTime.today(this.clock),
					result.backwards.count, withBatch(result.backwards, batch.getId()), now);
		}
		CheckOutcome outcome = new CheckOutcome(0, 0, 0);
		if (result.good > 0) {
			// every good line sets first and last
			LocalDate firstDay = day(Objects.requireNonNull(result.first));
			LocalDate lastDay = day(Objects.requireNonNull(result.last));
			// The batch's profile stands for all lines of those days unless another batch
			// has
			// lines in them too.
			boolean alone = !this.jdbc
				.sql("select exists (select 1 from log_batch where contract_id = ? and status = 'ACCEPTED' and id <> ?"
						+ " and first_at < ? and last_at >= ?)")
				.params(contractId, batch.getId(), start(lastDay.plusDays(1)), start(firstDay))
				.query(Boolean.class)
				.single();
			long started = System.nanoTime();
			outcome = this.checks.run(contractId, firstDay, lastDay, settings, now, alone ? result.profile : null);
			LAST_TIMING.get()[1] = (System.nanoTime() - started) / 1_000_000;
		}
		this.audit.record(AuditRecord.of("LOG_BATCH_ACCEPTED")
			.actor(actor)
			.target("LogBatch", batch.getId())
			.detail("contract", contractId)
			.detail("sha256", batch.getSha256())
			.detail("lines", batch.getTotalLines())
			.detail("stored", batch.getGoodLines())
			.detail("malformed", batch.getMalformedLines())
			.detail("findings", outcome.found()));
		return outcome;
	}

	private static List<Map<String, Object>> withBatch(Ingestion.Sample sample, UUID batchId) {
		return sample.lines.stream().map((m) -> {
			Map<String, Object> copy = new LinkedHashMap<>(m);
			copy.put("batch", batchId.toString());
			return (Map<String, Object>) copy;
		}).toList();
	}

	private static LogBatch batch(UUID id, LogSource source, @Nullable String fileName, Ingestion.Result result,
			LogBatch.Status status, Instant arrival, Actor actor) {
		return new LogBatch(id, source.contractId(), source.id(), result.sha256, fileName, result.total(), result.good,
				result.malformedCount,
				result.malformed.stream().map((m) -> new LogBatch.Malformed(m.line(), m.reason())).toList(), status,
				result.first, result.last, arrival, actor.userId(), null, null);
	}

	// --- checks -----------------------------------------------------------------------

	/**
	 * Runs every check again over all stored lines of a contract (after a change of the
	 * roster, the schedules or the IDs).
	 * @param actor a party to the contract (not an auditor)
	 * @param contractId the contract
	 * @return what changed
	 */
	@Transactional
	public CheckOutcome recheck(Actor actor, UUID contractId) {
		Contract contract = this.contracts.get(actor, contractId);
		ContractRoles.require(mayRecheck(actor, contract));
		CheckOutcome outcome = recheckUnscoped(contract.getId());
		this.audit.record(AuditRecord.of("LOG_CHECKS_RERUN")
			.actor(actor)
			.target("Contract", contractId)
			.detail("found", outcome.found())
			.detail("withdrawn", outcome.withdrawn()));
		return outcome;
	}

	/**
	 * Runs every check again over all stored lines of a contract.
	 * @param contractId the contract
	 * @return what changed
	 */
	@Transactional
	CheckOutcome recheckUnscoped(UUID contractId) {
		return this.checks.recheckAll(contractId, this.records.settings(contractId), Instant.now(this.clock));
	}

	/**
	 * Re-checks what a change of roster, IDs or schedules concerns (the lines and days of
	 * the people it concerns), for a change event.
	 * @param contractId the contract
	 * @return what changed
	 */
	@Transactional
	CheckOutcome recheckChangedUnscoped(UUID contractId) {
		return this.checks.recheckChanged(contractId, this.records.settings(contractId), Instant.now(this.clock));
	}

	// --- helpers ----------------------------------------------------------------------

	/** The file of this node a batch is copied to while it is read. */
	private Path scratchFile(UUID batchId) {
		try {
			Files.createDirectories(this.spool);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this.spool.resolve(batchId + ".part");
	}

	/** Sends the copy of a batch that waits for a decision to the shared store. */
	private void keep(UUID batchId, @Nullable Path copy) {
		try (InputStream in = Files.newInputStream(copy)) {
			this.store.putObject(SPOOL + batchId, in, Long.MAX_VALUE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Opens the kept copy of a waiting batch: in the shared store, or, for a batch that
	 * began waiting before this version, in this node's spool directory.
	 */
	private InputStream kept(UUID batchId) throws IOException {
		try {
			return this.store.openObject(SPOOL + batchId);
		}
		catch (NoSuchDocumentException ex) {
			Path legacy = this.spool.resolve(batchId + ".log");
			if (Files.isRegularFile(legacy)) {
				return Files.newInputStream(legacy);
			}
			throw new InvalidInputProblem("status", "logevidence.error.spoolMissing");
		}
	}

	/** Removes the kept copy of a batch that was decided. */
	private void discard(UUID batchId) {
		try {
			this.store.deleteObject(SPOOL + batchId);
		}
		catch (RuntimeException ex) {
			// A leftover copy holds nothing that is not in a rejected or accepted batch.
			log.warn("The kept copy of decided batch {} could not be removed", batchId, ex);
		}
		deleteQuietly(this.spool.resolve(batchId + ".log"));
	}

	private static void deleteQuietly(@Nullable Path path) {
		if (path == null) {
			return;
		}
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ex) {
			// A leftover spool file holds nothing that is not in a rejected or accepted
			// batch.
		}
	}

	private static String trim(String text, int max) {
		String t = text.strip();
		return (t.length() > max) ? t.substring(0, max) : t;
	}

	private static Timestamp start(LocalDate day) {
		return Timestamp.from(day.atStartOfDay(ItakuTime.ZONE).toInstant());
	}

	private static LocalDate day(Instant instant) {
		return instant.atZone(ItakuTime.ZONE).toLocalDate();
	}

	private record Attempt(Ingestion.Result result, @Nullable LogBatch batch, @Nullable CheckOutcome outcome) {
	}

	/**
	 * A batch received.
	 *
	 * @param batch the batch on record
	 * @param duplicate whether the same batch had been received before (nothing stored
	 * again)
	 * @param checks what the checks found, when the batch was accepted now
	 */
	public record Received(LogBatch batch, boolean duplicate, @Nullable CheckOutcome checks) {
	}

	/**
	 * Milliseconds spent by the last ingestion of this thread: reading and storing,
	 * checking.
	 */
	static final ThreadLocal<long[]> LAST_TIMING = ThreadLocal.withInitial(() -> new long[2]);

	/**
	 * A contract's log evidence as its page shows it.
	 *
	 * @param contract the contract
	 * @param settings what the contract allows
	 * @param sources the sources
	 * @param batches the latest batches
	 * @param findings the findings, open ones first
	 * @param openCounts findings not closed, by rule
	 * @param mayUpload whether the reader uploads
	 * @param mayConfigureSources whether the reader configures sources
	 * @param mayConfigureRules whether the reader sets what the contract allows
	 * @param mayExport whether the reader exports lines
	 * @param mayReview whether the reader takes the client's steps of the findings
	 * (acknowledge, return, close)
	 * @param mayExplain whether the reader explains findings (the contractor's lead)
	 * @param mayRecheck whether the reader re-runs the checks
	 */
	public record Overview(Contract contract, LogSettings settings, List<LogSource> sources, List<LogBatch> batches,
			List<LogFinding> findings, Map<String, Long> openCounts, boolean mayUpload, boolean mayConfigureSources,
			boolean mayConfigureRules, boolean mayExport, boolean mayReview, boolean mayExplain, boolean mayRecheck) {
	}

}
