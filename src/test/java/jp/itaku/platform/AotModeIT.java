package jp.itaku.platform;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import jp.itaku.support.ChildNode;
import jp.itaku.support.HttpSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The packaged jar in Spring's ahead-of-time mode (README, "A quicker demo start"): the
 * bean definitions generated at packaging start the demo, with its data and its pages,
 * and any other configuration is refused at once with what differs
 * ({@link AotModeGuard}). Always on the embedded database the mode was built for, also in
 * the external-server pass (the build pins it, whatever the build's environment says).
 */
class AotModeIT {

	private static final String PASSWORD = "Demo-Itaku-Kanri-2026";

	@TempDir
	static Path work;

	@Test
	void theDemoStartsFromTheGeneratedBeansWithItsData() {
		try (ChildNode node = ChildNode.aheadOfTime(work.resolve("demo"))) {
			node.start();
			node.awaitReady(Duration.ofMinutes(5));
			assertThat(node.tail()).doesNotContain("ERROR");
			HttpSession officer = new HttpSession(node.base());
			HttpResponse<String> signedIn = officer.signIn("officer", PASSWORD);
			assertThat(signedIn.statusCode()).as(signedIn.body()).isLessThan(400);
			HttpResponse<String> dashboard = officer.get("/dashboard");
			assertThat(dashboard.statusCode()).isEqualTo(200);
			assertThat(dashboard.body()).contains("R8-情政-001", "R8-戸籍-014", "R8-区民-007", "R8-統計-003");
			assertThat(node.output()).contains("Starting AOT-processed ItakuApplication");
		}
	}

	@Test
	void anotherConfigurationIsRefusedNamingWhatDiffers() {
		try (ChildNode node = ChildNode.aheadOfTime(work.resolve("mail"), "--spring.mail.host=smtp.example.jp")) {
			node.start();
			assertThatIllegalStateException().isThrownBy(() -> node.awaitReady(Duration.ofMinutes(2)))
				.withMessageContaining("The node ended with 1")
				.withMessageContaining("spring.mail.host is set (built without it)")
				.withMessageContaining("Start without -Dspring.aot.enabled=true");
		}
	}

}
