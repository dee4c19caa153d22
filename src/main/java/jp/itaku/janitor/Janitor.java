package jp.itaku.janitor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.document.DocumentStore;
import jp.itaku.document.Documents;
import jp.itaku.document.StoredObject;
import jp.itaku.logevidence.SpoolLeftovers;
import jp.itaku.platform.events.EventPublications;
import jp.itaku.platform.web.IdempotentRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes what interrupted and losing writes leave behind, and nothing else:
 * <ul>
 * <li>partial uploads in the document store older than
 * {@code itaku.janitor.temporary-age} ({@link DocumentStore#removeLeftovers});</li>
 * <li>spool copies of log batches that are decided, or whose batch the database does not
 * know and that are older than {@code itaku.janitor.spool-age} ({@link SpoolLeftovers});
 * </li>
 * <li>stored documents older than {@code itaku.janitor.orphan-age} that no record refers
 * to ({@link DocumentReferences}), checked again and removed while no upload is running
 * ({@link Documents#removeUnreferenced}), so that an upload about to refer to one is
 * never broken;</li>
 * <li>one-time request keys older than {@code itaku.idempotency.ttl};</li>
 * <li>event publications completed longer ago than
 * {@code itaku.janitor.event-publication-age}, with the records of the mails their
 * listeners sent ({@link EventPublications}); incomplete ones are kept.</li>
 * </ul>
 * Every run that removed something is audited ({@code JANITOR_REMOVED}, with the list of
 * what was removed, in parts of at most {@value #AUDIT_ITEMS} items).
 */
@Service
class Janitor {

	private static final Logger log = LoggerFactory.getLogger(Janitor.class);

	/** Documents listed and checked at a time. */
	private static final int PAGE = 1_000;

	/** Items of the removal lists in one audit entry. */
	static final int AUDIT_ITEMS = 500;

	private static final int LOCK_ATTEMPTS = 10;

	private static final Duration LOCK_RETRY = Duration.ofSeconds(1);

	private final DocumentStore store;

	private final Documents documents;

	private final DocumentReferences references;

	private final SpoolLeftovers spool;

	private final IdempotentRequests keys;

	private final EventPublications publications;

	private final AuditTrail audit;

	private final JanitorProperties properties;

	private final Clock clock;

	private final TransactionTemplate transactions;

	Janitor(DocumentStore store, Documents documents, DocumentReferences references, SpoolLeftovers spool,
			IdempotentRequests keys, EventPublications publications, AuditTrail audit, JanitorProperties properties,
			Clock clock, PlatformTransactionManager transactionManager) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.store = store;
		this.documents = documents;
		this.references = references;
		this.spool = spool;
		this.keys = keys;
		this.publications = publications;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Runs every removal once.
	 * @return what was removed
	 */
	public Report run() {
		Instant now = Instant.now(this.clock);
		List<String> temporary = this.store.removeLeftovers(now.minus(this.properties.temporaryAge()));
		List<String> spoolCopies = this.spool.remove(now.minus(this.properties.spoolAge()));
		Orphans orphans = removeOrphans(now.minus(this.properties.orphanAge()));
		int expiredKeys = this.keys.removeExpired();
		int completedEvents = this.publications.removeCompletedBefore(now.minus(this.properties.eventPublicationAge()));
		Report report = new Report(temporary, spoolCopies, orphans.removed(), orphans.complete(), expiredKeys,
				completedEvents);
		this.transactions.executeWithoutResult((status) -> audit(report));
		log.info(
				"Janitor: {} partial uploads, {} spool copies, {} unreferenced documents{}, {} expired request keys "
						+ "and {} completed event publications removed",
				temporary.size(), spoolCopies.size(), orphans.removed().size(),
				orphans.complete() ? "" : " (not all checked: uploads kept running)", expiredKeys, completedEvents);
		return report;
	}

	private Orphans removeOrphans(Instant writtenBefore) {
		List<String> removed = new ArrayList<>();
		@Nullable String after = null;
		List<StoredObject> page;
		do {
			page = this.documents.listStored(after, PAGE);
			if (page.isEmpty()) {
				break;
			}
			after = page.get(page.size() - 1).name();
			Map<String, StoredObject> old = new LinkedHashMap<>();
			page.stream().filter((d) -> d.lastModified().isBefore(writtenBefore)).forEach((d) -> old.put(d.name(), d));
			Set<String> referenced = this.references.referenced(old.keySet());
			old.keySet().removeAll(referenced);
			if (old.isEmpty()) {
				continue;
			}
			Optional<List<String>> done = removeWhileNoUploadRuns(old);
			if (done.isEmpty()) {
				log.warn("Janitor: uploads kept running; unreferenced documents are checked again at the next run");
				return new Orphans(removed, false);
			}
			for (String key : done.get()) {
				StoredObject object = Objects.requireNonNull(old.get(key));
				removed.add(key + " (" + object.size() + " bytes, written " + object.lastModified() + ")");
			}
		}
		while (page.size() == PAGE);
		return new Orphans(removed, true);
	}

	private Optional<List<String>> removeWhileNoUploadRuns(Map<String, StoredObject> candidates) {
		for (int attempt = 1; attempt <= LOCK_ATTEMPTS; attempt++) {
			Optional<List<String>> done = this.documents.removeUnreferenced(candidates.keySet(),
					this.references::referenced);
			if (done.isPresent()) {
				return done;
			}
			try {
				Thread.sleep(LOCK_RETRY.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return Optional.empty();
			}
		}
		return Optional.empty();
	}

	private void audit(Report report) {
		List<Item> items = new ArrayList<>();
		report.temporaryFiles().forEach((d) -> items.add(new Item("temporaryFiles", d)));
		report.spoolCopies().forEach((d) -> items.add(new Item("spoolCopies", d)));
		report.unreferencedDocuments().forEach((d) -> items.add(new Item("unreferencedDocuments", d)));
		if (items.isEmpty() && report.expiredKeys() == 0 && report.completedEventPublications() == 0) {
			return;
		}
		int parts = Math.max(1, (items.size() + AUDIT_ITEMS - 1) / AUDIT_ITEMS);
		for (int part = 0; part < parts; part++) {
			List<Item> slice = items.subList(part * AUDIT_ITEMS, Math.min(items.size(), (part + 1) * AUDIT_ITEMS));
			AuditRecord record = AuditRecord.of("JANITOR_REMOVED")
				.target("Janitor", "run")
				.detail("temporaryFiles", list(slice, "temporaryFiles"))
				.detail("spoolCopies", list(slice, "spoolCopies"))
				.detail("unreferencedDocuments", list(slice, "unreferencedDocuments"))
				.detail("expiredRequestKeys", report.expiredKeys())
				.detail("completedEventPublications", report.completedEventPublications())
				.detail("allDocumentsChecked", report.allDocumentsChecked());
			if (parts > 1) {
				record.detail("part", (part + 1) + "/" + parts);
			}
			this.audit.record(record);
		}
	}

	private static List<String> list(List<Item> items, String kind) {
		return items.stream().filter((i) -> i.kind().equals(kind)).map(Item::description).toList();
	}

	/**
	 * What one run removed.
	 *
	 * @param temporaryFiles the partial uploads
	 * @param spoolCopies the spool copies of log batches
	 * @param unreferencedDocuments the stored documents no record referred to
	 * @param allDocumentsChecked whether every stored document was checked (uploads that
	 * keep running can hold the check off until the next run)
	 * @param expiredKeys how many expired one-time request keys were removed
	 * @param completedEventPublications how many completed event publications were
	 * removed
	 */
	public record Report(List<String> temporaryFiles, List<String> spoolCopies, List<String> unreferencedDocuments,
			boolean allDocumentsChecked, int expiredKeys, int completedEventPublications) {
	}

	private record Orphans(List<String> removed, boolean complete) {
	}

	private record Item(String kind, String description) {
	}

}
