package jp.itaku.logevidence;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jp.itaku.ItakuApplication;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.clientid.ClientIds;
import jp.itaku.clientid.ClientIssuedId;
import jp.itaku.clientid.IdKind;
import jp.itaku.clientid.IssueIdForm;
import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.document.DocumentStore;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.platform.Terminal;
import jp.itaku.roster.RosterMember;
import jp.itaku.roster.RosterMemberForm;
import jp.itaku.roster.Rosters;
import jp.itaku.roster.WorkerRole;
import jp.itaku.support.Fixtures;
import jp.itaku.worksite.EntryForm;
import jp.itaku.worksite.EntryLog;
import jp.itaku.worksite.EntryLogEntry;
import jp.itaku.worksite.ScheduleLine;
import jp.itaku.worksite.WorkSchedule;
import jp.itaku.worksite.WorkSchedules;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark of log ingestion with every check (its own command:
 * {@code mvn -Pbench-logs -DskipTests verify}, {@code -Dbench.lines=N}, default
 * 1,000,000): a Kadoma contract with 200 workers, their IDs and a year of work schedules;
 * a generated CSV log of N lines over that year in time order, with three injected
 * violations of each rule. In one run on one embedded PostgreSQL: COPY of the file into
 * an equivalent plain table (without and with the same index), then ingestion through
 * {@link LogEvidence} (parse, COPY into the partitions, all checks), then the re-run of
 * what a roster change that concerns one person makes the checks re-run (incremental),
 * against the full re-check of all lines. Prints lines/s, the ratio to bare COPY, the
 * findings against the injected set, the re-run times and their ratio, and memory.
 */
public final class LogEvidenceBenchmark {

	private static final int WORKERS = 200;

	private static final int INJECTED = 3;

	private LogEvidenceBenchmark() {
	}

	/**
	 * Runs the benchmark.
	 * @param args ignored
	 * @throws Exception when it cannot run
	 */
	public static void main(String[] args) throws Exception {
		long lines = Long.getLong("bench.lines", 1_000_000L);
		Path keys = Files.createTempDirectory("itaku-bench-keys");
		Path spool = Files.createTempDirectory("itaku-bench-spool");
		HeapPeak heap = new HeapPeak();
		heap.start();
		SpringApplication application = new SpringApplication(ItakuApplication.class);
		try (ConfigurableApplicationContext context = application.run("--itaku.database.embedded.ephemeral=true",
				"--itaku.crypto.keyset-file=" + keys.resolve("k.json"), "--logging.level.root=WARN", "--server.port=-1",
				"--logging.structured.format.console=", "--spring.main.banner-mode=off",
				"--itaku.reminders.enabled=false", "--itaku.logs.spool-dir=" + spool)) {
			Terminal terminal = context.getBean(Terminal.class);
			Fixtures fixtures = context.getAutowireCapableBeanFactory().createBean(Fixtures.class);
			Setup setup = new Setup(context, fixtures);
			long t0 = System.nanoTime();
			setup.build();
			report(terminal, "setup (200 workers, IDs, 12 monthly schedules)",
					String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - t0) / 1e9));
			Path file = Files.createTempFile("itaku-bench-log", ".csv");
			Set<String> expected = setup.generate(file, lines);
			long size = Files.size(file);
			long total = Files.lines(file).count() - 1;
			report(terminal, "log file", String.format(Locale.ROOT, "%,d lines, %,d bytes", total, size));

			JdbcClient jdbc = context.getBean(JdbcClient.class);
			// The baseline's tables are made by the schema's owner: the application's
			// role
			// creates none.
			DataSource owner = context.getBean(Flyway.class).getConfiguration().getDataSource();
			JdbcClient ownerJdbc = JdbcClient.create(owner);
			// The better of two runs: the baseline is not flattered by a cold cache.
			double bare = Math.min(copyPlain(ownerJdbc, owner, file, false), copyPlain(ownerJdbc, owner, file, false));
			double indexed = copyPlain(ownerJdbc, owner, file, true);
			report(terminal, "bare COPY into a plain table (no index, better of two runs)", rate(total, bare));
			report(terminal, "COPY into a plain table with the same index", rate(total, indexed));

