package org.relationcrm.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.stereotype.Service;

import org.relationcrm.shared.ReadModel;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Permission;

/** What people read of the pipeline: "My day", the approval queue and the manager's dashboard. */
@Service
@ReadModel
public class PipelineService {

    public static final int MY_DAY_LIMIT = 50;
    /** Items due up to today shown at once: a long backlog is cleared a page at a time. */
    public static final int DUE_LIMIT = 100;
    public static final int RECENTLY_WON_DAYS = 14;

    private final PipelineQueries queries;
    private final PipelineSettings settings;
    private final Clock clock;

    public PipelineService(PipelineQueries queries, PipelineSettings settings, Clock clock) {
        this.queries = queries;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The signed-in user's day: their follow-ups and deals' next steps due up to today; for those who manage deals,
     * today's meetings and their deals gone quiet or without a next step. One statement per list.
     */
    public MyDay myDay(Actor actor) {
        LocalDate today = LocalDate.now(clock);
        List<DueStep> due = queries.dueSteps(actor.userId(), today, DUE_LIMIT);
        if (!actor.can(Permission.MANAGE_DEALS)) {
            return split(due, today, List.of(), List.of(), List.of());
        }
        Instant dayStart = today.atStartOfDay(clock.getZone()).toInstant();
        Instant dayEnd = today.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        return split(due, today, queries.meetingsOf(actor.userId(), dayStart, dayEnd),
                queries.stale(actor.userId(), staleBefore(), MY_DAY_LIMIT),
                queries.withoutNextStep(actor.userId(), MY_DAY_LIMIT));
    }

    /** A teammate's late and due items, for whoever manages the team's follow-ups (to reschedule or hand on). */
    public MyDay dayOf(long userId, Actor viewer) {
        viewer.require(Permission.MANAGE_TEAM_FOLLOW_UPS);
        LocalDate today = LocalDate.now(clock);
        return split(queries.dueSteps(userId, today, DUE_LIMIT), today, List.of(), List.of(), List.of());
    }

    private static MyDay split(List<DueStep> due, LocalDate today, List<MeetingRow> meetings,
                               List<OpportunityRow> stale, List<OpportunityRow> withoutNextStep) {
        return new MyDay(due.stream().filter(d -> d.isOverdue(today)).toList(),
                due.stream().filter(d -> !d.isOverdue(today)).toList(), meetings, stale, withoutNextStep);
    }

    /** Who in the team has late work, most first: one aggregate statement over partial indexes. */
    public List<TeamMemberLoad> teamLoad(Actor actor) {
        actor.require(Permission.MANAGE_TEAM_FOLLOW_UPS);
        return queries.teamLoad(LocalDate.now(clock), MY_DAY_LIMIT);
    }

    /** Deals signed in the last {@value #RECENTLY_WON_DAYS} days, newest first: the order desk's handoffs. */
    public List<WonDealRow> recentlyWon(Actor actor) {
        actor.require(Permission.MANAGE_HELD_PRODUCT_LINES);
        return queries.wonSince(clock.instant().minus(RECENTLY_WON_DAYS, ChronoUnit.DAYS), MY_DAY_LIMIT);
    }

    public CompanyPipeline ofCompany(long companyId) {
        return queries.ofCompany(companyId, 20);
    }

    public List<MeetingRow> meetingsOfOpportunity(long opportunityId) {
        return queries.meetingsOfOpportunity(opportunityId);
    }

    public List<PendingConcession> pendingConcessions(Actor actor) {
        actor.require(Permission.APPROVE_CONCESSIONS);
        return queries.pendingConcessions(200);
    }

    public PipelineDashboard dashboard(DashboardFilter filter, Actor actor) {
        actor.require(Permission.VIEW_DASHBOARDS);
        return queries.dashboard(filter, staleBefore(), LocalDate.now(clock));
    }

    public Instant staleBefore() {
        return clock.instant().minus(settings.staleAfterDays(), ChronoUnit.DAYS);
    }

    public PipelineSettings settings() {
        return settings;
    }

}
