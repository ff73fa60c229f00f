package org.relationcrm.feedback.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

import org.relationcrm.feedback.ComplaintQueue;
import org.relationcrm.feedback.ComplaintRow;
import org.relationcrm.feedback.FeedbackCard;
import org.relationcrm.feedback.FeedbackReadService;
import org.relationcrm.feedback.SurveyKind;
import org.relationcrm.feedback.SurveyRow;
import org.relationcrm.feedback.SurveyTheme;
import org.relationcrm.shared.BaseUrl;

/**
 * The feedback cards of the 360° page, asked for by the record's controller before rendering (two SQL
 * statements), and those of "My day": the fragments only render what they are given.
 */
@NamedInterface(name = "web", propagate = false)
@Component
public class FeedbackCards {

    private final FeedbackReadService reads;
    private final BaseUrl baseUrl;

    FeedbackCards(FeedbackReadService reads, BaseUrl baseUrl) {
        this.reads = reads;
        this.baseUrl = baseUrl;
    }

    public FeedbackCardView of(long companyId) {
        FeedbackCard card = reads.card(companyId);
        // the public link of each survey not answered yet, to copy
        Map<String, String> links = new LinkedHashMap<>();
        for (SurveyRow survey : card.surveys()) {
            if (!survey.answered()) {
                links.put(survey.token(), baseUrl.link("/s/" + survey.token()));
            }
        }
        return new FeedbackCardView(card, links, List.of(SurveyKind.values()), List.of(SurveyTheme.values()));
    }

    /** "My day" of whoever handles complaints: their open cases, the nearest due first (one statement). */
    public List<ComplaintRow> openComplaintsOf(long userId) {
        return reads.queue(ComplaintQueue.MINE, userId, null).rows();
    }

    /** "My day" of whoever handles escalated complaints: every open escalated case (one statement). */
    public List<ComplaintRow> escalatedComplaints() {
        return reads.queue(ComplaintQueue.ESCALATED, 0, null).rows();
    }

    /** What the feedback fragment shows: the card, the links of pending surveys by token, the choices of its forms. */
    public record FeedbackCardView(FeedbackCard card, Map<String, String> surveyLinks, List<SurveyKind> kinds,
                                   List<SurveyTheme> themes) {
    }
}
