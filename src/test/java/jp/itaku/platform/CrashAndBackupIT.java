package jp.itaku.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.itaku.support.ChildNode;
import jp.itaku.support.HttpSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing confirmed is lost (issue 16), with the packaged application as an operator runs
 * it: a child process on the embedded database with the demo data.
 * <ol>
 * <li><b>Crash.</b> Four writer threads make confirmed writes through the API
 * (submissions with a file, their return by the client's officer, each with its audit
 * entry; one log batch). Mid-way the postmaster is killed with {@code kill -9} (the
 * watchdog starts it again), later the JVM itself (its postmaster is left orphaned). One
 * restart must come up on the first try. Then no confirmed write is missing, none is
 * doubled, none is half-written (a submission without its file, its stored document or
 * its audit entry) and the audit chain is intact.</li>
 * <li><b>Backup and restore.</b> A backup taken by the operator command while the node
 * serves and a writer writes; the restore refuses while the node runs, restores with the
 * node stopped and its documents lost, and verifies the audit chain, every document's
 * SHA-256 and every encrypted field; the restored node has every write confirmed before
 * the backup and none made after it.</li>
 * </ol>
 * {@code crash.writes} sets the number of confirmed writes (120 in {@code mvn verify};
 * 1,000 with {@code mvn verify -Pcrash}, see the README).
 */
