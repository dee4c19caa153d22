package jp.itaku.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import jp.itaku.ItakuApplication;
import jp.itaku.account.ApiTokens;
import jp.itaku.account.SignIn;
import jp.itaku.account.UserAccount;
import jp.itaku.account.UserAccounts;
import jp.itaku.account.UserForm;
import jp.itaku.catalog.ClauseCatalog;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.contract.ContractForm;
import jp.itaku.contract.Contracts;
import jp.itaku.organisation.Organisation;
import jp.itaku.organisation.OrganisationForm;
import jp.itaku.organisation.Organisations;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ActorPrincipal;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.platform.Terminal;
import org.flywaydb.core.Flyway;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The server under load for the dashboard benchmark: the whole application on a free
 * loopback port with a fresh embedded PostgreSQL, grown in steps to each size measured
 * (1,000 and 10,000 contracts by default, each with its planned obligations, and 200
 * submissions per contract).
 * <p>
 * The first {@value #TEMPLATES} contracts are registered through the application (which
 * plans their obligations); the others are copies of them made in SQL, a statement per
 * table (the contract, its attributes and service-level targets, its obligations with new
 * ids), so that 10,000 contracts take minutes rather than hours. A copy has the same
 * terms and obligations as its template, only its number, title and department differ; it
 * has no registration entry in the audit trail. The submissions are inserted in one
 * statement per step.
 */
final class BenchServer implements AutoCloseable {

	static final String USERNAME = "bench-officer";

	static final String PASSWORD = "Bench-Kumo-Sakana-2026";

	/**
	 * Contracts registered through the application: every combination of the 20
	 * contractors and the two lengths (one in six runs three years).
	 */
	static final int TEMPLATES = 60;

	private static final int SUBMISSIONS_PER_CONTRACT = Integer.getInteger("bench.submissions-per-contract", 200);

	private final ConfigurableApplicationContext context;

	private final int port;

	private final List<String> contractIds = new CopyOnWriteArrayList<>();

	private final List<String> templateIds = new ArrayList<>();

	private final Deque<String> seeded = new ArrayDeque<>();

	private @Nullable UUID officerId;

	private @Nullable UUID leadId;

	private @Nullable UUID clientId;

	private final List<UUID> contractorIds = new ArrayList<>();

	private BenchServer(ConfigurableApplicationContext context, int port) {
		this.context = context;
		this.port = port;
	}

	/**
	 * The sizes to measure, from {@code bench.contracts} (comma-separated).
	 * @return the numbers of contracts, ascending
	 */
	static List<Integer> sizes() {
		return Arrays.stream(System.getProperty("bench.contracts", "1000,10000").split(","))
			.map(String::strip)
			.map(Integer::valueOf)
			.sorted()
			.distinct()
			.toList();
	}

	static BenchServer start() {
		return start(new String[0]);
	}

