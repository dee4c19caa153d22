package jp.itaku.account;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.itaku.platform.Role;
import jp.itaku.platform.Terminal;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production has no default credentials: the first administrator comes from the
 * {@code create-admin} command, with a one-time password printed to the operator's
 * terminal, which must be changed at first sign-in.
 */
@IntegrationTest
@Import(CreateAdminCommandIT.RecordingTerminalConfiguration.class)
class CreateAdminCommandIT {

	private static final Pattern PASSWORD = Pattern.compile("One-time password .*: (\\S+)$");

	@Autowired
	CreateAdminCommand command;

	@Autowired
	RecordingTerminal terminal;

	@Autowired
	AccountSystemReads accountReads;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	/**
	 * Without the demo switch no seeder runs. (The database is shared by every test
	 * context of the run, and the endpoint matrix's context does seed the demo accounts,
	 * so their absence from the database would depend on the order of the test classes.)
	 */
	@Test
	void withoutTheDemoProfileNoAccountIsSeeded() {
		assertThat(this.context.getEnvironment().getProperty("itaku.demo.enabled", Boolean.class, false)).isFalse();
		assertThat(this.context.getBeansOfType(ApplicationRunner.class).values())
			.noneMatch((runner) -> runner.getClass().getPackageName().startsWith("jp.itaku.demo"));
	}

	@Test
	void createsAnAdministratorWithAOneTimePasswordThatMustBeChanged() throws Exception {
		String username = "root" + UUID.randomUUID().toString().substring(0, 6);
		String organisation = "運用テスト市 " + UUID.randomUUID().toString().substring(0, 6);
		int status = this.command.run(new DefaultApplicationArguments("--itaku.command=create-admin",
				"--username=" + username, "--organisation=" + organisation));
		assertThat(status).isZero();
		UserAccount admin = this.accountReads.findByUsernameUnscoped(username).orElseThrow();
		assertThat(admin.getRole()).isEqualTo(Role.SYSTEM_ADMIN);
		assertThat(admin.isPasswordChangeRequired()).isTrue();

		String password = this.terminal.lines.stream()
			.map(PASSWORD::matcher)
			.filter(Matcher::find)
			.map((m) -> m.group(1))
			.findFirst()
			.orElseThrow();
		assertThat(this.fixtures.formLogin(this.mvc, username, password).getResponse().getRedirectedUrl())
			.isEqualTo("/account/password");
	}

	@Test
	void refusesAnExistingUserAndMissingArguments() {
		assertThat(this.command.run(new DefaultApplicationArguments("--itaku.command=create-admin"))).isEqualTo(2);
		UserAccount existing = this.fixtures.user(this.fixtures.organisation(jp.itaku.platform.OrganisationKind.CLIENT),
				Role.CLIENT_OFFICER);
		assertThat(this.command
			.run(new DefaultApplicationArguments("--username=" + existing.getUsername(), "--organisation=どこか")))
			.isEqualTo(1);
	}

	/** Records what a command prints, as an operator would read it. */
	static class RecordingTerminal implements Terminal {

		final List<String> lines = new ArrayList<>();

		@Override
		public void line(String line) {
			this.lines.add(line);
		}

	}

	@TestConfiguration
	static class RecordingTerminalConfiguration {

		@Bean
		@Primary
		RecordingTerminal recordingTerminal() {
			return new RecordingTerminal();
		}

	}

}
