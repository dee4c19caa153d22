package jp.itaku.reminder;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Keeps the reminder tests' own application contexts light on database connections: the
 * test database server takes 100, and the contexts other test classes leave cached in the
 * JVM hold 20 each.
 */
@TestConfiguration(proxyBeanMethods = false)
class SmallConnectionPool {

	/** Connections a reminder test context keeps at most. */
	static final int SIZE = 4;

	@Bean
	static BeanPostProcessor smallConnectionPool() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof HikariDataSource pool) {
					pool.getHikariConfigMXBean().setMinimumIdle(1);
					pool.getHikariConfigMXBean().setMaximumPoolSize(SIZE);
				}
				return bean;
			}

		};
	}

}
