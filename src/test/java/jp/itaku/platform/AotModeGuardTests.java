package jp.itaku.platform;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ahead-of-time mode starts only with the configuration it was built for (the demo
 * profile, nothing that chooses other beans).
 */
class AotModeGuardTests {

	private static MockEnvironment demo() {
		MockEnvironment environment = new MockEnvironment().withProperty("itaku.demo.enabled", "true")
			.withProperty("spring.datasource.url", "");
		environment.setActiveProfiles("demo");
		return environment;
	}

	@Test
	void theDemoConfigurationIsTheBuiltOne() {
		assertThat(AotModeGuard.differences(demo())).isEmpty();
	}

	@Test
	void anExternalDatabaseAMailServerOrACommandDiffer() {
		assertThat(AotModeGuard.differences(demo().withProperty("spring.datasource.url", "jdbc:postgresql://db/itaku")))
			.containsExactly("spring.datasource.url is set (built without it)");
		assertThat(AotModeGuard.differences(demo().withProperty("spring.mail.host", "smtp.example.jp")))
			.containsExactly("spring.mail.host is set (built without it)");
		assertThat(AotModeGuard.differences(demo().withProperty("itaku.command", "verify-audit")))
			.containsExactly("itaku.command is set (built without it)");
		assertThat(AotModeGuard.differences(demo().withProperty("itaku.reminders.enabled", "false")))
			.containsExactly("itaku.reminders.enabled=false (built with the reminders)");
	}

	@Test
	void anotherProfileOrNoDemoDataDiffer() {
		MockEnvironment production = new MockEnvironment();
		assertThat(AotModeGuard.differences(production)).containsExactly("spring.profiles.active= (built for demo)",
				"itaku.demo.enabled is not true (built with the demo data)");
		MockEnvironment two = demo();
		two.setActiveProfiles("demo", "sso");
		assertThat(AotModeGuard.differences(two)).containsExactly("spring.profiles.active=demo,sso (built for demo)");
	}

}
