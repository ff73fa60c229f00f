package org.relationcrm.quality.web;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import org.relationcrm.quality.DuplicatesService;

/**
 * Finds the possible duplicates again every night (and when a manager asks, from the page), on one node at a time.
 * The list is a table, so the page never compares companies itself.
 */
@Component
class DuplicatesJob {

    private static final Logger log = LoggerFactory.getLogger(DuplicatesJob.class);

    private final DuplicatesService duplicates;

    DuplicatesJob(DuplicatesService duplicates) {
        this.duplicates = duplicates;
    }

    @Scheduled(cron = "${relation.quality.duplicates-cron:0 30 2 * * *}", zone = "${relation.time-zone}")
    @SchedulerLock(name = "quality-duplicates-refresh", lockAtMostFor = "PT30M")
    void refresh() {
        int pairs = duplicates.refresh();
        log.info("Job quality-duplicates-refresh found {} possible duplicate pairs", pairs);
    }
}
