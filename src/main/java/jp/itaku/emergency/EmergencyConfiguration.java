package jp.itaku.emergency;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The emergency contacts' settings, and the scheduler of the daily confirmation reminder,
 * which runs exactly when the other reminders do ({@code itaku.reminders.enabled}; tests
 * turn it off and call the job themselves). The job takes the application's ShedLock lock
 * provider, so it runs on one node at a time.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmergencyProperties.class)
class EmergencyConfiguration {

	/**
	 * Schedules the daily job unless {@code itaku.reminders.enabled} is {@code false}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "itaku.reminders.enabled", havingValue = "true", matchIfMissing = true)
	@EnableScheduling
	static class Scheduling {

	}

}
