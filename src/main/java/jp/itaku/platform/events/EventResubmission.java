package jp.itaku.platform.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import net.javacrumbs.shedlock.core.LockAssert;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs again the listeners of other modules (mails, reactions) whose event publication
 * did not complete: the listener failed (a mail server away, the database away), or its
 * node stopped before or while it ran. Every {@code itaku.events.resubmit-interval}, on
 * one node at a time whatever the number of nodes (ShedLock, lock
 * {@code itaku-event-resubmission}), every publication older than
 * {@code itaku.events.resubmit-after} and not completed is handed to its listener again
 * (each claimed in the database first, so that it runs once). A resubmission that has not
 * completed within the same time is taken again at a later run. The listeners are written
 * to be run again: a mail goes only to the recipients not reached yet.
 */
@Component
class EventResubmission {

	private static final Logger log = LoggerFactory.getLogger(EventResubmission.class);

	private final IncompleteEventPublications incomplete;

	private final EventPublications publications;

	private final Duration after;

	private final Clock clock;

	EventResubmission(IncompleteEventPublications incomplete, EventPublications publications,
			@Value("${itaku.events.resubmit-after:PT5M}") Duration after, Clock clock) {
		if (after.isNegative()) {
			throw new IllegalArgumentException("itaku.events.resubmit-after must not be negative, not " + after);
		}
		this.incomplete = incomplete;
		this.publications = publications;
		this.after = after;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${itaku.events.resubmit-interval:PT1M}",
			initialDelayString = "${itaku.events.resubmit-interval:PT1M}")
	@SchedulerLock(name = "itaku-event-resubmission", lockAtMostFor = "${itaku.scheduling.lock-at-most-for:PT2M}")
	public void run() {
		LockAssert.assertLocked();
		resubmit();
	}

	/**
	 * Resubmits the incomplete publications older than
	 * {@code itaku.events.resubmit-after} now, on this node.
	 * @return how many publications were incomplete before
	 */
	long resubmit() {
		Instant now = Instant.now(this.clock);
		int stale = this.publications.failStaleResubmissions(now, this.after);
		long waiting = this.publications.incomplete();
		if (waiting == 0) {
			return 0;
		}
		log.info("Event publications: {} incomplete ({} stale resubmissions), resubmitting those older than {}",
				waiting, stale, this.after);
		this.incomplete.resubmitIncompletePublicationsOlderThan(this.after);
		return waiting;
	}

}
