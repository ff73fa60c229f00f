package org.relationcrm.quality.web;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import org.relationcrm.quality.CompletenessService;

/** Scores every company's completeness once a night and keeps the day's figures per owner (the trend), on one node. */
@Component
class CompletenessJob {

    private static final Logger log = LoggerFactory.getLogger(CompletenessJob.class);

    private final CompletenessService completeness;

    CompletenessJob(CompletenessService completeness) {
        this.completeness = completeness;
    }

    @Scheduled(cron = "${relation.quality.completeness-cron:0 0 3 * * *}", zone = "${relation.time-zone}")
    @SchedulerLock(name = "quality-completeness-snapshot", lockAtMostFor = "PT30M")
    void snapshot() {
        int companies = completeness.snapshot();
        log.info("Job quality-completeness-snapshot scored {} companies", companies);
    }
}