@DisabledIfEnvironmentVariable(named = "ITAKU_DB_URL", matches = ".+",
		disabledReason = "always on an embedded database: run once, in the embedded pass")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashAndBackupIT {

	private static final int WRITES = Integer.getInteger("crash.writes", 120);

	private static final String PASSWORD = "Demo-Itaku-Kanri-2026";

	private static final Duration START = Duration.ofMinutes(8);

	private static final Duration WAIT = Duration.ofMinutes(10);

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

	@TempDir
	static Path work;

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<Confirmed> ledger = Collections.synchronizedList(new ArrayList<>());

	private final StringBuilder report = new StringBuilder();

	private ChildNode node;

	private HttpSession lead;

	private HttpSession officer;

	private List<UUID> obligations;

	@BeforeAll
	void startNode() {
		this.node = new ChildNode(work.resolve("node"), "--spring.profiles.active=demo");
		this.node.start();
		Duration first = this.node.awaitReady(START);
		figure("first start with demo data", seconds(first));
		this.lead = api("lead");
		this.officer = api("officer");
		this.obligations = openObligations(4);
	}

	@AfterAll
	void stopNode() throws IOException {
		if (this.node != null) {
			this.node.close();
		}
		Files.writeString(Path.of("target", "crash-report.txt"), this.report.toString(), StandardCharsets.UTF_8);
		System.out.print(this.report);
	}

	@Test
	@Order(1)
	void noConfirmedWriteIsLostWhenThePostmasterOrTheJvmIsKilled() throws Exception {
		Confirmed batch = logBatch();
		List<Writer> writers = writers(WRITES);
		writers.forEach(Writer::start);
		await(() -> this.ledger.size() >= WRITES / 4, "a quarter of the writes");

		long oldPostmaster = this.node.killPostmaster();
		long killed = System.nanoTime();
		await(() -> postmasterRuns(oldPostmaster) && ready(), "the postmaster started again by the watchdog");
		figure("postmaster killed: healthy again after", seconds(Duration.ofNanos(System.nanoTime() - killed)));
		await(() -> this.ledger.size() >= 3 * WRITES / 4, "three quarters of the writes");

		this.node.killJvm();
		writers.forEach(Writer::halt);
		long restarted = System.nanoTime();
		this.node.start();
		Duration healthy = this.node.awaitReady(START);
		figure("JVM killed (postmaster orphaned): one restart, healthy after", seconds(healthy));
		figure("  (from the restart's beginning)", seconds(Duration.ofNanos(System.nanoTime() - restarted)));

		List<Writer> rest = writers(WRITES);
		rest.forEach(Writer::start);
		await(() -> this.ledger.size() >= WRITES, "all writes");
		rest.forEach(Writer::halt);

		Outcome outcome = check(new ArrayList<>(this.ledger), batch);
		figure("confirmed writes (4 writer threads)", this.ledger.size() + 1);
		figure("failed or unanswered requests (not confirmed)", writers.stream().mapToInt((w) -> w.failures.get()).sum()
				+ rest.stream().mapToInt((w) -> w.failures.get()).sum());
		figure("lost", outcome.lost);
		figure("duplicated", outcome.duplicated);
		figure("half-written", outcome.halfWritten);
		outcome.problems.stream().limit(20).forEach((p) -> figure("  problem", p));
		assertThat(outcome.problems).isEmpty();
		assertThat(outcome.lost + outcome.duplicated + outcome.halfWritten).isZero();

		ChildNode.Result verification = this.node.command("--itaku.command=verify-audit");
		figure("verify-audit beside the running node",
				verification.output().lines().filter((l) -> l.startsWith("Audit trail")).findFirst().orElse("?"));
		assertThat(verification.exit()).as(verification.output()).isZero();
		assertThat(verification.output()).contains("Audit trail: intact");
	}

	@Test
	@Order(2)
	void aBackupMadeWhileTheNodeRunsRestoresWhole() throws Exception {
		Path set = work.resolve("backup-set");
		List<Confirmed> before = new ArrayList<>(this.ledger);
		Writer writer = new Writer(this.obligations.get(0), 0, Integer.MAX_VALUE);
		writer.start();
		ChildNode.Result backup = this.node.command("--itaku.command=backup", "--to=" + set);
		writer.halt();
		assertThat(backup.exit()).as(backup.output()).isZero();
		figure("backup while the node serves (command, wall time)", seconds(backup.took()));
		figure("  " + line(backup.output(), "Backup written"), "");

		Confirmed after = submitOnce(this.obligations.get(1), "after-backup");

		ChildNode.Result refused = this.node.command("--itaku.command=restore", "--from=" + set);
		assertThat(refused.exit()).isNotZero();
		assertThat(refused.output()).contains("in use by a running node");

		this.node.stop();
		Path documents = this.node.home().resolve("documents");
		Files.move(documents, this.node.home().resolve("documents-lost"));
		ChildNode.Result restore = this.node.command("--itaku.command=restore", "--from=" + set);
		assertThat(restore.exit()).as(restore.output()).isZero();
		figure("restore with the node stopped, then verify-restore (command, wall time)", seconds(restore.took()));
		figure("  " + line(restore.output(), "Restored the backup"), "");
		for (String check : List.of("Audit trail", "Documents", "Encrypted fields")) {
			figure("  " + line(restore.output(), check), "");
		}
		assertThat(restore.output()).contains("Audit trail: intact").contains("The data is whole.");
		Matcher fields = Pattern.compile("Encrypted fields: (\\d+) decrypted, 0 failed").matcher(restore.output());
		assertThat(fields.find()).as(restore.output()).isTrue();
		assertThat(Integer.parseInt(fields.group(1))).as("the demo's nationalities").isPositive();
		Matcher referenced = Pattern.compile("Documents: (\\d+) referenced, 0 missing").matcher(restore.output());
		assertThat(referenced.find()).as(restore.output()).isTrue();
		assertThat(Integer.parseInt(referenced.group(1))).isPositive();

		this.node.start();
		this.node.awaitReady(START);
		try (Connection db = this.node.ownerConnection()) {
			for (Confirmed write : before) {
				if (write.kind == Kind.SUBMISSION) {
					assertThat(count(db, "select count(*) from submission where id = ?", write.id))
						.as("confirmed before the backup: " + write.marker)
						.isEqualTo(1);
				}
			}
			assertThat(count(db, "select count(*) from submission where id = ?", after.id)).as("made after the backup")
				.isZero();
		}
		ChildNode.Result audit = this.node.command("--itaku.command=verify-audit");
		assertThat(audit.output()).contains("Audit trail: intact");
	}

	// --- the writes
	// ---------------------------------------------------------------------

	private List<Writer> writers(int target) {
		List<Writer> writers = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			writers.add(new Writer(this.obligations.get(i), i, target));
		}
		return writers;
	}

	/** One writer thread on its own obligation: submit, the officer returns, again. */
	private final class Writer extends Thread {

		private final UUID obligation;

		private final int number;

		private final int target;

		private final AtomicInteger failures = new AtomicInteger();

		private volatile boolean halted;

		private UUID pending;

		private int iteration;

		Writer(UUID obligation, int number, int target) {
			super("crash-writer-" + number);
			this.obligation = obligation;
			this.number = number;
			this.target = target;
			setDaemon(true);
		}

		void halt() {
			this.halted = true;
			try {
				join(120_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		@Override
		public void run() {
			resync();
			while (!this.halted && CrashAndBackupIT.this.ledger.size() < this.target) {
				String marker = "crash-" + this.number + "-" + (this.iteration++) + "-"
						+ UUID.randomUUID().toString().substring(0, 8);
				try {
					if (this.pending == null) {
						byte[] content = ("evidence " + marker + "\n").getBytes(StandardCharsets.UTF_8);
						HttpResponse<String> answer = CrashAndBackupIT.this.lead.postFile(
								"/api/v1/obligations/" + this.obligation + "/submissions", "files", marker + ".txt",
								content, Map.of("comment", marker));
						if (answer.statusCode() == 201) {
							UUID id = id(answer.body());
							CrashAndBackupIT.this.ledger.add(new Confirmed(Kind.SUBMISSION, id, marker, content));
							this.pending = id;
							continue;
						}
					}
					else {
						HttpResponse<String> answer = CrashAndBackupIT.this.officer.postJson(
								"/api/v1/submissions/" + this.pending + "/return", "{\"comment\":\"" + marker + "\"}");
						if (answer.statusCode() == 200) {
							CrashAndBackupIT.this.ledger.add(new Confirmed(Kind.RETURN, this.pending, marker, null));
							this.pending = null;
							continue;
						}
					}
				}
				catch (UncheckedIOException ex) {
					// not answered: not confirmed
				}
				this.failures.incrementAndGet();
				CrashAndBackupIT.sleep(200);
				resync();
			}
		}

		/** After a failure: what did the server keep? The latest submission tells. */
		private void resync() {
			try {
				HttpResponse<String> answer = CrashAndBackupIT.this.lead
					.get("/api/v1/obligations/" + this.obligation + "/submissions");
				if (answer.statusCode() != 200) {
					return;
				}
				JsonNode latest = null;
				for (JsonNode submission : CrashAndBackupIT.this.json.readTree(answer.body())) {
					if (latest == null || submission.get("number").asInt() > latest.get("number").asInt()) {
						latest = submission;
					}
				}
				this.pending = (latest != null && "PENDING".equals(latest.get("reviewStatus").asString()))
						? UUID.fromString(latest.get("id").asString()) : null;
			}
			catch (UncheckedIOException ex) {
				// the node is away; try again after the next failure
			}
		}

	}

	private Confirmed submitOnce(UUID obligation, String name) {
		String marker = name + "-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> pending = this.lead.get("/api/v1/obligations/" + obligation + "/submissions");
		for (JsonNode submission : this.json.readTree(pending.body())) {
			if ("PENDING".equals(submission.get("reviewStatus").asString())) {
				this.officer.postJson("/api/v1/submissions/" + submission.get("id").asString() + "/return",
						"{\"comment\":\"" + marker + "\"}");
			}
		}
		byte[] content = ("evidence " + marker + "\n").getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> answer = this.lead.postFile("/api/v1/obligations/" + obligation + "/submissions", "files",
				marker + ".txt", content, Map.of("comment", marker));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
		return new Confirmed(Kind.SUBMISSION, id(answer.body()), marker, content);
	}

	private Confirmed logBatch() {
		UUID contract = null;
		UUID source = null;
		for (JsonNode c : this.json.readTree(this.lead.get("/api/v1/contracts").body())) {
			JsonNode overview = this.json
				.readTree(this.lead.get("/api/v1/contracts/" + c.get("id").asString() + "/logs").body());
			if (overview.has("sources") && !overview.get("sources").isEmpty()) {
				contract = UUID.fromString(c.get("id").asString());
				source = UUID.fromString(overview.get("sources").get(0).get("id").asString());
				break;
			}
		}
		assertThat(source).as("the demo's log source").isNotNull();
		LocalDate day = LocalDate.now(ItakuTime.ZONE).withDayOfMonth(1).minusMonths(1).withDayOfMonth(10);
		StringBuilder csv = new StringBuilder("日時,操作者ID,操作,対象,結果,端末,画面\n");
		String run = UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < 60; i++) {
			csv.append(String.format(Locale.ROOT,
					"%s 10:%02d:%02d,KDM-OP-2101,search,照会番号=%s-%d,success,MADO-PC-03,住民照会%n", day, i / 60 + 10, i % 60,
					run, i));
		}
		HttpResponse<String> answer = this.lead.post(
				"/api/v1/contracts/" + contract + "/logs?source=" + source + "&fileName=crash-" + run + ".csv",
				"text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(answer.statusCode()).as(answer.body()).isIn(201, 202);
		return new Confirmed(Kind.LOG_BATCH, id(answer.body()), run, null);
	}

	// --- the checks
	// ---------------------------------------------------------------------

	private Outcome check(List<Confirmed> writes, Confirmed batch) throws SQLException, IOException {
		Outcome outcome = new Outcome();
		try (Connection db = this.node.ownerConnection()) {
			for (Confirmed write : writes) {
				if (write.kind == Kind.SUBMISSION) {
					if (count(db, "select count(*) from submission where id = ?", write.id) == 0) {
						outcome.lost("submission " + write.marker);
						continue;
					}
					long same = count(db, "select count(*) from submission where comment = ?", write.marker);
					if (same > 1) {
						outcome.duplicated("submission " + write.marker + " × " + same);
					}
					List<String> keys = strings(db, "select document_key from submission_file where submission_id = ?",
							write.id);
					if (keys.size() != 1) {
						outcome.halfWritten("submission " + write.marker + " has " + keys.size() + " files");
					}
					else if (!documentHolds(keys.get(0), write.content)) {
						outcome.halfWritten("the document of " + write.marker + " is missing or altered");
					}
					if (count(db,
							"select count(*) from audit_entry where action = 'SUBMISSION_CREATED' and details like ?",
							"%" + write.id + "%") != 1) {
						outcome.halfWritten("no audit entry for " + write.marker);
					}
				}
				else if (write.kind == Kind.RETURN) {
					if (count(db, "select count(*) from submission where id = ? and review_status = 'RETURNED'"
							+ " and review_comment = '" + write.marker + "'", write.id) == 0) {
						outcome.lost("return " + write.marker);
					}
					else if (count(db, "select count(*) from audit_entry where action = 'SUBMISSION_RETURNED'"
							+ " and target_id = ?", write.id.toString()) != 1) {
						outcome.halfWritten("no audit entry for the return " + write.marker);
					}
				}
			}
			// Whatever was written, confirmed or not: no submission without its file and
			// entry.
			long bare = count(db, "select count(*) from submission s where s.comment like 'crash-%' and (not exists"
					+ " (select from submission_file f where f.submission_id = s.id) or not exists (select from audit_entry a"
					+ " where a.action = 'SUBMISSION_CREATED' and a.details like '%' || s.id || '%'))", null);
			if (bare > 0) {
				outcome.halfWritten(bare + " submissions without their file or audit entry");
			}
			String status = strings(db, "select status from log_batch where id = ?", batch.id).stream()
				.findFirst()
				.orElse(null);
			if (status == null) {
				outcome.lost("log batch " + batch.marker);
			}
			else if (status.equals("ACCEPTED") && count(db, "select count(*) from log_line where batch_id = ?",
					batch.id) != count(db, "select good_lines from log_batch where id = ?", batch.id)) {
				outcome.halfWritten("log batch " + batch.marker + " is missing lines");
			}
		}
		return outcome;
	}

	private boolean documentHolds(String key, byte[] content) throws IOException {
		Path file = this.node.home().resolve("documents").resolve(key.substring(0, 2)).resolve(key);
		return Files.isRegularFile(file) && java.util.Arrays.equals(Files.readAllBytes(file), content);
	}

	private static long count(Connection db, String sql, Object parameter) throws SQLException {
		try (PreparedStatement statement = db.prepareStatement(sql)) {
			if (parameter != null) {
				statement.setObject(1, parameter);
			}
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	private static List<String> strings(Connection db, String sql, Object parameter) throws SQLException {
		List<String> values = new ArrayList<>();
		try (PreparedStatement statement = db.prepareStatement(sql)) {
			statement.setObject(1, parameter);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					values.add(rs.getString(1));
				}
			}
		}
		return values;
	}

	// --- helpers
	// ------------------------------------------------------------------------

	private HttpSession api(String username) {
		HttpSession session = new HttpSession(this.node.base());
		HttpResponse<String> issued = session.postJson("/api/v1/tokens", "{\"username\":\"" + username
				+ "\",\"password\":\"" + PASSWORD + "\",\"name\":\"crash test\",\"validityDays\":1}");
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
		return session.bearer(this.json.readTree(issued.body()).get("value").asString());
	}

	private List<UUID> openObligations(int count) {
		List<UUID> found = new ArrayList<>();
		for (JsonNode contract : this.json.readTree(this.lead.get("/api/v1/contracts").body())) {
			if (!"ACTIVE".equals(contract.get("status").asString())) {
				continue;
			}
			for (JsonNode obligation : this.json.readTree(
					this.lead.get("/api/v1/contracts/" + contract.get("id").asString() + "/obligations").body())) {
				String status = obligation.get("status").asString();
				if ((status.equals("OPEN") || status.equals("OVERDUE") || status.equals("RETURNED"))
						&& found.size() < count) {
					found.add(UUID.fromString(obligation.get("id").asString()));
				}
			}
		}
		assertThat(found).as("open obligations of the demo's contracts").hasSize(count);
		return found;
	}

	private boolean postmasterRuns(long old) {
		try {
			long pid = this.node.postmasterPid();
			return pid != old && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
		}
		catch (UncheckedIOException | NumberFormatException ex) {
			return false;
		}
	}

	private boolean ready() {
		try {
			return new HttpSession(this.node.base()).get("/actuator/health/readiness").statusCode() == 200;
		}
		catch (UncheckedIOException ex) {
			return false;
		}
	}

	private void await(BooleanSupplier condition, String what) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Waited in vain for " + what + " (" + this.ledger.size()
						+ " writes confirmed): " + this.node.tail());
			}
			sleep(100);
		}
	}

	private static UUID id(String body) {
		Matcher matcher = ID.matcher(body);
		if (!matcher.find()) {
			throw new IllegalStateException("No id in " + body);
		}
		return UUID.fromString(matcher.group(1));
	}

	private static String line(String output, String start) {
		return output.lines().filter((l) -> l.startsWith(start)).findFirst().orElse("(no line " + start + ")");
	}

	private void figure(String what, Object value) {
		this.report.append(String.format(Locale.ROOT, "crash/backup | %s %s%n", what, value));
	}

	private static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private enum Kind {

		SUBMISSION, RETURN, LOG_BATCH

	}

	private record Confirmed(Kind kind, UUID id, String marker, byte[] content) {
	}

	/** What the checks found, by kind. */
	private static final class Outcome {

		int lost;

		int duplicated;

		int halfWritten;

		final List<String> problems = new ArrayList<>();

		void lost(String what) {
			this.lost++;
			this.problems.add("lost: " + what);
		}

		void duplicated(String what) {
			this.duplicated++;
			this.problems.add("duplicated: " + what);
		}

		void halfWritten(String what) {
			this.halfWritten++;
			this.problems.add("half-written: " + what);
		}

	}

}
