package org.relationcrm.feedback.internal;

import java.util.List;

import org.relationcrm.client.UpcomingDate;
import org.relationcrm.feedback.ChurnRisk;
import org.relationcrm.feedback.ComplaintQueue;
import org.relationcrm.feedback.ComplaintRow;
import org.relationcrm.feedback.ComplaintSort;
import org.relationcrm.feedback.FeedbackCard;
import org.relationcrm.feedback.RiskSort;
import org.relationcrm.feedback.SilentClient;
import org.relationcrm.feedback.SilentSort;
import org.relationcrm.feedback.WhitespaceRow;
import org.relationcrm.shared.ListSort;
import org.relationcrm.shared.Slice;
import org.relationcrm.shared.SortCursor;

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

    /** Customers by churn risk, in the sort's order (from the last computation of the churn-risk table). */
    Slice<ChurnRisk, SortCursor> riskiest(Long ownerId, ListSort<RiskSort> sort, SortCursor after, int limit);

    /** Recomputes the churn-risk table from the signals (scheduled, and on demand). */
    void refreshRisk();

    /** Customers without an exchange or a signature for {@code days} days or more, in the sort's order. */
    Slice<SilentClient, SortCursor> silent(Long ownerId, int days, ListSort<SilentSort> sort, SortCursor after,
                                           int limit);

    List<UpcomingDate> upcomingDates(Long ownerId, int days, int limit);

    List<WhitespaceRow> whitespace(String sector, Long ownerId, int limit);

    List<String> sectors();
}
