package jp.itaku.audit;

import net.javacrumbs.shedlock.core.LockAssert;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The scheduled checkpoint of the audit chain: every
 * {@code itaku.audit.checkpoint.interval} (default one hour), on one node at a time
 * (ShedLock), with the application's scheduler (which
 * {@code itaku.reminders.enabled=false} turns off for every job). Nothing is written when
 * no entry was added since the last checkpoint.
 */
@Component
class AuditCheckpointJob {

	private static final Logger log = LoggerFactory.getLogger(AuditCheckpointJob.class);

	private final AuditCheckpoints checkpoints;

	private final AuditProperties properties;

	private final ObjectProvider<ScheduledAnnotationBeanPostProcessor> scheduler;

	AuditCheckpointJob(AuditCheckpoints checkpoints, AuditProperties properties,
			ObjectProvider<ScheduledAnnotationBeanPostProcessor> scheduler) {
		this.checkpoints = checkpoints;
		this.properties = properties;
		this.scheduler = scheduler;
	}

	/**
	 * Says at start-up when checkpoints are not scheduled.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void tellWhetherCheckpointsAreWritten() {
		if (!this.properties.checkpoint().enabled()) {
			log.warn("Audit checkpoints are not scheduled (itaku.audit.checkpoint.enabled=false): "
					+ "truncation of the audit trail is detected only up to the last checkpoint written on demand");
		}
		else if (this.scheduler.getIfAvailable() == null) {
			log.warn("Audit checkpoints are not scheduled: the application's scheduler is off");
		}
	}

	/**
	 * Writes the checkpoint unless another node is writing one; called by the scheduler.
	 */
	@Scheduled(fixedDelayString = "${itaku.audit.checkpoint.interval:1h}", initialDelayString = "PT1M")
	@SchedulerLock(name = "itaku-audit-checkpoint", lockAtMostFor = "${itaku.scheduling.lock-at-most-for:PT2M}")
	public void run() {
		if (!this.properties.checkpoint().enabled()) {
			return;
		}
		LockAssert.assertLocked();
		try {
			this.checkpoints.writeScheduled();
		}
		catch (RuntimeException ex) {
			log.warn("The scheduled audit checkpoint failed ({}); it is retried at the next run",
					ex.getClass().getSimpleName(), ex);
		}
	}

}
