package org.relationcrm.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The read side of the pipeline, each answer one SQL statement (or two). Implemented in crm-persistence. */
public interface PipelineQueries {

    /** The deals card of a 360° page: open deals (at most {@code limit}) and the won/lost counts, two statements. */
    CompanyPipeline ofCompany(long companyId, int limit);

    /** What is due for a user up to {@code today} (interactions assigned to them and their deals). */
    List<DueStep> dueSteps(long userId, LocalDate today, int limit);

    /** Per user with late work (follow-ups assigned to them, their deals' next steps), the most late first. */
    List<TeamMemberLoad> teamLoad(LocalDate today, int limit);

    /** Deals won since the given instant, newest first. */
    List<WonDealRow> wonSince(Instant since, int limit);

    List<MeetingRow> meetingsOf(long authorId, Instant from, Instant to);

    List<MeetingRow> meetingsOfOpportunity(long opportunityId);

    List<OpportunityRow> stale(long ownerId, Instant before, int limit);

    List<OpportunityRow> withoutNextStep(long ownerId, int limit);

    List<PendingConcession> pendingConcessions(int limit);

    PipelineDashboard dashboard(DashboardFilter filter, Instant staleBefore, LocalDate today);

    List<MeetingContext.RecentInteraction> lastInteractions(long companyId, int limit);

    /** Product lines of the deals the company signed. */
    /** The product lines the client holds (won or entered by ADV). */
    List<String> productsHeld(long companyId);

    /** The client's complaints still open, newest first. */
    List<MeetingContext.OpenComplaint> openComplaints(long companyId, int limit);

    List<OpportunityRow> openOfCompany(long companyId, int limit);
}
