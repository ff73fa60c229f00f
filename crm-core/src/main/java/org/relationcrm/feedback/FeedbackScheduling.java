package org.relationcrm.feedback;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** The feedback jobs: planned surveys go out every morning; the churn-risk table is refreshed regularly. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class FeedbackScheduling {

    private final SurveyService surveys;

    FeedbackScheduling(SurveyService surveys) {
        this.surveys = surveys;
    }

    @Scheduled(cron = "${relation.feedback.send-planned-cron:0 0 8 * * *}", zone = "${relation.time-zone}")
    void sendPlannedSurveys() {
        surveys.sendPlanned();
    }
}
