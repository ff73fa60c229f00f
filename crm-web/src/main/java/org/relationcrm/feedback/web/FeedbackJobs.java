package org.relationcrm.feedback.web;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import org.relationcrm.feedback.FeedbackReadService;
import org.relationcrm.feedback.SurveyService;

/**
 * The feedback jobs: planned surveys go out every morning; the churn-risk table is refreshed regularly. Each run
 * happens on one node of the cluster (see ClusterScheduling). {@code lockAtLeastFor} keeps the lock a while after a
 * quick run, so a node whose trigger fires a little later does not run the same job again.
 */
@Component
class FeedbackJobs {

    private static final Logger log = LoggerFactory.getLogger(FeedbackJobs.class);

    private final SurveyService surveys;
    private final FeedbackReadService feedback;

    FeedbackJobs(SurveyService surveys, FeedbackReadService feedback) {
        this.surveys = surveys;
        this.feedback = feedback;
    }

    @Scheduled(cron = "${relation.feedback.send-planned-cron:0 0 8 * * *}", zone = "${relation.time-zone}")
    @SchedulerLock(name = "feedback-send-planned-surveys", lockAtLeastFor = "PT5M", lockAtMostFor = "PT1H")
    void sendPlannedSurveys() {
        int sent = surveys.sendPlanned();
        log.info("Job feedback-send-planned-surveys ran: {} planned survey(s) sent", sent);
    }

    @Scheduled(fixedDelayString = "${relation.feedback.risk-refresh-ms:600000}", initialDelay = 30_000)
    @SchedulerLock(name = "feedback-refresh-churn-risk", lockAtLeastFor = "PT1M", lockAtMostFor = "PT9M")
    void refreshChurnRisk() {
        feedback.refreshRisk();
        log.debug("Job feedback-refresh-churn-risk ran");
    }
}