	/**
	 * Starts the server with more settings than the benchmarks' common ones.
	 * @param settings Spring Boot arguments ({@code --name=value}), after the common ones
	 * @return the server
	 */
	static BenchServer start(String... settings) {
		try {
			int port;
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			Path work = Files.createTempDirectory("itaku-bench");
			List<String> arguments = new ArrayList<>(List.of("--server.port=" + port, "--server.address=127.0.0.1",
					"--itaku.database.embedded.ephemeral=true",
					"--itaku.crypto.keyset-file=" + work.resolve("keys.json"),
					"--itaku.documents.dir=" + work.resolve("documents"), "--itaku.security.totp.required-roles=",
					"--itaku.reminders.enabled=false", "--logging.level.root=WARN",
					"--logging.structured.format.console=", "--spring.main.banner-mode=off"));
			arguments.addAll(List.of(settings));
			ConfigurableApplicationContext context = new SpringApplication(ItakuApplication.class)
				.run(arguments.toArray(String[]::new));
			return new BenchServer(context, port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Grows the data to a number of contracts and their submissions, then vacuums.
	 * @param size the number of contracts wanted
	 */
	synchronized void growTo(int size) {
		Terminal terminal = terminal();
		long started = System.nanoTime();
		// The owner's connections: the copies use tables of their own.
		JdbcTemplate jdbc = new JdbcTemplate(this.context.getBean(Flyway.class).getConfiguration().getDataSource());
		if (this.templateIds.isEmpty()) {
			registerTemplates(Math.min(TEMPLATES, size));
		}
		long registered = System.nanoTime();
		int have = this.contractIds.size();
		if (size > have) {
			copies(jdbc, have, size);
		}
		long copied = System.nanoTime();
		submissions(jdbc, (long) size * SUBMISSIONS_PER_CONTRACT);
		long submitted = System.nanoTime();
		// Vacuum is the owner's (the application's role owns no table).
		double allVisible = vacuum(jdbc);
		long obligations = jdbc.queryForObject("select count(*) from obligation", Long.class);
		long seededContracts = jdbc.queryForObject("select count(*) from contract", Long.class);
		long submissions = jdbc.queryForObject("select count(*) from submission", Long.class);
		String line = String.format(Locale.ROOT,
				"dashboard benchmark | seeded %d contracts, %d obligations (%.1f per contract), %d submissions in %.0f s"
						+ " (registering %.0f s, copying %.0f s, submissions %.0f s, vacuum %.0f s);"
						+ " obligation pages all-visible after vacuum: %.0f %%",
				seededContracts, obligations, (double) obligations / seededContracts, submissions,
				(System.nanoTime() - started) / 1e9, (registered - started) / 1e9, (copied - registered) / 1e9,
				(submitted - copied) / 1e9, (System.nanoTime() - submitted) / 1e9, allVisible * 100);
		this.seeded.add(line);
		terminal.line(line);
	}

	/** What each step seeded, for the summary. */
	List<String> seeded() {
		return List.copyOf(this.seeded);
	}

	private void registerTemplates(int count) {
		Organisations organisations = this.context.getBean(Organisations.class);
		UserAccounts users = this.context.getBean(UserAccounts.class);
		Contracts contracts = this.context.getBean(Contracts.class);
		ClauseCatalog catalog = this.context.getBean(ClauseCatalog.class);
		SignIn signIn = this.context.getBean(SignIn.class);

		Organisation client = organisations.create(null, new OrganisationForm("ベンチ市", OrganisationKind.CLIENT, null));
		UserAccount officer = users.createWithPassword(
				UserForm.filled(USERNAME, "ベンチ 職員", null, client.getId(), Role.CLIENT_OFFICER, true), PASSWORD);
		List<Organisation> contractors = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			contractors
				.add(organisations.create(null, new OrganisationForm("ベンチ受託者" + i, OrganisationKind.CONTRACTOR, null)));
		}
		UserAccount lead = users.createWithPassword(
				UserForm.filled("bench-lead", "ベンチ 受託", null, contractors.get(0).getId(), Role.CONTRACTOR_LEAD, true),
				PASSWORD);
		this.officerId = officer.getId();
		this.leadId = lead.getId();
		this.clientId = client.getId();
		contractors.forEach((c) -> this.contractorIds.add(c.getId()));
		Actor actor = ((ActorPrincipal) signIn.completeAuthenticationOf(officer.getId()).orElseThrow().getPrincipal())
			.actor();
		UUID kadoma = catalog.profiles()
			.stream()
			.filter((p) -> p.code().equals("kadoma"))
			.findFirst()
			.orElseThrow()
			.id();
		for (int i = 0; i < count; i++) {
			ContractForm form = new ContractForm();
			form.setNumber("BENCH-" + i);
			form.setTitle("負荷試験用の委託契約 " + i);
			form.setClientDepartment("課" + (i % 10));
			form.setContractorOrganisationId(contractors.get(i % contractors.size()).getId());
			form.setProfileId(kadoma);
			// Multi-year contracts (長期継続契約), as for a system's operation: five in six
			// run two fiscal years, one in six three; Kadoma's monthly reports then give
			// 56 or 80 obligations, about 60 on average.
			int years = (i % 6 == 0) ? 3 : 2;
			form.setPeriodStart(LocalDate.of(2026, 4, 1));
			form.setPeriodEnd(LocalDate.of(2026 + years, 3, 31));
			form.setAttributes(new ArrayList<>(EnumSet.allOf(ContractAttribute.class)));
			String id = contracts.register(actor, form).getId().toString();
			this.templateIds.add(id);
			this.contractIds.add(id);
		}
	}

	/**
	 * Copies the templates into the contracts {@code from} to {@code to - 1}: contract
	 * {@code i} is a copy of template {@code i % 60}, so it has the contractor and length
	 * it would have had if registered. The copies' rows are built from the templates'
	 * rows as JSON, so that every column is copied whatever the migrations add.
	 */
	private void copies(JdbcTemplate jdbc, int from, int to) {
		String templates = "{" + String.join(",", this.templateIds) + "}";
		jdbc.execute("drop table if exists bench_copy");
		jdbc.update("""
				create table bench_copy as
				select gen_random_uuid() as id, g.i, t.id as template_id
				from generate_series(?, ?) as g(i)
				join unnest(?::uuid[]) with ordinality as t(id, n) on t.n - 1 = g.i % ?
				""", from, to - 1, templates, this.templateIds.size());
		jdbc.update("""
				insert into contract
				select (jsonb_populate_record(null::contract, to_jsonb(c) || jsonb_build_object('id', b.id,
				  'number', 'BENCH-' || b.i, 'title', '負荷試験用の委託契約 ' || b.i, 'client_department', '課' || (b.i % 10)))).*
				from bench_copy b join contract c on c.id = b.template_id
				order by b.i
				""");
		for (String table : List.of("contract_attribute", "contract_service_level_target", "obligation")) {
			boolean hasId = jdbc.queryForObject(
					"select count(*) from information_schema.columns where table_name = ? and column_name = 'id'",
					Integer.class, table) > 0;
			// A copy's obligations are as registered: the submissions of an earlier size
			// made some of the templates' obligations submitted or accepted, which a copy
			// without those submissions must not be (it would also leave too few open
			// obligations for this size's submissions).
			String registered = table.equals("obligation")
					? " || case when x.status in ('SUBMITTED', 'ACCEPTED') then '{\"status\": \"OPEN\"}'::jsonb"
							+ " else '{}'::jsonb end"
					: "";
			jdbc.update(
					"""
							insert into %1$s
							select (jsonb_populate_record(null::%1$s, to_jsonb(x) || jsonb_build_object(%2$s'contract_id', b.id)%3$s)).*
							from bench_copy b join %1$s x on x.contract_id = b.template_id
							"""
						.formatted(table, hasId ? "'id', gen_random_uuid(), " : "", registered));
		}
		this.contractIds.addAll(jdbc.queryForList("select id::text from bench_copy b order by b.i", String.class));
		jdbc.execute("drop table bench_copy");
	}

	/**
	 * Adds submissions until there are {@code total}: four on each obligation that has
	 * none yet (three returned, the last half accepted, half awaiting review), and sets
	 * those obligations' states to match.
	 */
	private void submissions(JdbcTemplate jdbc, long total) {
		long have = jdbc.queryForObject("select count(*) from submission", Long.class);
		long wanted = total - have;
		if (wanted <= 0) {
			return;
		}
		int perObligation = 4;
		long obligations = (wanted + perObligation - 1) / perObligation;
		jdbc.execute("drop table if exists bench_submitted");
		jdbc.update("""
				create table bench_submitted as
				select id, row_number() over (order by id) as rn from obligation o
				where status = 'OPEN' and not exists (select 1 from submission s where s.obligation_id = o.id)
				order by id limit ?
				""", obligations);
		jdbc.update("""
				insert into submission (id, obligation_id, number, comment, submitted_by, submitted_at, review_status,
				  review_comment, reviewed_by, reviewed_at, version)
				select gen_random_uuid(), o.id, g.n, 'bench', ?, now(),
				  case when g.n < 4 then 'RETURNED' when o.rn % 2 = 0 then 'ACCEPTED' else 'PENDING' end,
				  case when g.n < 4 then '差戻し' end, case when g.n < 4 or o.rn % 2 = 0 then ? end,
				  case when g.n < 4 or o.rn % 2 = 0 then now() end, 0
				from bench_submitted o
				cross join generate_series(1, ?) as g(n)
				limit ?
				""", this.leadId, this.officerId, perObligation, wanted);
		jdbc.update("""
				update obligation set status = case when s.rn % 2 = 0 then 'ACCEPTED' else 'SUBMITTED' end
				from bench_submitted s
				where obligation.id = s.id
				""");
		jdbc.execute("drop table bench_submitted");
		long seeded = jdbc.queryForObject("select count(*) from submission", Long.class);
		if (seeded != total) {
			throw new IllegalStateException("seeded " + seeded + " submissions instead of " + total
					+ ": too few open obligations without a submission");
		}
	}

	/**
	 * Bulk inserts and updates leave dead row versions and pages not yet marked
	 * all-visible until autovacuum has passed; a table in service has been vacuumed. A
	 * vacuum cannot mark a page all-visible while another transaction (the application
	 * starting its jobs) still holds an older snapshot, and the index-only scans of the
	 * dashboard then read the table as well: vacuum again until the obligations' pages
	 * are all-visible.
	 */
	private static double vacuum(JdbcTemplate jdbc) {
		double visible = 0;
		for (int attempt = 1; attempt <= 30; attempt++) {
			jdbc.execute("vacuum analyze");
			visible = jdbc.queryForObject(
					"select coalesce(relallvisible::float8 / nullif(relpages, 0), 1) from pg_class where relname = 'obligation'",
					Double.class);
			if (visible >= 0.99) {
				return visible;
			}
			try {
				Thread.sleep(1_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return visible;
			}
		}
		return visible;
	}

	/**
	 * Adds what the alert benchmark needs once the contracts are seeded: the client's
	 * security administrator with a mail address (every reported incident is mailed to
	 * the client's security administrators), and a lead of each of the first contractors
	 * with an API token, as a reporting system or a phone would hold one.
	 * @param adminEmail the security administrator's address
	 * @param count how many contractors report (at most 20)
	 * @return the reporters, each with the contracts of its contractor
	 */
	synchronized List<Reporter> alertParties(String adminEmail, int count) {
		UserAccounts users = this.context.getBean(UserAccounts.class);
		SignIn signIn = this.context.getBean(SignIn.class);
		ApiTokens tokens = this.context.getBean(ApiTokens.class);
		users.createWithPassword(UserForm.filled("bench-secadmin", "ベンチ 情報セキュリティ管理者", adminEmail,
				Objects.requireNonNull(this.clientId), Role.CLIENT_SECURITY_ADMIN, true), PASSWORD);
		List<Reporter> reporters = new ArrayList<>();
		for (int k = 0; k < Math.min(count, this.contractorIds.size()); k++) {
			UserAccount lead = users.createWithPassword(UserForm.filled("bench-reporter-" + k, "ベンチ 報告者" + k, null,
					this.contractorIds.get(k), Role.CONTRACTOR_LEAD, true), PASSWORD);
			Actor actor = ((ActorPrincipal) signIn.completeAuthenticationOf(lead.getId()).orElseThrow().getPrincipal())
				.actor();
			// Contract i is (a copy of) template i % 60, whose contractor is i % 20.
			List<Reporter.Contract> theirs = new ArrayList<>();
			for (int i = k; i < this.contractIds.size(); i += this.contractorIds.size()) {
				theirs.add(new Reporter.Contract(this.contractIds.get(i), "BENCH-" + i));
			}
			reporters.add(new Reporter(tokens.issue(actor, "bench", null).value(), theirs));
		}
		return reporters;
	}

	/**
	 * A contractor's lead who reports incidents over the API.
	 *
	 * @param token its API token
	 * @param contracts its contractor's contracts
	 */
	record Reporter(String token, List<Contract> contracts) {

		/**
		 * A contract a reporter may report on.
		 *
		 * @param id its id
		 * @param number its number, as the mail's subject names it
		 */
		record Contract(String id, String number) {

		}

		Contract anyContract() {
			return this.contracts.get(ThreadLocalRandom.current().nextInt(this.contracts.size()));
		}

	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	Terminal terminal() {
		return this.context.getBean(Terminal.class);
	}

	/**
	 * Returns a contract of those seeded so far, at random.
	 * @return its id
	 */
	String anyContractId() {
		return this.contractIds.get(ThreadLocalRandom.current().nextInt(this.contractIds.size()));
	}

	ConfigurableApplicationContext context() {
		return this.context;
	}

	@Override
	public void close() {
		this.context.close();
	}

}
