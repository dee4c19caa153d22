package jp.itaku.platform;

import java.lang.reflect.Method;

import net.javacrumbs.shedlock.core.LockProvider;
import org.flywaydb.core.Flyway;

import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

/**
 * What starts eagerly when lazy initialisation is on
 * ({@code spring.main.lazy-initialization=true}, an option for a shorter cold start; see
 * the README, "Cold start"): the schema's migrations (Flyway runs at start, never on
 * first use), the scheduler's lock provider, and every bean of the application that
 * listens to events (an {@link EventListener} method, including transactional and module
 * listeners, or an {@link ApplicationListener}), so that a listener and whatever it sets
 * up at creation are there before the first event. Spring Boot itself keeps eager the
 * beans with {@code @Scheduled} methods, the {@code SmartInitializingSingleton}s, the
 * {@code SmartLifecycle}s (the database watchdog, the web server) and the application
 * runners (the demo data). Everything else (controllers, views, most services) is created
 * on first use.
 */
@Configuration(proxyBeanMethods = false)
class EagerAtStart {

	private static final String APPLICATION_PACKAGE = "jp.itaku.";

	@Bean
	static LazyInitializationExcludeFilter migrationsAndLocksAtStart() {
		return LazyInitializationExcludeFilter.forBeanTypes(FlywayMigrationInitializer.class, Flyway.class,
				LockProvider.class);
	}

	@Bean
	static LazyInitializationExcludeFilter eventListenersAtStart() {
		return (name, definition, type) -> isApplicationListener(type);
	}

	private static boolean isApplicationListener(Class<?> type) {
		if (!type.getName().startsWith(APPLICATION_PACKAGE)) {
			return false;
		}
		if (ApplicationListener.class.isAssignableFrom(type)) {
			return true;
		}
		boolean[] listens = { false };
		ReflectionUtils.doWithMethods(type, (Method method) -> listens[0] = true,
				(Method method) -> !listens[0] && AnnotatedElementUtils.hasAnnotation(method, EventListener.class));
		return listens[0];
	}

}
