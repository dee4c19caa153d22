package jp.itaku.reminder;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.ExtensibleLockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The reminders' settings, the lock that keeps every scheduled job to one node (ShedLock
 * on the application's database, table {@code shedlock}, timed by the database's clock),
 * and the scheduler, which {@code itaku.reminders.enabled=false} turns off (tests call
 * the jobs themselves).
 * <p>
 * Every job's lock is taken for a short {@code itaku.scheduling.lock-at-most-for} (2
 * minutes by default) and extended by the same again every half of it while the job runs
 * ({@link KeepAliveLockProvider}): a long job keeps its lock, and the lock of a node that
 * crashed mid-job lapses within that time, so the next node takes the job over.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReminderProperties.class)
@EnableSchedulerLock(defaultLockAtMostFor = "PT2M")
class ReminderConfiguration {

	/** The shortest lock the keep-alive accepts. */
	static final Duration SHORTEST_LOCK = Duration.ofSeconds(30);

	@Bean
	LockProvider reminderLockProvider(DataSource dataSource,
			@Value("${itaku.scheduling.lock-at-most-for:PT2M}") Duration lockAtMostFor) {
		if (lockAtMostFor.compareTo(SHORTEST_LOCK) < 0) {
			throw new IllegalStateException(
					"itaku.scheduling.lock-at-most-for must be at least " + SHORTEST_LOCK + ", not " + lockAtMostFor);
		}
		return keptAlive(dataSource);
	}

	/**
	 * Returns the lock provider of the scheduled jobs: the database's, kept alive while a
	 * job runs.
	 * @param dataSource the application's database
	 * @return the provider; closing it ends the keeping alive
	 */
	static KeptAliveLocks keptAlive(DataSource dataSource) {
		return new KeptAliveLocks(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build()));
	}

	/**
	 * Schedules the daily job unless {@code itaku.reminders.enabled} is {@code false}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "itaku.reminders.enabled", havingValue = "true", matchIfMissing = true)
	@EnableScheduling
	static class Scheduling {

	}

	/**
	 * Locks of the database extended by a thread of their own (not a bean: a scheduled
	 * executor bean would become the scheduler of every job).
	 */
	static final class KeptAliveLocks implements LockProvider, DisposableBean {

		private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "scheduler-lock-keep-alive");
			thread.setDaemon(true);
			return thread;
		});

		private final LockProvider locks;

		KeptAliveLocks(ExtensibleLockProvider database) {
			this.locks = new KeepAliveLockProvider(database, this.keepAlive);
		}

		@Override
		public Optional<SimpleLock> lock(LockConfiguration configuration) {
			return this.locks.lock(configuration);
		}

		@Override
		public void destroy() {
			this.keepAlive.shutdownNow();
		}

	}

}
