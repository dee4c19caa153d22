package jp.itaku.janitor;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jp.itaku.account.UserAccount;
import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.document.DocumentStore;
import jp.itaku.document.StoredDocument;
import jp.itaku.logevidence.LogBatch;
import jp.itaku.logevidence.LogEvidence;
import jp.itaku.logevidence.LogFormat;
import jp.itaku.logevidence.LogMapping;
import jp.itaku.logevidence.LogSource;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationStatus;
import jp.itaku.obligation.Obligations;
import jp.itaku.obligation.Submission;
import jp.itaku.obligation.SubmissionFile;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The janitor removes what is old and left behind — partial uploads, spool copies of
 * decided or unknown log batches, stored documents no record refers to, expired request
 * keys — keeps what is referenced, young or still waiting, never breaks an upload that is
 * about to refer to an old document, and audits what it removed.
 */
@IntegrationTest
class JanitorIT {

	private static final Instant LONG_AGO = Instant.now().minus(Duration.ofDays(3));

	private static final LogMapping MAPPING = new LogMapping("time", "user", "action", "target", "result", "ip",
			List.of());

	@Autowired
	Janitor janitor;

	@Autowired
	DocumentStore store;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	Obligations obligations;

	@Autowired
	LogEvidence logs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Clock clock;

	@Value("${itaku.documents.dir}")
	Path documentsDir;

	@Value("${itaku.logs.spool-dir}")
	Path spoolDir;

	Actor officer;

	Actor lead;

	UserAccount leadUser;

	Contract contract;

	@BeforeEach
	void contract() {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.officer = this.fixtures.actor(this.fixtures.user(client, Role.CLIENT_OFFICER));
		this.leadUser = this.fixtures.user(contractor, Role.CONTRACTOR_LEAD);
		this.lead = this.fixtures.actor(this.leadUser);
		this.contract = this.contracts.register(this.officer,
				this.fixtures.contractForm(contractor, "kadoma", ItakuTime.today(this.clock).minusMonths(1), Set.of()));
	}

	@Test
	void removesOldLeftoversAndOrphansAndKeepsWhatIsReferencedOrYoung() throws Exception {
		// Partial uploads: an old one and one being written.
		Path oldPart = Files.writeString(this.documentsDir.resolve("tmp").resolve("upload-janitor-old.part"), "x");
		Files.setLastModifiedTime(oldPart, FileTime.from(LONG_AGO));
		Path youngPart = Files.writeString(this.documentsDir.resolve("tmp").resolve("upload-janitor-young.part"), "x");

		// Documents: an old orphan, a young orphan, an old one a submission refers to.
		StoredDocument oldOrphan = storeOld(unique("old orphan"));
		StoredDocument youngOrphan = this.store.store(content(unique("young orphan")), 1_000);
		SubmissionFile referenced = submit(unique("referenced"));
		age(referenced.getDocumentKey());

		// Spool copies: of a waiting, a rejected, an accepted and an unknown batch.
		LogSource source = this.logs.addSource(this.lead, this.contract.getId(), "業務端末", LogFormat.CSV, MAPPING, null);
		UUID waiting = pending(source, "waiting").getId();
		UUID rejected = this.logs.reject(this.lead, pending(source, "rejected").getId()).getId();
		UUID accepted = this.logs.accept(this.lead, pending(source, "accepted").getId()).batch().getId();
		UUID unknownOld = UUID.randomUUID();
		UUID unknownYoung = UUID.randomUUID();
		for (UUID batch : List.of(rejected, accepted, unknownOld, unknownYoung)) {
			// left behind by a crash between the decision and the removal of the copy
			Files.writeString(this.spoolDir.resolve(batch + ".log"), "copy");
			this.store.putObject("log-spool/" + batch, content("copy"), 100);
		}
		Files.setLastModifiedTime(this.spoolDir.resolve(unknownOld + ".log"), FileTime.from(LONG_AGO));
		Files.setLastModifiedTime(objectPath("log-spool/" + unknownOld), FileTime.from(LONG_AGO));
		this.store.putObject("log-spool/" + waiting, content("copy"), 100);
		// A local copy of a waiting batch from a version before the store held them, and
		// the files of reads in flight: one left by a crash long ago, one being written.
		Files.writeString(this.spoolDir.resolve(waiting + ".log"), "copy");
		Path oldRead = Files.writeString(this.spoolDir.resolve(UUID.randomUUID() + ".part"), "x");
		Files.setLastModifiedTime(oldRead, FileTime.from(LONG_AGO));
		Path youngRead = Files.writeString(this.spoolDir.resolve(UUID.randomUUID() + ".part"), "x");

		// Request keys: an expired one and a fresh one.
		key("expired", LONG_AGO);
		key("fresh", Instant.now(this.clock));

		Janitor.Report report = this.janitor.run();

		assertThat(oldPart).doesNotExist();
		assertThat(youngPart).exists();
		assertThat(this.store.exists(oldOrphan.key())).isFalse();
		assertThat(this.store.exists(youngOrphan.key())).isTrue();
		assertThat(this.store.exists(referenced.getDocumentKey())).isTrue();
		assertThat(this.spoolDir.resolve(waiting + ".log")).exists();
		assertThat(this.spoolDir.resolve(unknownYoung + ".log")).exists();
		assertThat(oldRead).doesNotExist();
		assertThat(youngRead).exists();
		for (UUID gone : List.of(rejected, accepted, unknownOld)) {
			assertThat(this.spoolDir.resolve(gone + ".log")).doesNotExist();
		}
		assertThat(objects()).contains("log-spool/" + waiting, "log-spool/" + unknownYoung)
			.doesNotContain("log-spool/" + rejected, "log-spool/" + accepted, "log-spool/" + unknownOld);
		assertThat(keys()).contains("fresh-" + this.leadUser.getId())
			.doesNotContain("expired-" + this.leadUser.getId());

		assertThat(report.temporaryFiles()).anySatisfy((d) -> assertThat(d).contains("upload-janitor-old.part"))
			.noneSatisfy((d) -> assertThat(d).contains("upload-janitor-young.part"));
		assertThat(report.unreferencedDocuments()).anySatisfy((d) -> assertThat(d).startsWith(oldOrphan.key()))
			.noneSatisfy((d) -> assertThat(d).contains(referenced.getDocumentKey()));
		assertThat(report.spoolCopies()).hasSizeGreaterThanOrEqualTo(6);
		assertThat(report.allDocumentsChecked()).isTrue();
		assertThat(report.expiredKeys()).isPositive();
		String audited = this.jdbc
			.sql("select details from audit_entry where action = 'JANITOR_REMOVED' "
					+ "and details like ? order by seq desc limit 1")
			.param("%" + oldOrphan.key() + "%")
			.query(String.class)
			.single();
		assertThat(audited).contains("upload-janitor-old.part", accepted.toString(), unknownOld.toString(),
				oldOrphan.key());

		// The referenced document still opens with its hash; a second run removes nothing
		// of it.
		this.janitor.run();
		assertThat(this.store.exists(referenced.getDocumentKey())).isTrue();
	}

