package org.relationcrm.feedback;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.relationcrm.client.UpcomingDate;
import org.relationcrm.feedback.internal.FeedbackQueries;
import org.relationcrm.shared.ListSort;
import org.relationcrm.shared.ReadModel;
import org.relationcrm.shared.Slice;
import org.relationcrm.shared.SortCursor;

/** The feedback lists and the 360° card; the churn-risk table, recomputed on a schedule. */
@Service
@ReadModel
public class FeedbackReadService {

    public static final int PAGE_SIZE = 25;

    private final FeedbackQueries queries;
    private final FeedbackSettings settings;

    public FeedbackReadService(FeedbackQueries queries, FeedbackSettings settings) {
        this.queries = queries;
        this.settings = settings;
    }

    public FeedbackCard card(long companyId) {
        return queries.card(companyId);
    }

    /** The queue in its own order: the nearest resolution due date first. */
    public Slice<ComplaintRow, String> queue(ComplaintQueue which, long userId, String after) {
        return queue(which, userId, ComplaintSort.DEFAULT, after);
    }

    public Slice<ComplaintRow, String> queue(ComplaintQueue which, long userId, ComplaintSort sort, String after) {
        return queries.queue(which, userId, sort, after, PAGE_SIZE);
    }

    public ComplaintRow complaint(long id) {
        return queries.complaint(id);
    }

    public Slice<ChurnRisk, SortCursor> riskiest(Long ownerId, ListSort<RiskSort> sort, SortCursor after) {
        return queries.riskiest(ownerId, sort, after, PAGE_SIZE);
    }

    /** The riskiest first. */
    public Slice<ChurnRisk, SortCursor> riskiest(Long ownerId) {
        return riskiest(ownerId, RiskSort.byDefault(), null);
    }

    public Slice<SilentClient, SortCursor> silent(Long ownerId, ListSort<SilentSort> sort, SortCursor after) {
        return queries.silent(ownerId, settings.silentAfterDays(), sort, after, PAGE_SIZE);
    }

    /** The longest silence first. */
    public Slice<SilentClient, SortCursor> silent(Long ownerId) {
        return silent(ownerId, SilentSort.byDefault(), null);
    }

    public List<UpcomingDate> upcomingDates(Long ownerId) {
        return queries.upcomingDates(ownerId, 14, 200);
    }

    public List<WhitespaceRow> whitespace(String sector, Long ownerId) {
        return queries.whitespace(sector, ownerId, 100);
    }

    public List<String> sectors() {
        return queries.sectors();
    }

    public int silentAfterDays() {
        return settings.silentAfterDays();
    }

    /** Recomputes the churn-risk table (scheduled in crm-web, once across nodes: FeedbackJobs). */
    @Transactional
    public void refreshRisk() {
        queries.refreshRisk();
    }
}
