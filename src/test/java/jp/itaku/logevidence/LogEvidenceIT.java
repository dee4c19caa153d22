package jp.itaku.logevidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jp.itaku.catalog.ContractAttribute;
import jp.itaku.clientid.ClientIds;
import jp.itaku.clientid.ClientIssuedId;
import jp.itaku.clientid.IdKind;
import jp.itaku.clientid.IssueIdForm;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
import jp.itaku.contract.Contracts;
import jp.itaku.finding.FindingStatus;
import jp.itaku.finding.FindingStep;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.MessageKey;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.platform.web.ProblemMessages;
import jp.itaku.roster.RosterMember;
import jp.itaku.roster.RosterMemberForm;
import jp.itaku.roster.Rosters;
import jp.itaku.roster.WorkerRole;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import jp.itaku.worksite.EntryForm;
import jp.itaku.worksite.EntryLog;
import jp.itaku.worksite.EntryLogEntry;
import jp.itaku.worksite.ScheduleLine;
import jp.itaku.worksite.WorkSchedule;
import jp.itaku.worksite.WorkSchedules;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Log evidence through the application: every rule finds its injected violation and
 * nothing else; clean data gives no finding; a malformed batch waits with its lines
 * listed and stores nothing until accepted; a batch sent again is not stored twice; a
 * roster change runs the checks again; another contractor sees nothing.
 */
@IntegrationTest
class LogEvidenceIT {

	private static final LogMapping MAPPING = new LogMapping("time", "user", "action", "target", "result", "ip",
			List.of());

	private static final String HEADER = "time,user,action,target,result,ip\n";

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	Rosters rosters;

	@Autowired
	ClientIds ids;

	@Autowired
	WorkSchedules schedules;

	@Autowired
	EntryLog entryLog;

	@Autowired
	LogEvidence logs;

	@Autowired
	LogFindings logFindings;

	@Autowired
	LogExport logExport;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ProblemMessages messages;

	@Autowired
	java.time.Clock clock;

	Organisation client;

	Organisation contractor;

	Actor officer;

	Actor lead;

	LocalDate today;

	YearMonth month;

	LocalDate d1;

	LocalDate d2;

	LocalDate d3;

	@BeforeEach
	void parties() {
		this.client = this.fixtures.organisation(OrganisationKind.CLIENT);
		this.contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.officer = this.fixtures.actor(this.fixtures.user(this.client, Role.CLIENT_OFFICER));
		this.lead = this.fixtures.actor(this.fixtures.user(this.contractor, Role.CONTRACTOR_LEAD));
		this.today = ItakuTime.today(this.clock);
		this.month = YearMonth.from(this.today).minusMonths(1);
		this.d1 = this.month.atDay(10);
		this.d2 = this.month.atDay(11);
		this.d3 = this.month.atDay(12);
	}

