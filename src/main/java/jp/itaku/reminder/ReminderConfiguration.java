package jp.itaku.reminder;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The reminders' settings, the lock that keeps the daily job to one node (ShedLock on the
 * application's database, table {@code shedlock}, timed by the database's clock), and the
 * scheduler, which {@code itaku.reminders.enabled=false} turns off (tests call the job
 * themselves).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReminderProperties.class)
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class ReminderConfiguration {

	@Bean
	LockProvider reminderLockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
	}

	/**
	 * Schedules the daily job unless {@code itaku.reminders.enabled} is {@code false}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "itaku.reminders.enabled", havingValue = "true", matchIfMissing = true)
	@EnableScheduling
	static class Scheduling {

	}

}
