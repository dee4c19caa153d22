package jp.itaku.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jp.itaku.ItakuApplication;
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

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The server under load for the dashboard benchmark: the whole application on a free
 * loopback port with a fresh embedded PostgreSQL, seeded with 1,000 contracts (each with
 * its planned obligations) and 200,000 submissions.
 */
final class BenchServer implements AutoCloseable {

	static final String USERNAME = "bench-officer";

	static final String PASSWORD = "Bench-Kumo-Sakana-2026";

	private static final int CONTRACTS = Integer.getInteger("bench.contracts", 1_000);

	private static final int SUBMISSIONS = Integer.getInteger("bench.submissions", 200_000);

	private final ConfigurableApplicationContext context;

	private final int port;

	private final List<String> contractIds;

	private BenchServer(ConfigurableApplicationContext context, int port, List<String> contractIds) {
		this.context = context;
		this.port = port;
		this.contractIds = contractIds;
	}

	static BenchServer start() {
		try {
			int port;
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			Path work = Files.createTempDirectory("itaku-bench");
			ConfigurableApplicationContext context = new SpringApplication(ItakuApplication.class).run(
					"--server.port=" + port, "--server.address=127.0.0.1", "--itaku.database.embedded.ephemeral=true",
					"--itaku.crypto.keyset-file=" + work.resolve("keys.json"),
					"--itaku.documents.dir=" + work.resolve("documents"), "--itaku.security.totp.required-roles=",
					"--itaku.reminders.enabled=false", "--logging.level.root=WARN",
					"--logging.structured.format.console=", "--spring.main.banner-mode=off");
			List<String> ids = seed(context);
			return new BenchServer(context, port, ids);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> seed(ConfigurableApplicationContext context) {
		Terminal terminal = context.getBean(Terminal.class);
		long started = System.nanoTime();
		Organisations organisations = context.getBean(Organisations.class);
		UserAccounts users = context.getBean(UserAccounts.class);
		Contracts contracts = context.getBean(Contracts.class);
		ClauseCatalog catalog = context.getBean(ClauseCatalog.class);
		SignIn signIn = context.getBean(SignIn.class);
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

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
		Actor actor = ((ActorPrincipal) signIn.completeAuthenticationOf(officer.getId()).orElseThrow().getPrincipal())
			.actor();
		UUID kadoma = catalog.profiles()
			.stream()
			.filter((p) -> p.code().equals("kadoma"))
			.findFirst()
			.orElseThrow()
			.id();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < CONTRACTS; i++) {
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
			ids.add(contracts.register(actor, form).getId().toString());
		}
		long obligations = jdbc.queryForObject("select count(*) from obligation", Long.class);
		int perObligation = 4;
		int withSubmissions = (SUBMISSIONS + perObligation - 1) / perObligation;
		jdbc.update("""
				insert into submission (id, obligation_id, number, comment, submitted_by, submitted_at, review_status,
				  review_comment, reviewed_by, reviewed_at, version)
				select gen_random_uuid(), o.id, g.n, 'bench', ?, now(),
				  case when g.n < 4 then 'RETURNED' when o.rn % 2 = 0 then 'ACCEPTED' else 'PENDING' end,
				  case when g.n < 4 then '差戻し' end, case when g.n < 4 or o.rn % 2 = 0 then ? end,
				  case when g.n < 4 or o.rn % 2 = 0 then now() end, 0
				from (select id, row_number() over (order by id) as rn from obligation limit ?) o
				cross join generate_series(1, ?) as g(n)
				limit ?
				""", lead.getId(), officer.getId(), withSubmissions, perObligation, SUBMISSIONS);
		jdbc.update("""
				update obligation set status = case when s.rn % 2 = 0 then 'ACCEPTED' else 'SUBMITTED' end
				from (select id, row_number() over (order by id) as rn from obligation limit ?) s
				where obligation.id = s.id
				""", withSubmissions);
		// Vacuum is the owner's (the application's role owns no table).
		double allVisible = vacuum(new JdbcTemplate(context.getBean(Flyway.class).getConfiguration().getDataSource()));
		long seededContracts = jdbc.queryForObject("select count(*) from contract", Long.class);
		long submissions = jdbc.queryForObject("select count(*) from submission", Long.class);
		terminal.line(String.format(Locale.ROOT,
				"dashboard benchmark | seeded %d contracts, %d obligations (%.1f per contract), %d submissions in %.0f s;"
						+ " obligation pages all-visible after vacuum: %.0f %%",
				seededContracts, obligations, (double) obligations / seededContracts, submissions,
				(System.nanoTime() - started) / 1e9, allVisible * 100));
		return ids;
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

	String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	Terminal terminal() {
		return this.context.getBean(Terminal.class);
	}

	List<String> contractIds() {
		return this.contractIds;
	}

	ConfigurableApplicationContext context() {
		return this.context;
	}

	@Override
	public void close() {
		this.context.close();
	}

}
