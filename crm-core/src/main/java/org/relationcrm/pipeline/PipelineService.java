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

    private final PipelineQueries queries;
    private final PipelineSettings settings;
    private final Clock clock;

    public PipelineService(PipelineQueries queries, PipelineSettings settings, Clock clock) {
        this.queries = queries;
        this.settings = settings;
        this.clock = clock;
    }

    public MyDay myDay(Actor actor) {
        LocalDate today = LocalDate.now(clock);
        List<DueStep> due = queries.dueSteps(actor.userId(), today, MY_DAY_LIMIT * 2);
        Instant dayStart = today.atStartOfDay(clock.getZone()).toInstant();
        Instant dayEnd = today.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        return new MyDay(due.stream().filter(d -> d.isOverdue(today)).toList(),
                due.stream().filter(d -> !d.isOverdue(today)).toList(),
                queries.meetingsOf(actor.userId(), dayStart, dayEnd),
                queries.stale(actor.userId(), staleBefore(), MY_DAY_LIMIT),
                queries.withoutNextStep(actor.userId(), MY_DAY_LIMIT));
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