			// Reading and parsing alone, before the ingestion: a figure to compare with,
			// and
			// the ingestion then runs with its parser compiled, as on a server that has
			// received batches before (the bare COPY is the better of two runs likewise).
			long parseStart = System.nanoTime();
			try (InputStream in = Files.newInputStream(file)) {
				Ingestion.read(in,
						LineParser.of(LogFormat.CSV, setup.source.mapping(), ItakuTime.ZONE,
								tools.jackson.databind.json.JsonMapper.builder().build()),
						null, null, java.time.Instant.now(), 300, LogChecks.candidates(LogSettings.DEFAULTS));
			}
			double parse = (System.nanoTime() - parseStart) / 1e9;
			report(terminal, "reading and parsing alone (no database; before the ingestion, which it warms up)",
					rate(total, parse));

			LogEvidence logs = context.getBean(LogEvidence.class);
			long start = System.nanoTime();
			LogEvidence.Received received;
			try (InputStream in = Files.newInputStream(file)) {
				received = logs.ingest(setup.lead, setup.contract.getId(), setup.source.id(), "bench.csv", in, false);
			}
			double ingest = (System.nanoTime() - start) / 1e9;
			report(terminal, "ingestion with all checks (parse, COPY into partitions, checks, audit)",
					rate(total, ingest));
			long[] timing = LogEvidence.LAST_TIMING.get();
			report(terminal, "  of which reading, parsing and COPY into partitions",
					String.format(Locale.ROOT, "%.2f s, %,.0f lines/s", timing[0] / 1e3, total / (timing[0] / 1e3)));
			long[] phases = LogChecks.PHASES.get();
			report(terminal, "  of which the checks",
					String.format(Locale.ROOT, "%.2f s (facts %.2f s, aggregates %.2f s, rules %.2f s)",
							timing[1] / 1e3, phases[0] / 1e3, phases[1] / 1e3, phases[2] / 1e3));
			report(terminal, "ingestion / bare COPY throughput",
					String.format(Locale.ROOT, "%.0f %%", 100 * bare / ingest));
			report(terminal, "ingestion / COPY with the same index",
					String.format(Locale.ROOT, "%.0f %%", 100 * indexed / ingest));
			report(terminal, "batch", received.batch().getStatus() + ", " + received.batch().getGoodLines()
					+ " stored, " + received.batch().getMalformedLines() + " malformed");

			Set<String> found = found(jdbc, setup.contract.getId());
			report(terminal, "injected violations", expected.size());
			Set<String> missed = new TreeSet<>(expected);
			missed.removeAll(found);
			Set<String> extra = new TreeSet<>(found);
			extra.removeAll(expected);
			report(terminal, "findings",
					found.size() + " (missed: " + missed.size() + ", false: " + extra.size() + ")");
			missed.forEach((m) -> report(terminal, "  missed", m));
			extra.stream().limit(20).forEach((m) -> report(terminal, "  false", m));

