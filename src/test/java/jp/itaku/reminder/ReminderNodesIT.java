package jp.itaku.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import jp.itaku.ItakuApplication;
import jp.itaku.catalog.Deliverable;
import jp.itaku.contract.Contract;
import jp.itaku.obligation.Obligation;
import jp.itaku.support.IntegrationTest;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes against one database (a second application context in this JVM,
 * given this one's database URL): the daily job runs on one node at a time, and however
 * the runs fall, every reminder arrives exactly once.
 */
@IntegrationTest
@Import(SmallConnectionPool.class)
@DirtiesContext
class ReminderNodesIT extends ReminderScenario {

	private static ConfigurableApplicationContext secondNode;

	@Autowired
	ReminderJob job;

	@Autowired
	LockProvider locks;

	@Autowired
	DataSource dataSource;

	Obligation dueInSevenDays;

	Obligation overdueSinceToday;

	@AfterAll
	static void stopTheSecondNode() {
		if (secondNode != null) {
			secondNode.close();
			secondNode = null;
		}
	}

	/**
	 * Starts the second node on this node's database (its URL and credentials, with a
	 * small pool) unless it runs.
	 */
	@BeforeEach
	void startTheSecondNode() {
		if (secondNode == null) {
			HikariDataSource database = (HikariDataSource) this.dataSource;
			secondNode = new SpringApplicationBuilder(ItakuApplication.class).profiles("test")
				.properties("server.port=0", "spring.datasource.url=" + database.getJdbcUrl(),
						"spring.datasource.username=" + database.getUsername(),
						"spring.datasource.password=" + Objects.toString(database.getPassword(), ""),
						"spring.datasource.hikari.maximum-pool-size=" + SmallConnectionPool.SIZE,
						"spring.datasource.hikari.minimum-idle=1", "spring.mail.host=127.0.0.1",
						"spring.mail.port=" + SMTP.getPort())
				.run();
		}
	}

	@BeforeEach
	void obligations() {
		clearMailbox();
		LocalDate today = this.calendar.today();
		Contract contract = contract(true);
		this.dueInSevenDays = dueOn(contract, Deliverable.ROSTER, today.plusDays(7));
		this.overdueSinceToday = dueOn(contract, Deliverable.SECURITY_RULES, today.minusDays(1));
	}

	@Test
	void whileOneNodeRunsTheJobTheOthersRunIsSkipped() {
		SimpleLock held = this.locks
			.lock(new LockConfiguration(Instant.now(), "itaku-reminders", Duration.ofMinutes(5), Duration.ZERO))
			.orElseThrow();
		try {
			secondNode.getBean(ReminderJob.class).run();
			assertThat(mailsAbout(this.dueInSevenDays.getId())).isEmpty();
			assertThat(mailsAbout(this.overdueSinceToday.getId())).isEmpty();
		}
		finally {
			held.unlock();
		}
		secondNode.getBean(ReminderJob.class).run();
		assertThat(mailsAbout(this.dueInSevenDays.getId())).hasSize(2);
	}

	@Test
	void bothNodesRunningTheJobAtOnceSendEachReminderExactlyOnce() throws Exception {
		List<ReminderJob> nodes = List.of(this.job, secondNode.getBean(ReminderJob.class));
		CyclicBarrier start = new CyclicBarrier(nodes.size());
		ExecutorService threads = Executors.newFixedThreadPool(nodes.size());
		try {
			List<Future<Object>> runs = nodes.stream().map((node) -> threads.submit(() -> {
				start.await(10, TimeUnit.SECONDS);
				node.run();
				return null;
			})).toList();
			for (Future<Object> run : runs) {
				run.get(2, TimeUnit.MINUTES);
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertExactlyOnce();

		this.job.runFor(this.calendar.today());
		this.job.runFor(this.calendar.today());
		nodes.forEach(ReminderJob::run);
		assertExactlyOnce();
	}

	private void assertExactlyOnce() {
		assertThat(mailsAbout(this.dueInSevenDays.getId())).extracting(Mail::to)
			.containsExactlyInAnyOrder(this.lead.getEmail(), this.englishLead.getEmail());
		assertThat(mailsAbout(this.dueInSevenDays.getId()))
			.allSatisfy((mail) -> assertThat(mail.subject()).containsAnyOf("提出期限まであと7日です", "Due in 7 days"));
		assertThat(mailsAbout(this.overdueSinceToday.getId())).extracting(Mail::to)
			.containsExactlyInAnyOrder(this.lead.getEmail(), this.englishLead.getEmail(), this.officer.getEmail());
	}

}