	@Test
	void everyRuleFindsItsInjectedViolationAndNothingElse() {
		Scenario s = scenario();
		List<String> lines = new ArrayList<>(s.cleanLines());
		this.entryLog.record(this.lead, s.contract.getId(), entry(s.a.getName(), this.d3), EntryLogEntry.Source.FORM);
		lines.add(line(this.d1, "10:00:00", "OP-X-" + s.tag, "view", "個人番号=1", "success"));
		lines.add(line(this.d2, "10:00:00", s.opC, "view", "個人番号=2", "success"));
		lines.add(line(this.d2, "09:40:00", s.opB, "view", "個人番号=3", "success"));
		lines.add(line(this.d3, "10:00:00", s.opA, "view", "個人番号=4", "success"));
		lines.add(line(this.d2, "20:30:00", s.opA, "view", "個人番号=5", "success"));
		lines.add(line(this.d1, "11:00:00", s.opA, "search", "住民票コード=12345678901", "success"));
		for (int i = 0; i < 60; i++) {
			lines.add(line(this.d2, String.format("10:%02d:00", i), s.opA, "view", "個人番号=" + i, "success"));
		}
		for (int i = 0; i < 6; i++) {
			lines.add(line(this.d1, String.format("13:0%d:00", i), s.opA, "login", "", "failure"));
		}

		// A log is in time order (a line going back is a finding of its own).
		lines.sort(null);
		int forbiddenLine = 2
				+ lines.indexOf(line(this.d1, "11:00:00", s.opA, "search", "住民票コード=12345678901", "success"));

		LogEvidence.Received received = upload(s, lines, false);

		assertThat(received.batch().getStatus()).isEqualTo(LogBatch.Status.ACCEPTED);
		assertThat(received.batch().getMalformedLines()).isZero();
		Set<String> found = found(s.contract);
		assertThat(found).containsExactlyInAnyOrder("ID_UNKNOWN OP-X-" + s.tag + "|" + this.d1,
				"ID_REVOKED " + s.opC + "|" + this.d2, "HOLDER_INACTIVE " + s.opB + "|" + this.d2,
				"NOT_SCHEDULED " + s.opA + "|" + this.d3, "OUTSIDE_HOURS " + s.opA + "|" + this.d2,
				"FORBIDDEN_OPERATION " + s.opA + "|" + this.d1 + "|search:住民票コード",
				"BULK_ACCESS " + s.opA + "|" + this.d2 + "T10",
				"FAILED_LOGIN_BURST " + s.opA + "|" + this.d1 + "T13:00",
				"ENTRY_WITHOUT_SCHEDULE " + s.a.getId() + "|" + this.d3,
				"ACTIVITY_WITHOUT_ENTRY " + s.opA + "|" + this.d2);
		LogFinding outside = finding(s.contract, LogRule.OUTSIDE_HOURS);
		assertThat(outside.getLineCount()).isEqualTo(1);
		assertThat(outside.getEvidence()).singleElement()
			.satisfies((e) -> assertThat(e.get("target")).isEqualTo("個人番号=5"));
		assertThat(outside.getClauseRef()).isEqualTo("門真市 2(2)");
		LogFinding forbidden = finding(s.contract, LogRule.FORBIDDEN_OPERATION);
		assertThat(forbidden.getEvidence()).singleElement().satisfies((e) -> {
			assertThat(e.get("line")).isEqualTo(forbiddenLine);
			assertThat(e.get("batch")).isEqualTo(received.batch().getId().toString());
		});
		assertThat(finding(s.contract, LogRule.BULK_ACCESS).getLineCount()).isEqualTo(60);
		assertThat(
				this.jdbc.sql("select details from audit_entry where action = 'LOG_BATCH_ACCEPTED' and target_id = ?")
					.param(received.batch().getId().toString())
					.query(String.class)
					.single())
			.contains(received.batch().getSha256());

		// The unknown ID turns out to be A's: recording it re-runs the checks in the
		// background, which withdraws the finding (A was scheduled, in hours and entered
		// that day); asked again, the checks find nothing more to withdraw.
		issue(s.contract, s.a, "OP-X-" + s.tag, this.d1.minusDays(5));
		eventually(() -> found(s.contract).stream().noneMatch((f) -> f.startsWith("ID_UNKNOWN")));
		assertThat(found(s.contract)).noneMatch((f) -> f.startsWith("ID_UNKNOWN"));
		CheckOutcome outcome = this.logs.recheck(this.officer, s.contract.getId());
		assertThat(outcome.withdrawn()).isZero();
	}

