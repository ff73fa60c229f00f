package org.relationcrm.feedback.internal;

import java.util.List;

import org.relationcrm.client.UpcomingDate;
import org.relationcrm.feedback.ChurnRisk;
import org.relationcrm.feedback.ComplaintQueue;
import org.relationcrm.feedback.ComplaintRow;
import org.relationcrm.feedback.ComplaintSort;
import org.relationcrm.feedback.FeedbackCard;
import org.relationcrm.feedback.SilentClient;
import org.relationcrm.feedback.WhitespaceRow;
import org.relationcrm.shared.Slice;

/** The feedback read side, in SQL (crm-persistence). */
public interface FeedbackQueries {

    /** The 360° card of a company, in two statements. */
    FeedbackCard card(long companyId);

    /**
     * Open complaints in the given order; keyset after the given complaint (its number: the page's cursor), whose
     * sort values the same statement reads again.
     */
    Slice<ComplaintRow, String> queue(ComplaintQueue which, long userId, ComplaintSort sort, String after, int limit);

    ComplaintRow complaint(long id);

    /** The riskiest customers first (from the last computation of the churn-risk table). */
    Slice<ChurnRisk, String> riskiest(Long ownerId, String after, int limit);

    /** Recomputes the churn-risk table from the signals (scheduled, and on demand). */
    void refreshRisk();

    Slice<SilentClient, String> silent(Long ownerId, int days, String after, int limit);

    List<UpcomingDate> upcomingDates(Long ownerId, int days, int limit);

    List<WhitespaceRow> whitespace(String sector, Long ownerId, int limit);

    List<String> sectors();
}
