package org.relationcrm.feedback.web;

import org.springframework.stereotype.Component;

import org.relationcrm.feedback.FeedbackCard;
import org.relationcrm.feedback.FeedbackReadService;
import org.relationcrm.feedback.SurveyKind;
import org.relationcrm.feedback.SurveyTheme;
import org.relationcrm.shared.BaseUrl;

/**
 * The feedback cards of the 360° page, read by its fragment as {@code @feedback} (two SQL statements), so the
 * client page's controller needs no change.
 */
@Component("feedback")
public class FeedbackCards {

    private final FeedbackReadService reads;
    private final BaseUrl baseUrl;

    FeedbackCards(FeedbackReadService reads, BaseUrl baseUrl) {
        this.reads = reads;
        this.baseUrl = baseUrl;
    }

    /** The public link of a survey not answered yet, to copy. */
    public String link(String token) {
        return baseUrl.link("/s/" + token);
    }

    public FeedbackCard of(long companyId) {
        return reads.card(companyId);
    }

    public SurveyKind[] kinds() {
        return SurveyKind.values();
    }

    public SurveyTheme[] themes() {
        return SurveyTheme.values();
    }
}