	/** Waits (up to 20 s) for the background re-run a change started. */
	private static void eventually(java.util.function.BooleanSupplier done) {
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
		while (!done.getAsBoolean() && System.nanoTime() < deadline) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	@Test
	void cleanDataGivesNoFinding() {
		Scenario s = scenario();
		LogEvidence.Received received = upload(s, s.cleanLines(), false);
		assertThat(received.batch().getGoodLines()).isEqualTo(s.cleanLines().size());
		assertThat(found(s.contract)).isEmpty();
	}

	@Test
	void aValueIssuedAgainAfterItsRevocationIsItsNewHoldersFromThatDay() {
		// C's ID was revoked on the 10th; the same value goes to A on the 11th, who works
		// and enters that day: A's use of it is no finding.
		Scenario s = scenario();
		issue(s.contract, s.a, s.opC, this.d2);
		this.entryLog.record(this.lead, s.contract.getId(), entry(s.a.getName(), this.d2), EntryLogEntry.Source.FORM);
		List<String> lines = new ArrayList<>(s.cleanLines());
		lines.add(line(this.d2, "10:00:00", s.opC, "view", "個人番号=1", "success"));
		lines.sort(null);
		upload(s, lines, false);
		assertThat(found(s.contract)).isEmpty();
	}

	@Test
	void aRosterChangeRunsTheChecksAgain() {
		Scenario s = scenario();
		RosterMember d = activeWorker(s.contract, "大東 四郎");
		String opD = "OP-D-" + s.tag;
		issue(s.contract, d, opD, this.month.atDay(1));
		schedule(s,
				List.of(ScheduleLine.grid(s.a.getId(), this.d1, "日勤"), ScheduleLine.grid(d.getId(), this.d2, "日勤")));
		this.entryLog.record(this.lead, s.contract.getId(), entry(d.getName(), this.d2), EntryLogEntry.Source.FORM);
		List<String> lines = new ArrayList<>(s.cleanLines());
		lines.add(line(this.d2, "10:00:00", opD, "view", "個人番号=9", "success"));
		upload(s, lines, false);
		assertThat(found(s.contract)).isEmpty();

		// D's departure is recorded with an earlier last day: the listener re-runs the
		// checks in the background, and D's use of the ID on the 11th is now a finding.
		this.rosters.leave(this.lead, d.getId(), this.d1);

		eventually(() -> !found(s.contract).isEmpty());
		assertThat(found(s.contract)).containsExactly("HOLDER_INACTIVE " + opD + "|" + this.d2);
	}

	@Test
	void clockSkewInTheFutureAndBackwardsIsFound() {
		Contract contract = this.contracts.register(this.officer, this.fixtures.contractForm(this.contractor, "gunma",
				this.today.minusMonths(3), Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION)));
		LogSource source = this.logs.addSource(this.lead, contract.getId(), "業務端末", LogFormat.CSV, MAPPING, null);
		List<String> lines = List.of(line(this.d1, "10:00:00", "u1", "view", "a", "success"),
				line(this.d1, "11:00:00", "u1", "view", "b", "success"),
				line(this.d1, "10:30:00", "u1", "view", "c", "success"),
				line(this.today.plusDays(2), "10:00:00", "u1", "view", "d", "success"));
		this.logs.ingest(this.lead, contract.getId(), source.id(), "a.csv", csv(lines), false);
		Set<String> rules = this.logFindings.findings(this.lead, contract.getId())
			.stream()
			.map((f) -> f.getRule() + "@" + f.getEvidence().get(0).get("line"))
			.collect(Collectors.toSet());
		assertThat(rules).containsExactlyInAnyOrder("CLOCK_ORDER@4", "CLOCK_FUTURE@5");
	}