	@Test
	void anUploadAboutToReferToAnOldUnreferencedDocumentIsNotBroken() throws Exception {
		String text = unique("uploaded again");
		StoredDocument old = storeOld(text);
		Obligation obligation = openObligation();
		CountDownLatch stored = new CountDownLatch(1);
		CountDownLatch janitorStarted = new CountDownLatch(1);

		// The upload finds the old file and holds its transaction open before it commits.
		CompletableFuture<Submission> upload = CompletableFuture
			.supplyAsync(() -> new TransactionTemplate(this.transactions).execute((status) -> {
				Submission submission = this.obligations.submit(this.lead, obligation.getId(), "再提出",
						List.of(new Obligations.Upload("report.txt", "text/plain",
								new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8)))));
				stored.countDown();
				await(janitorStarted);
				sleep(2_000);
				return submission;
			}));
		assertThat(stored.await(30, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Janitor.Report> run = CompletableFuture.supplyAsync(() -> {
			janitorStarted.countDown();
			return this.janitor.run();
		});

		upload.get(60, TimeUnit.SECONDS);
		Janitor.Report report = run.get(60, TimeUnit.SECONDS);
		assertThat(report.unreferencedDocuments()).noneSatisfy((d) -> assertThat(d).contains(old.key()));
		assertThat(this.store.exists(old.key())).isTrue();
		assertThat(new String(this.store.open(old.key()).readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(text);
	}

	private StoredDocument storeOld(String text) throws Exception {
		StoredDocument document = this.store.store(content(text), 1_000);
		age(document.key());
		return document;
	}

	private void age(String key) throws Exception {
		Files.setLastModifiedTime(this.documentsDir.resolve(key.substring(0, 2)).resolve(key), FileTime.from(LONG_AGO));
	}

	private SubmissionFile submit(String text) {
		Submission submission = this.obligations.submit(this.lead, openObligation().getId(), "提出します。",
				List.of(new Obligations.Upload("report.txt", "text/plain",
						new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8)))));
		return this.obligations.files(this.officer, submission.getId()).get(0);
	}

	private Obligation openObligation() {
		return this.obligations.forContract(this.officer, this.contract.getId())
			.stream()
			.filter((o) -> o.getStatus() == ObligationStatus.OPEN)
			.findFirst()
			.orElseThrow();
	}

	private LogBatch pending(LogSource source, String tag) {
		String csv = "time,user,action,target,result,ip\n" + "garbage " + tag + " " + UUID.randomUUID() + "\n";
		LogEvidence.Received received = this.logs.ingest(this.lead, this.contract.getId(), source.id(), tag + ".csv",
				new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), false);
		assertThat(received.batch().getStatus()).isEqualTo(LogBatch.Status.PENDING);
		return received.batch();
	}

	private void key(String prefix, Instant createdAt) {
		this.jdbc.sql("""
				insert into idempotent_request (user_id, idempotency_key, request_hash, status, created_at)
				values (?, ?, 'x', 201, ?)
				""")
			.param(this.leadUser.getId())
			.param(prefix + "-" + this.leadUser.getId())
			.param(OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC))
			.update();
	}

	private List<String> keys() {
		return this.jdbc.sql("select idempotency_key from idempotent_request where user_id = ?")
			.param(this.leadUser.getId())
			.query(String.class)
			.list();
	}

	private List<String> objects() {
		return this.store.listObjects("log-spool/").stream().map((o) -> o.name()).toList();
	}

	private Path objectPath(String name) {
		return this.documentsDir.resolve("objects").resolve(name);
	}

	private static String unique(String text) {
		return text + " " + UUID.randomUUID();
	}

	private static ByteArrayInputStream content(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
