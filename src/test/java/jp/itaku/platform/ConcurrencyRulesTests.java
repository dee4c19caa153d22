package jp.itaku.platform;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import jp.itaku.platform.web.Idempotent;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How handlers and jobs take part in the concurrency rules: a handler marked
 * {@link Idempotent} is a POST whose first answer can be stored and given again (a
 * {@code ResponseEntity} in the API, a view name to redirect to on a page), and every
 * scheduled job's lock lapses within {@code itaku.scheduling.lock-at-most-for} of a
 * crash.
 */
class ConcurrencyRulesTests {

	private static final String LOCK_AT_MOST_FOR = "${itaku.scheduling.lock-at-most-for:PT2M}";

	private final List<Method> methods = componentMethods();

	@Test
	void idempotentHandlersArePostsWhoseAnswerCanBeGivenAgain() {
		List<Method> idempotent = this.methods.stream().filter((m) -> m.isAnnotationPresent(Idempotent.class)).toList();
		assertThat(idempotent).hasSizeGreaterThan(20);
		assertThat(idempotent).allSatisfy((method) -> {
			assertThat(method.isAnnotationPresent(PostMapping.class)).as("%s is a POST", method).isTrue();
			boolean api = AnnotatedElementUtils.hasAnnotation(method.getDeclaringClass(), RestController.class);
			assertThat(method.getReturnType()).as("%s answers", method)
				.isEqualTo(api ? ResponseEntity.class : String.class);
		});
	}

	@Test
	void everyScheduledJobLocksForTheShortKeptAliveTime() {
		List<Method> jobs = this.methods.stream().filter((m) -> m.isAnnotationPresent(SchedulerLock.class)).toList();
		assertThat(jobs).hasSizeGreaterThanOrEqualTo(7);
		assertThat(jobs)
			.allSatisfy((job) -> assertThat(job.getAnnotation(SchedulerLock.class).lockAtMostFor()).as("%s", job)
				.isEqualTo(LOCK_AT_MOST_FOR));
	}

	private static List<Method> componentMethods() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new org.springframework.core.type.filter.AnnotationTypeFilter(Component.class));
		List<Method> methods = new ArrayList<>();
		scanner.findCandidateComponents("jp.itaku").forEach((candidate) -> {
			Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(),
					ConcurrencyRulesTests.class.getClassLoader());
			methods.addAll(List.of(type.getDeclaredMethods()));
		});
		return methods;
	}

}