	@Test
	void aMalformedBatchWaitsWithItsLinesAndStoresNothingUntilAccepted() {
		Scenario s = scenario();
		List<String> lines = new ArrayList<>(s.cleanLines().subList(0, 3));
		lines.add(1, "2026-13-01T10:00:00+09:00," + s.opA + ",view,x,success,10.0.0.1");
		lines.add(3, "only,three,columns");
		byte[] content = (HEADER + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);

		LogEvidence.Received pending = this.logs.ingest(this.lead, s.contract.getId(), s.source.id(), "bad.csv",
				new ByteArrayInputStream(content), false);

		assertThat(pending.batch().getStatus()).isEqualTo(LogBatch.Status.PENDING);
		assertThat(pending.batch().getMalformed()).extracting(LogBatch.Malformed::line, LogBatch.Malformed::key)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3, "logevidence.malformed.timestamp"),
					org.assertj.core.groups.Tuple.tuple(5, "logevidence.malformed.columns"));
		assertThat(pending.batch().getGoodLines()).isEqualTo(3);
		assertThat(stored(s.contract)).isZero();
		assertThat(this.jdbc.sql("select count(*) from log_batch_month where batch_id = ?")
			.param(pending.batch().getId())
			.query(Long.class)
			.single()).isZero();

		// The same file again is the same batch.
		LogEvidence.Received again = this.logs.ingest(this.lead, s.contract.getId(), s.source.id(), "bad.csv",
				new ByteArrayInputStream(content), false);
		assertThat(again.duplicate()).isTrue();
		assertThat(again.batch().getId()).isEqualTo(pending.batch().getId());
		assertThat(stored(s.contract)).isZero();

		LogEvidence.Received accepted = this.logs.accept(this.lead, pending.batch().getId());
		assertThat(accepted.batch().getStatus()).isEqualTo(LogBatch.Status.ACCEPTED);
		assertThat(stored(s.contract)).isEqualTo(3);
		assertThat(catchThrowable(() -> this.logs.accept(this.lead, pending.batch().getId())))
			.isInstanceOf(InvalidInputProblem.class);

		// Sent once more after acceptance: recognised, not doubled.
		LogEvidence.Received third = this.logs.ingest(this.lead, s.contract.getId(), s.source.id(), "bad.csv",
				new ByteArrayInputStream(content), true);
		assertThat(third.duplicate()).isTrue();
		assertThat(stored(s.contract)).isEqualTo(3);
	}

	@Test
	void theApiPartialFlagKeepsTheGoodLinesAtOnceAndARejectedBatchStoresNothing() {
		Scenario s = scenario();
		List<String> lines = new ArrayList<>(s.cleanLines().subList(0, 4));
		lines.add("garbage");
		LogEvidence.Received partial = upload(s, lines, true);
		assertThat(partial.batch().getStatus()).isEqualTo(LogBatch.Status.ACCEPTED);
		assertThat(partial.batch().getMalformed()).extracting(LogBatch.Malformed::line).containsExactly(6);
		assertThat(stored(s.contract)).isEqualTo(4);

		List<String> other = new ArrayList<>(s.cleanLines().subList(4, 6));
		other.add("garbage");
		LogEvidence.Received pending = upload(s, other, false);
		LogBatch rejected = this.logs.reject(this.lead, pending.batch().getId());
		assertThat(rejected.getStatus()).isEqualTo(LogBatch.Status.REJECTED);
		assertThat(stored(s.contract)).isEqualTo(4);
	}

	@Test
	void aBatchOrFindingNotFoundIsNamedAsSuchInBothLanguages() {
		Scenario s = scenario();
		LogEvidence.Received received = upload(s, s.cleanLines(), false);
		Actor otherLead = this.fixtures
			.actor(this.fixtures.user(this.fixtures.organisation(OrganisationKind.CONTRACTOR), Role.CONTRACTOR_LEAD));
		// A batch that does not exist, and one of a contract the reader is no party to,
		// answer the same words, naming a batch (not "not found" inside "not found").
		for (Throwable thrown : List.of(catchThrowable(() -> this.logs.batch(this.lead, UUID.randomUUID())),
				catchThrowable(() -> this.logs.batch(otherLead, received.batch().getId())))) {
			assertThat(thrown).isInstanceOf(NotFoundProblem.class);
			assertNotFoundNaming((NotFoundProblem) thrown, "ログの取込み（バッチ）", "Log batch");
		}
		Throwable finding = catchThrowable(
				() -> this.logFindings.move(this.officer, UUID.randomUUID(), FindingStep.CLOSE, null));
		assertThat(finding).isInstanceOf(NotFoundProblem.class);
		assertNotFoundNaming((NotFoundProblem) finding, "ログ証跡の指摘事項", "Log finding");
	}

	private void assertNotFoundNaming(NotFoundProblem problem, String japanese, String english) {
		assertThat(this.messages.text(Locale.JAPANESE, problem.getMessageKey(), problem.getArguments()))
			.isEqualTo("お探しのデータは見つからないか、閲覧する権限がありません。");
		assertThat(this.messages.text(Locale.ENGLISH, problem.getMessageKey(), problem.getArguments()))
			.isEqualTo("Not found, or you may not see it.");
		assertThat(problem.getArguments()).singleElement().isInstanceOf(MessageKey.class);
		MessageKey what = (MessageKey) problem.getArguments()[0];
		assertThat(this.messages.text(Locale.JAPANESE, what.key())).isEqualTo(japanese);
		assertThat(this.messages.text(Locale.ENGLISH, what.key())).isEqualTo(english);
	}

	@Test
	void anotherContractorSeesNothingAndTheAuditorOnlyReads() {
		Scenario s = scenario();
		LogEvidence.Received received = upload(s, s.cleanLines(), false);
		Actor otherLead = this.fixtures
			.actor(this.fixtures.user(this.fixtures.organisation(OrganisationKind.CONTRACTOR), Role.CONTRACTOR_LEAD));
		Actor otherOfficer = this.fixtures
			.actor(this.fixtures.user(this.fixtures.organisation(OrganisationKind.CLIENT), Role.CLIENT_OFFICER));
		for (Actor foreign : List.of(otherLead, otherOfficer)) {
			assertThat(catchThrowable(() -> this.logs.overview(foreign, s.contract.getId())))
				.isInstanceOf(NotFoundProblem.class);
			assertThat(catchThrowable(() -> this.logs.batch(foreign, received.batch().getId())))
				.isInstanceOf(NotFoundProblem.class);
			assertThat(catchThrowable(
					() -> this.logExport.export(foreign, s.contract.getId(), this.d1, this.d3, new StringWriter())))
				.isInstanceOf(NotFoundProblem.class);
			assertThat(catchThrowable(() -> this.logs.ingest(foreign, s.contract.getId(), s.source.id(), "x.csv",
					csv(s.cleanLines()), true)))
				.isInstanceOf(NotFoundProblem.class);
		}
		Actor auditor = this.fixtures.actor(this.fixtures.user(this.client, Role.AUDITOR));
		assertThat(this.logs.overview(auditor, s.contract.getId()).batches()).hasSize(1);
		assertThat(catchThrowable(
				() -> this.logs.ingest(auditor, s.contract.getId(), s.source.id(), "x.csv", csv(s.cleanLines()), true)))
			.isInstanceOf(AccessDeniedProblem.class);

		// The client's export of the period (Gunma 9) has every line, and is audited.
		StringWriter out = new StringWriter();
		long count = this.logExport.export(this.officer, s.contract.getId(), this.d1, this.d3, out);
		assertThat(count).isEqualTo(s.cleanLines().size());
		assertThat(out.toString().lines()).hasSize(s.cleanLines().size() + 1);
		assertThat(this.jdbc.sql("select count(*) from audit_entry where action = 'LOG_EXPORTED' and target_id = ?")
			.param(s.contract.getId().toString())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void findingsMoveThroughTheSharedWorkflowWithAReturnedExplanation() {
		Scenario s = scenario();
		List<String> lines = new ArrayList<>(s.cleanLines());
		lines.add(line(this.d1, "11:00:00", s.opA, "search", "住民票コード=1", "success"));
		upload(s, lines, false);
		LogFinding f = finding(s.contract, LogRule.FORBIDDEN_OPERATION);
		assertThat(f.getStatus()).isEqualTo(FindingStatus.OPEN);
		assertThat(catchThrowable(() -> this.logFindings.move(this.officer, f.getId(), FindingStep.CLOSE, null)))
			.isInstanceOf(InvalidInputProblem.class);
		// Acknowledging is the client's step, explaining the contractor's lead's.
		assertThat(catchThrowable(() -> this.logFindings.move(this.lead, f.getId(), FindingStep.ACKNOWLEDGE, null)))
			.isInstanceOf(AccessDeniedProblem.class);
		assertThat(this.logFindings.move(this.officer, f.getId(), FindingStep.ACKNOWLEDGE, null).getStatus())
			.isEqualTo(FindingStatus.ACKNOWLEDGED);
		assertThat(catchThrowable(() -> this.logFindings.move(this.officer, f.getId(), FindingStep.EXPLAIN, "x")))
			.isInstanceOf(AccessDeniedProblem.class);
		this.logFindings.move(this.lead, f.getId(), FindingStep.EXPLAIN, "窓口で住民から住民票コードを示されたため。");
		// The client returns it; a comment is required.
		assertThat(catchThrowable(() -> this.logFindings.move(this.officer, f.getId(), FindingStep.RETURN, "  ")))
			.isInstanceOf(InvalidInputProblem.class)
			.satisfies((e) -> assertThat(((InvalidInputProblem) e).getFieldProblems().get(0).field())
				.isEqualTo("comment"));
		assertThat(catchThrowable(() -> this.logFindings.move(this.lead, f.getId(), FindingStep.RETURN, "x")))
			.isInstanceOf(AccessDeniedProblem.class);
		LogFinding returned = this.logFindings.move(this.officer, f.getId(), FindingStep.RETURN, "再発防止策を書いてください。");
		assertThat(returned.getStatus()).isEqualTo(FindingStatus.RETURNED);
		assertThat(finding(s.contract, LogRule.FORBIDDEN_OPERATION).getReturnComment()).isEqualTo("再発防止策を書いてください。");
		assertThat(catchThrowable(() -> this.logFindings.move(this.officer, f.getId(), FindingStep.CLOSE, null)))
			.isInstanceOf(InvalidInputProblem.class);
		this.logFindings.move(this.lead, f.getId(), FindingStep.EXPLAIN, "窓口で住民から住民票コードを示されたため。再教育済み。");
		LogFinding closed = this.logFindings.move(this.officer, f.getId(), FindingStep.CLOSE, null);
		assertThat(closed.getStatus()).isEqualTo(FindingStatus.CLOSED);
		assertThat(this.jdbc
			.sql("select action from audit_entry where target_id = ? and action like 'LOG_FINDING_%' order by seq")
			.param(f.getId().toString())
			.query(String.class)
			.list()).containsExactly("LOG_FINDING_ACKNOWLEDGE", "LOG_FINDING_EXPLAIN", "LOG_FINDING_RETURN",
					"LOG_FINDING_EXPLAIN", "LOG_FINDING_CLOSE");
		// A re-run keeps a closed finding as it is.
		this.logs.recheck(this.officer, s.contract.getId());
		assertThat(finding(s.contract, LogRule.FORBIDDEN_OPERATION).getStatus()).isEqualTo(FindingStatus.CLOSED);
	}

	// --- the scenario
	// ---------------------------------------------------------------------

	/**
	 * A Kadoma contract: A works the 10th and 11th (off the 12th), B left on the 10th
	 * with her ID still active, C's ID was revoked on the 10th; A entered on the 10th.
	 */
	@Test
	void aStoredBatchLeavesNoBlockRangeOfItsMonthOutsideTheIndex() {
		// PostgreSQL summarises new block ranges of a block-range index only in VACUUM:
		// until then the index returns every page of them, and a finding's evidence read
		// the whole month. Ingestion summarises the months it wrote to. A month no other
		// test writes to, so that nothing else leaves ranges unsummarised.
		Scenario s = scenario();
		YearMonth far = YearMonth.of(2087, 3);
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < 5000; i++) {
			lines.add(far.atDay(1 + i / 500) + "T"
					+ String.format(Locale.ROOT, "%02d:%02d:00", 9 + (i % 500) / 60, (i % 500) % 60) + "+09:00,"
					+ s.opA() + ",view,個人番号=" + (10_000 + i) + ",success,10.0.0.8");
		}
		upload(s, lines, false);
		long pages = this.jdbc.sql("select pg_relation_size('log_line_p208703') / current_setting('block_size')::int")
			.query(Long.class)
			.single();
		assertThat(pages).as("pages of the month's partition: several ranges of 16").isGreaterThan(48);
		assertThat(
				this.jdbc.sql("select itaku_log_partition_summarize(date '2087-03-01')").query(Integer.class).single())
			.as("ranges left to summarise")
			.isZero();
	}

	@Test
	@Timeout(120) // a writer left holding the connection would make the rollback wait for
					// ever
	void aBatchWhoseStreamBreaksMidwayStoresNothingAndTheNextIsStored() {
		// Lines are sent to the server by the COPY's writer thread while the file is
		// still
		// read: when the reading fails after chunks went out, the COPY is abandoned, the
		// transaction rolls back, and the connection serves the next batch.
		Scenario s = scenario();
		YearMonth far = YearMonth.of(2088, 5);
		StringBuilder csv = new StringBuilder(HEADER);
		for (int i = 0; i < 8000; i++) {
			YearMonth month = far.plusMonths(i / 4000);
			csv.append(month.atDay(1 + (i % 4000) / 200))
				.append(String.format(Locale.ROOT, "T%02d:%02d:00+09:00,", 9 + (i % 200) / 60, (i % 200) % 60))
				.append(s.opA())
				.append(",view,個人番号=")
				.append(20_000 + i)
				.append(",success,10.0.0.8\n");
		}
		byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
		int cut = bytes.length * 9 / 10;
		InputStream breaking = new SequenceInputStream(new ByteArrayInputStream(bytes, 0, cut), new InputStream() {
			@Override
			public int read() throws IOException {
				throw new IOException("the connection to the uploader was lost");
			}
		});
		assertThat(catchThrowable(() -> this.logs.ingest(this.lead, s.contract().getId(), s.source().id(), "broken.csv",
				breaking, false)))
			.isInstanceOf(UncheckedIOException.class);
		assertThat(stored(s.contract())).isZero();
		assertThat(this.jdbc.sql("select count(*) from log_batch where contract_id = ?")
			.param(s.contract().getId())
			.query(Long.class)
			.single()).isZero();

		LogEvidence.Received received = this.logs.ingest(this.lead, s.contract().getId(), s.source().id(), "whole.csv",
				new ByteArrayInputStream(bytes), false);
		assertThat(received.batch().getGoodLines()).isEqualTo(8000);
		assertThat(stored(s.contract())).isEqualTo(8000);
	}

	@Test
	void theExportNeutralisesFormulasTheContractorsLinesCarry() {
		Scenario s = scenario();
		String day = YearMonth.from(s.contract().getPeriodStart()).plusMonths(2).atDay(10).toString();
		List<String> lines = List.of(
				day + "T09:30:00+09:00," + s.opA()
						+ ",view,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",success,10.0.0.8",
				day + "T09:31:00+09:00," + s.opA() + ",view,+cmd|' /C calc'!A0,success,10.0.0.8",
				day + "T09:32:00+09:00," + s.opA() + ",view,@SUM(1),-1,10.0.0.8");
		upload(s, lines, false);
		StringWriter out = new StringWriter();
		this.logExport.export(this.officer, s.contract().getId(), this.d1, this.d3, out);
		List<String> rows = out.toString().lines().skip(1).toList();
		assertThat(rows).hasSize(3);
		assertThat(rows.get(0)).contains(",\"'=HYPERLINK(").doesNotContain(",=HYPERLINK");
		assertThat(rows.get(1)).contains(",'+cmd|' /C calc'!A0,").doesNotContain(",+cmd");
		assertThat(rows.get(2)).contains(",'@SUM(1),'-1,");
	}

	private Scenario scenario() {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		ContractForm form = this.fixtures.contractForm(this.contractor, "kadoma", this.today.minusMonths(3),
				Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION, ContractAttribute.WORKS_AT_CLIENT_SITE));
		Contract contract = this.contracts.register(this.officer, form);
		RosterMember a = activeWorker(contract, "守口 一郎");
		RosterMember b = activeWorker(contract, "寝屋川 花子");
		RosterMember c = activeWorker(contract, "枚方 三郎");
		String opA = "OP-A-" + tag;
		String opB = "OP-B-" + tag;
		String opC = "OP-C-" + tag;
		LocalDate issued = this.month.atDay(1);
		issue(contract, a, opA, issued);
		issue(contract, b, opB, issued);
		ClientIssuedId idC = issue(contract, c, opC, issued);
		this.ids.revoke(this.officer, idC.getId(), this.d1, "異動");
		Scenario s = new Scenario(tag, contract, null, a, opA, opB, opC);
		schedule(s,
				List.of(ScheduleLine.grid(a.getId(), this.d1, "日勤"), ScheduleLine.grid(a.getId(), this.d2, "日勤"),
						ScheduleLine.grid(a.getId(), this.d3, "休"), ScheduleLine.grid(b.getId(), this.d1, "日勤"),
						ScheduleLine.grid(c.getId(), this.d1, "日勤"), ScheduleLine.grid(c.getId(), this.d2, "日勤")));
		this.rosters.leave(this.lead, b.getId(), this.d1);
		this.entryLog.record(this.lead, contract.getId(), entry(a.getName(), this.d1), EntryLogEntry.Source.FORM);
		this.logs.saveSettings(this.officer, contract.getId(), new LogSettings(3, "search:住民票コード\nexport_all",
				LocalTime.of(7, 0), LocalTime.of(21, 0), 50, 5, 10, 300, true));
		LogSource source = this.logs.addSource(this.lead, contract.getId(), "住基端末", LogFormat.CSV, MAPPING, null);
		return new Scenario(tag, contract, source, a, opA, opB, opC);
	}

	private void schedule(Scenario s, List<ScheduleLine> cells) {
		this.schedules.save(this.lead, s.contract.getId(), this.month, cells, WorkSchedule.Source.GRID);
	}

	private EntryForm entry(String name, LocalDate day) {
		EntryForm form = new EntryForm();
		form.setName(name);
		form.setAffiliation("窓口運営課");
		form.setPurpose("窓口業務");
		form.setArea("本館1階");
		form.setEnteredAt(day.atTime(8, 50));
		form.setLeftAt(day.atTime(18, 0));
		return form;
	}

	private RosterMember activeWorker(Contract contract, String name) {
		RosterMemberForm form = new RosterMemberForm();
		form.setName(name);
		form.setAffiliation("窓口運営課");
		form.setRole(WorkerRole.WORKER);
		form.setPeriodStart(this.today.minusMonths(3));
		RosterMember member = this.rosters.add(this.lead, contract.getId(), form);
		return this.rosters.activate(this.lead, member.getId(), "試験のため");
	}

	private ClientIssuedId issue(Contract contract, RosterMember member, String value, LocalDate on) {
		IssueIdForm form = new IssueIdForm();
		form.setMemberId(member.getId());
		form.setKind(IdKind.VERIFICATION);
		form.setValue(value);
		form.setSystemName("住民記録システム");
		form.setIssuedOn(on);
		return this.ids.issue(this.officer, contract.getId(), form);
	}

	private LogEvidence.Received upload(Scenario s, List<String> lines, boolean partial) {
		return this.logs.ingest(this.lead, s.contract.getId(), s.source.id(), "access.csv", csv(lines), partial);
	}

	private static ByteArrayInputStream csv(List<String> lines) {
		return new ByteArrayInputStream((HEADER + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
	}

	private static String line(LocalDate day, String time, String user, String action, String target, String result) {
		return day + "T" + time + "+09:00," + user + "," + action + "," + target + "," + result + ",10.0.0.8";
	}

	private Set<String> found(Contract contract) {
		return this.logFindings.findings(this.officer, contract.getId())
			.stream()
			.map((f) -> f.getRule() + " " + f.getSubject())
			.collect(Collectors.toSet());
	}

	private LogFinding finding(Contract contract, LogRule rule) {
		return this.logFindings.findings(this.officer, contract.getId())
			.stream()
			.filter((f) -> f.getRule() == rule)
			.findFirst()
			.orElseThrow();
	}

	private long stored(Contract contract) {
		return this.jdbc.sql("select count(*) from log_line where contract_id = ?")
			.param(contract.getId())
			.query(Long.class)
			.single();
	}

	private record Scenario(String tag, Contract contract, LogSource source, RosterMember a, String opA, String opB,
			String opC) {

		/** A's ordinary day on the 10th: ten views between 9:30 and 16:30. */
		List<String> cleanLines() {
			List<String> lines = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				lines.add(day10() + "T" + String.format("%02d:%02d:00", 9 + (i * 45 + 30) / 60, (i * 45 + 30) % 60)
						+ "+09:00," + this.opA + ",view,個人番号=" + (1000 + i) + ",success,10.0.0.8");
			}
			return lines;
		}

		private String day10() {
			return YearMonth.from(this.contract.getPeriodStart()).plusMonths(2).atDay(10).toString();
		}

	}

}
