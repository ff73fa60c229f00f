package org.relationcrm.config;

import java.time.Clock;
import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again the domain events whose after-commit listener did not complete: it threw (the publication is
 * FAILED), or its node died before or during it (PUBLISHED, PROCESSING). Spring Modulith's registry keeps them in
 * {@code event_publication} (V22) until a delivery succeeds; this job, run on one node at a time (ShedLock), hands
 * those older than {@code relation.events.retry-after} back to their listener, at most
 * {@code relation.events.max-attempts} times each. Listeners are idempotent (see {@code CustomerCare}): a
 * redelivery after a run that committed but was not marked done changes nothing.
 * <p>
 * Not "republish on restart": with several nodes, a restarting node would resubmit what another one is processing.
 */
@Component
class EventPublicationJobs {

    private static final Logger log = LoggerFactory.getLogger(EventPublicationJobs.class);

    private final IncompleteEventPublications incomplete;
    private final Clock clock;
    private final Duration retryAfter;
    private final int maxAttempts;

    EventPublicationJobs(IncompleteEventPublications incomplete, Clock clock,
                         @Value("${relation.events.retry-after}") Duration retryAfter,
                         @Value("${relation.events.max-attempts}") int maxAttempts) {
        this.incomplete = incomplete;
        this.clock = clock;
        this.retryAfter = retryAfter;
        this.maxAttempts = maxAttempts;
    }

    @Scheduled(fixedDelayString = "${relation.events.resubmit-ms}", initialDelayString = "${relation.events.resubmit-ms}")
    @SchedulerLock(name = "events-resubmit-incomplete", lockAtLeastFor = "PT1M", lockAtMostFor = "PT10M")
    void resubmitIncomplete() {
        resubmitOlderThan(retryAfter);
        log.debug("Job events-resubmit-incomplete ran");
    }

    /** Resubmits the incomplete publications published more than {@code age} ago. */
    void resubmitOlderThan(Duration age) {
        var before = clock.instant().minus(age);
        incomplete.resubmitIncompletePublications(publication -> !publication.getPublicationDate().isAfter(before)
                && publication.getCompletionAttempts() < maxAttempts);
    }
}