			// A roster change that concerns one person: a worker with an ID and lines
			// leaves a month before the end of the log. After the commit the listener
			// re-checks that person's lines and days on its background thread (from the
			// per-user-day aggregates); its time is the re-run's, commit included. Then
			// the full re-check of all lines, the baseline, in the same run: both must
			// give the same findings.
			int leaver = WORKERS / 2;
			PeopleChanges.LAST_MILLIS.set(-1);
			long changeStart = System.nanoTime();
			setup.rosters.leave(setup.lead, setup.members.get(leaver).getId(), setup.last.atDay(1));
			double change = (System.nanoTime() - changeStart) / 1e9;
			long deadline = System.nanoTime() + 120_000_000_000L;
			while (PeopleChanges.LAST_MILLIS.get() < 0 && System.nanoTime() < deadline) {
				Thread.sleep(5);
			}
			double incremental = PeopleChanges.LAST_MILLIS.get() / 1e3;
			Set<String> afterIncremental = found(jdbc, setup.contract.getId());
			long recheckStart = System.nanoTime();
			CheckOutcome outcome = logs.recheck(setup.officer, setup.contract.getId());
			double recheck = (System.nanoTime() - recheckStart) / 1e9;
			report(terminal, "roster change (the user waits this long)", String.format(Locale.ROOT, "%.2f s", change));
			report(terminal, "re-run after a roster change that concerns one person (background, incremental)",
					String.format(Locale.ROOT, "%.2f s", incremental));
			report(terminal, "re-run of all checks over all lines (full re-check)",
					String.format(Locale.ROOT, "%.1f s (%s)", recheck, outcome));
			report(terminal, "incremental re-run / full re-check", String.format(Locale.ROOT, "%.1f %% (%.0fx faster)",
					100 * incremental / recheck, recheck / incremental));
			Set<String> afterFull = found(jdbc, setup.contract.getId());
			report(terminal, "findings after the incremental re-run",
					(afterFull.equals(afterIncremental) ? "equal to the full re-check's"
							: "DIFFERENT from the full re-check's") + " (" + (afterFull.size() - found.size())
							+ " more than before the change)");
			long tableBytes = jdbc.sql("select coalesce(sum(pg_total_relation_size(c.oid)), 0) from pg_inherits i"
					+ " join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent where p.relname = 'log_line'")
				.query(Long.class)
				.single();
			report(terminal, "log_line partitions on disk (with index)",
					String.format(Locale.ROOT, "%,d MB", tableBytes >> 20));
			// A batch that waits for a decision is kept in the document store (any node
			// decides it): what that copy costs on top of the ingestion, with the store
			// configured (the file system here).
			DocumentStore store = context.getBean(DocumentStore.class);
			long keepStart = System.nanoTime();
			try (InputStream in = Files.newInputStream(file)) {
				store.putObject("log-spool/bench-" + java.util.UUID.randomUUID(), in, Long.MAX_VALUE);
			}
			double keep = (System.nanoTime() - keepStart) / 1e9;
			report(terminal, "keeping a waiting batch in the document store (" + store.getClass().getSimpleName() + ")",
					String.format(Locale.ROOT, "%.2f s, %,.0f MB/s (%.0f %% of the ingestion's time)", keep,
							size / 1e6 / keep, 100 * keep / ingest));
			store.listObjects("log-spool/").forEach((kept) -> store.deleteObject(kept.name()));
			report(terminal, "JVM heap peak (sampled)", String.format(Locale.ROOT, "%,d MB of %,d MB max",
					heap.peak() >> 20, Runtime.getRuntime().maxMemory() >> 20));
			Files.deleteIfExists(file);
		}
		finally {
			heap.interrupt();
		}
	}

	private static double copyPlain(JdbcClient jdbc, DataSource dataSource, Path file, boolean index) throws Exception {
		String table = index ? "bench_plain_indexed" : "bench_plain";
		jdbc.sql("drop table if exists " + table).update();
		jdbc.sql("create table " + table
				+ " (occurred_at timestamptz not null, user_ref varchar(200), action varchar(200),"
				+ " target text, result varchar(100), client_address varchar(100))")
			.update();
		if (index) {
			jdbc.sql("create index on " + table + " using brin (occurred_at) with (pages_per_range = 16)").update();
		}
		long start = System.nanoTime();
		try (Connection connection = dataSource.getConnection();
				Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy " + table + " from stdin with (format csv, header true)", reader);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		jdbc.sql("drop table " + table).update();
		return seconds;
	}

	private static Set<String> found(JdbcClient jdbc, UUID contractId) {
		return new HashSet<>(jdbc
			.sql("select rule || ' ' || case when rule like 'CLOCK%' then 'batch' else subject end"
					+ " from log_finding where contract_id = ?")
			.param(contractId)
			.query(String.class)
			.list());
	}

	private static String rate(long lines, double seconds) {
		return String.format(Locale.ROOT, "%.1f s, %,.0f lines/s", seconds, lines / seconds);
	}

	private static void report(Terminal terminal, String what, Object value) {
		terminal.line("log-evidence benchmark | " + what + ": " + value);
	}

	/** The contract, its people and the generated log. */
	private static final class Setup {

		final Contracts contracts;

		final Rosters rosters;

		final ClientIds ids;

		final WorkSchedules schedules;

		final EntryLog entryLog;

		final LogEvidence logs;

		final Fixtures fixtures;

		final LocalDate today;

		Actor officer;

		Actor lead;

		Contract contract;

		LogSource source;

		final List<RosterMember> members = new ArrayList<>();

		final List<String> idOf = new ArrayList<>();

		YearMonth first;

		YearMonth last;

		Setup(ConfigurableApplicationContext context, Fixtures fixtures) {
			this.contracts = context.getBean(Contracts.class);
			this.rosters = context.getBean(Rosters.class);
			this.ids = context.getBean(ClientIds.class);
			this.schedules = context.getBean(WorkSchedules.class);
			this.entryLog = context.getBean(EntryLog.class);
			this.logs = context.getBean(LogEvidence.class);
			this.fixtures = fixtures;
			this.today = ItakuTime.today(context.getBean(java.time.Clock.class));
		}

		/**
		 * Who works which day: weekdays, each worker off one weekday in five (by number).
		 */
		boolean works(int worker, LocalDate day) {
			int dow = day.getDayOfWeek().getValue();
			return dow <= 5 && (worker + day.getDayOfYear()) % 5 != 0 && !leftBefore(worker, day);
		}

		/** Workers 0..2 left on the 15th of the sixth month. */
		LocalDate lastDayOf(int worker) {
			return (worker < INJECTED) ? this.first.plusMonths(5).atDay(15) : null;
		}

		boolean leftBefore(int worker, LocalDate day) {
			LocalDate lastDay = lastDayOf(worker);
			return lastDay != null && day.isAfter(lastDay);
		}

		void build() {
			Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
			Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
			this.officer = this.fixtures.actor(this.fixtures.user(client, Role.CLIENT_OFFICER));
			this.lead = this.fixtures.actor(this.fixtures.user(contractor, Role.CONTRACTOR_LEAD));
			this.first = YearMonth.from(this.today).minusMonths(12);
			this.last = YearMonth.from(this.today).minusMonths(1);
			this.contract = this.contracts.register(this.officer, this.fixtures.contractForm(contractor, "kadoma",
					this.first.atDay(1), Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION)));
			for (int w = 0; w < WORKERS; w++) {
				RosterMember member = worker(String.format("従事者 %03d", w));
				this.members.add(member);
				String value = String.format("W%04d", w);
				this.idOf.add(value);
				issue(member, value);
			}
			// Workers 3..5 hold a second ID, revoked on the 1st of the fourth month.
			for (int w = INJECTED; w < 2 * INJECTED; w++) {
				ClientIssuedId second = issue(this.members.get(w), String.format("R%04d", w));
				this.ids.revoke(this.officer, second.getId(), this.first.plusMonths(3).atDay(1), "ベンチ");
			}
			for (int w = 0; w < INJECTED; w++) {
				this.rosters.leave(this.lead, this.members.get(w).getId(), lastDayOf(w));
			}
			for (YearMonth month = this.first; !month.isAfter(this.last); month = month.plusMonths(1)) {
				List<ScheduleLine> cells = new ArrayList<>();
				for (int w = 0; w < WORKERS; w++) {
					for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
						if (works(w, day)) {
							cells.add(ScheduleLine.grid(this.members.get(w).getId(), day, "日勤"));
						}
					}
				}
				this.schedules.save(this.lead, this.contract.getId(), month, cells, WorkSchedule.Source.GRID);
			}
			this.logs.saveSettings(this.officer, this.contract.getId(), new LogSettings(12, "search:住民票コード",
					LocalTime.of(7, 0), LocalTime.of(22, 0), 500, 5, 10, 300, false));
			this.source = this.logs.addSource(this.lead, this.contract.getId(), "住基端末", LogFormat.CSV,
					new LogMapping("time", "user", "action", "target", "result", "ip", List.of()), null);
		}

		RosterMember worker(String name) {
			RosterMemberForm form = new RosterMemberForm();
			form.setName(name);
			form.setAffiliation("窓口運営課");
			form.setRole(WorkerRole.WORKER);
			form.setPeriodStart(this.first.atDay(1));
			RosterMember member = this.rosters.add(this.lead, this.contract.getId(), form);
			return this.rosters.activate(this.lead, member.getId(), "ベンチ");
		}

		ClientIssuedId issue(RosterMember member, String value) {
			IssueIdForm form = new IssueIdForm();
			form.setMemberId(member.getId());
			form.setKind(IdKind.VERIFICATION);
			form.setValue(value);
			form.setSystemName("住民記録システム");
			form.setIssuedOn(this.first.atDay(1));
			return this.ids.issue(this.officer, this.contract.getId(), form);
		}

		/**
		 * Writes the log: every working worker-day gets lines between 9:00 and 17:30 in
		 * time order; the injected violations are added where they belong. Returns the
		 * findings they must give, as "RULE subject".
		 */
		Set<String> generate(Path file, long lines) throws IOException {
			Random random = new Random(42);
			List<LocalDate> days = new ArrayList<>();
			long workerDays = 0;
			for (LocalDate d = this.first.atDay(1); !d.isAfter(this.last.atEndOfMonth()); d = d.plusDays(1)) {
				days.add(d);
				for (int w = 0; w < WORKERS; w++) {
					workerDays += works(w, d) ? 1 : 0;
				}
			}
			int perWorkerDay = (int) Math.max(1, lines / workerDays);
			Set<String> expected = new TreeSet<>();
			// Injection days: spread over the year, all working days of worker 10..
			List<LocalDate> working = days.stream().filter((d) -> d.getDayOfWeek().getValue() <= 5).toList();
			List<Injection> injections = new ArrayList<>();
			for (int i = 0; i < INJECTED; i++) {
				LocalDate a = working.get(working.size() * (i + 1) / (INJECTED + 2));
				int w = 10 + i;
				LocalDate worked = nextWorked(w, a);
				injections.add(new Injection(worked, LocalTime.of(10, 7), "X" + i, "view", "個人番号=1", "success"));
				expected.add("ID_UNKNOWN X" + i + "|" + worked);
				LocalDate afterRevocation = nextWorked(INJECTED + i, this.first.plusMonths(4).atDay(3 + i));
				injections.add(new Injection(afterRevocation, LocalTime.of(11, 7), String.format("R%04d", INJECTED + i),
						"view", "個人番号=2", "success"));
				expected.add("ID_REVOKED " + String.format("R%04d", INJECTED + i) + "|" + afterRevocation);
				LocalDate afterLeaving = lastDayOf(i).plusDays(10 + i);
				injections.add(new Injection(afterLeaving, LocalTime.of(10, 17), this.idOf.get(i), "view", "個人番号=3",
						"success"));
				expected.add("HOLDER_INACTIVE " + this.idOf.get(i) + "|" + afterLeaving);
				LocalDate off = nextOff(20 + i, working.get(working.size() * (i + 1) / (INJECTED + 1)));
				injections
					.add(new Injection(off, LocalTime.of(10, 27), this.idOf.get(20 + i), "view", "個人番号=4", "success"));
				expected.add("NOT_SCHEDULED " + this.idOf.get(20 + i) + "|" + off);
				LocalDate late = nextWorked(30 + i, working.get(working.size() * (i + 1) / (INJECTED + 3)));
				injections
					.add(new Injection(late, LocalTime.of(21, 30), this.idOf.get(30 + i), "view", "個人番号=5", "success"));
				expected.add("OUTSIDE_HOURS " + this.idOf.get(30 + i) + "|" + late);
				LocalDate search = nextWorked(40 + i, working.get(working.size() * (i + 2) / (INJECTED + 4)));
				injections.add(new Injection(search, LocalTime.of(14, 7), this.idOf.get(40 + i), "search",
						"住民票コード=1234567890" + i, "success"));
				expected.add("FORBIDDEN_OPERATION " + this.idOf.get(40 + i) + "|" + search + "|search:住民票コード");
				LocalDate bulk = nextWorked(50 + i, working.get(working.size() * (2 * i + 1) / (2 * INJECTED + 2)));
				for (int k = 0; k < 600; k++) {
					injections.add(new Injection(bulk, LocalTime.of(15, 0).plusSeconds(k * 5), this.idOf.get(50 + i),
							"view", "個人番号=" + k, "success"));
				}
				expected.add("BULK_ACCESS " + this.idOf.get(50 + i) + "|" + bulk + "T15");
				LocalDate burst = nextWorked(60 + i, working.get(working.size() * (2 * i + 1) / (2 * INJECTED + 3)));
				for (int k = 0; k < 8; k++) {
					injections.add(new Injection(burst, LocalTime.of(13, 1).plusSeconds(k * 20), this.idOf.get(60 + i),
							"login", "", "failure"));
				}
				expected.add("FAILED_LOGIN_BURST " + this.idOf.get(60 + i) + "|" + burst + "T13:00");
				LocalDate unscheduledEntry = nextOff(70 + i, working.get(working.size() * (i + 1) / (INJECTED + 5)));
				EntryForm entry = new EntryForm();
				RosterMember member = this.members.get(70 + i);
				entry.setName(member.getName());
				entry.setAffiliation("窓口運営課");
				entry.setPurpose("書類の受取");
				entry.setEnteredAt(unscheduledEntry.atTime(10, 0));
				entry.setLeftAt(unscheduledEntry.atTime(10, 20));
				this.entryLog.record(this.lead, this.contract.getId(), entry, EntryLogEntry.Source.FORM);
				expected.add("ENTRY_WITHOUT_SCHEDULE " + member.getId() + "|" + unscheduledEntry);
				// Going back an hour: a line at 12:00 written after the day's 14:00
				// lines.
				LocalDate back = nextWorked(80 + i, working.get(working.size() * (i + 1) / (INJECTED + 6)));
				injections.add(new Injection(back, LocalTime.of(14, 59, 59), this.idOf.get(80 + i), "view", "戻り=" + i,
						"success")
					.backTo(LocalTime.of(12, 0)));
			}
			expected.add("CLOCK_ORDER batch");
			expected.add("CLOCK_FUTURE batch");
			AtomicLong written = new AtomicLong();
			try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
				out.write("time,user,action,target,result,ip\n");
				List<String[]> day = new ArrayList<>();
				for (LocalDate d : days) {
					day.clear();
					for (int w = 0; w < WORKERS; w++) {
						if (!works(w, d)) {
							continue;
						}
						int n = perWorkerDay + random.nextInt(3) - 1;
						for (int k = 0; k < n; k++) {
							int second = 9 * 3600 + random.nextInt(8 * 3600 + 1800);
							String target = "個人番号=" + (100000000 + random.nextInt(900000000));
							String action = (k == 0) ? "login" : (random.nextInt(10) == 0 ? "update" : "view");
							String result = (k == 0 && random.nextInt(50) == 0) ? "failure" : "success";
							day.add(new String[] { LocalTime.ofSecondOfDay(second).toString(), this.idOf.get(w), action,
									target, result, "10.1." + (w / 250) + "." + (w % 250) });
						}
					}
					List<String[]> backs = new ArrayList<>();
					for (Injection injection : injections) {
						if (injection.day().equals(d)) {
							String[] row = { injection.time().toString(), injection.user(), injection.action(),
									injection.target(), injection.result(), "10.9.9.9", null };
							if (injection.back() != null) {
								row[6] = injection.back().toString();
								backs.add(row);
							}
							else {
								day.add(row);
							}
						}
					}
					day.sort((x, y) -> x[0].compareTo(y[0]));
					for (String[] row : day) {
						write(out, d, row[0], row);
						written.incrementAndGet();
						for (String[] b : backs) {
							if (row[0].compareTo(b[0]) >= 0 && b[6] != null) {
								write(out, d, b[6], b);
								b[6] = null;
								written.incrementAndGet();
							}
						}
					}
				}
				// Three lines stamped in the future (a clock running ahead).
				LocalDate future = this.today.plusDays(3);
				for (int i = 0; i < INJECTED; i++) {
					write(out, future, LocalTime.of(12, i).toString() + ":00",
							new String[] { null, this.idOf.get(100 + i), "view", "個人番号=9", "success", "10.9.9.8" });
				}
			}
			return expected;
		}

		private static void write(BufferedWriter out, LocalDate day, String time, String[] row) throws IOException {
			String t = (time.length() == 5) ? time + ":00" : time;
			out.write(day + "T" + t + "+09:00," + row[1] + "," + row[2] + "," + row[3] + "," + row[4] + "," + row[5]
					+ "\n");
		}

		private LocalDate nextWorked(int worker, LocalDate from) {
			LocalDate d = from;
			while (!works(worker, d)) {
				d = d.plusDays(1);
			}
			return d;
		}

		private LocalDate nextOff(int worker, LocalDate from) {
			LocalDate d = from;
			while (works(worker, d) || d.getDayOfWeek().getValue() > 5) {
				d = d.plusDays(1);
			}
			return d;
		}

	}

	private record Injection(LocalDate day, LocalTime time, String user, String action, String target, String result,
			LocalTime back) {

		Injection(LocalDate day, LocalTime time, String user, String action, String target, String result) {
			this(day, time, user, action, target, result, null);
		}

		Injection backTo(LocalTime earlier) {
			return new Injection(this.day, this.time, this.user, this.action, this.target, this.result, earlier);
		}

	}

	/** Samples the heap in use every 50 ms and keeps the highest. */
	private static final class HeapPeak extends Thread {

		private volatile long peak;

		HeapPeak() {
			setDaemon(true);
		}

		@Override
		public void run() {
			while (!isInterrupted()) {
				long used = 0;
				for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
					if (pool.getType() == MemoryType.HEAP) {
						used += pool.getUsage().getUsed();
					}
				}
				this.peak = Math.max(this.peak, used);
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}

		long peak() {
			return this.peak;
		}

	}

}
