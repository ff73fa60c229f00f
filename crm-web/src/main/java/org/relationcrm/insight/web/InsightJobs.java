package org.relationcrm.insight.web;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import org.relationcrm.insight.WeeklySummary;

/** The weekly KPI summary, every Monday morning, on one node of the cluster (see ClusterScheduling). */
@Component
class InsightJobs {

    private static final Logger log = LoggerFactory.getLogger(InsightJobs.class);

    private final WeeklySummary summary;

    InsightJobs(WeeklySummary summary) {
        this.summary = summary;
    }

    @Scheduled(cron = "${relation.insight.weekly-summary-cron:0 0 7 * * MON}", zone = "${relation.time-zone}")
    @SchedulerLock(name = "insight-weekly-summary", lockAtLeastFor = "PT5M", lockAtMostFor = "PT1H")
    void sendWeeklySummary() {
        int sent = summary.sendDue();
        log.info("Job insight-weekly-summary ran: {} summary email(s) sent", sent);
    }
}
