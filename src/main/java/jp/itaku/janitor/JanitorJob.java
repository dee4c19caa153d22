package jp.itaku.janitor;

import net.javacrumbs.shedlock.core.LockAssert;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link Janitor} nightly (03:45 in Tokyo by default,
 * {@code itaku.janitor.cron}), on one node at a time (ShedLock, lock
 * {@code itaku-janitor}, kept alive while it runs).
 */
@Component
@EnableConfigurationProperties(JanitorProperties.class)
class JanitorJob {

	private final Janitor janitor;

	JanitorJob(Janitor janitor) {
		this.janitor = janitor;
	}

	@Scheduled(cron = "${itaku.janitor.cron:0 45 3 * * *}", zone = "Asia/Tokyo")
	@SchedulerLock(name = "itaku-janitor", lockAtMostFor = "${itaku.scheduling.lock-at-most-for:PT2M}",
			lockAtLeastFor = "${itaku.reminders.lock-at-least-for:PT1M}")
	public void run() {
		LockAssert.assertLocked();
		this.janitor.run();
	}

}
