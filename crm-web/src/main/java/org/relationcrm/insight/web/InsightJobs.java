package org.relationcrm.insight.web;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import org.relationcrm.insight.InsightService;
import org.relationcrm.insight.WeeklySummary;

/**
 * The weekly KPI summary, every Monday morning, and the measure of customers reached at each month's start (checked
 * every hour: a month start is measured once, as soon as the app runs after it), each on one node of the cluster
 * (see ClusterScheduling).
 */
@Component
class InsightJobs {

    private static final Logger log = LoggerFactory.getLogger(InsightJobs.class);

    private final WeeklySummary summary;
    private final InsightService insight;

    InsightJobs(WeeklySummary summary, InsightService insight) {
        this.summary = summary;
        this.insight = insight;
    }

    /** Each month start not measured yet (the first run after the upgrade: three years' worth), one by one. */
    @Scheduled(fixedDelayString = "${relation.insight.reached-measure-ms:3600000}",
            initialDelayString = "${relation.insight.reached-measure-initial-ms:60000}")
    @SchedulerLock(name = "insight-measure-reached", lockAtLeastFor = "PT1M", lockAtMostFor = "PT50M")
    void measureReached() {
        var months = insight.unmeasuredReachedMonths();
        for (var month : months) {
            insight.measureReached(month);
        }
        if (months.isEmpty()) {
            log.debug("Job insight-measure-reached ran: every month start measured already");
        } else {
            log.info("Job insight-measure-reached ran: {} month start(s) measured", months.size());
        }
    }

    @Scheduled(cron = "${relation.insight.weekly-summary-cron:0 0 7 * * MON}", zone = "${relation.time-zone}")
    @SchedulerLock(name = "insight-weekly-summary", lockAtLeastFor = "PT5M", lockAtMostFor = "PT1H")
    void sendWeeklySummary() {
        int sent = summary.sendDue();
        log.info("Job insight-weekly-summary ran: {} summary email(s) sent", sent);
    }
}
